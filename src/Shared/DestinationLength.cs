namespace StatusKit.Shared;

/// <summary>
/// The most characters a subscriber's destination may have (after trimming): the core refuses a longer one
/// (<see cref="ValidationCodes.DestinationTooLong"/>) and the page's refusal names the number. Compiled into each
/// StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class DestinationLength
{
    /// <summary>2,000 characters.</summary>
    public const int Max = 2_000;
}
