using FsCheck;

namespace StatusKit.Tests;

/// <summary>Runs FsCheck properties inside xunit facts (FsCheck.Xunit is not on the feed).</summary>
internal static class PropertyCheck
{
    /// <summary>The number of cases every property runs unless a test asks for more.</summary>
    public const int DefaultCases = 1_000;

    public static void Verify(Property property, int cases = DefaultCases) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
}
