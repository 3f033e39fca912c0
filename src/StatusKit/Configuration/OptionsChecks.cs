namespace StatusKit.Configuration;

/// <summary>Checks shared by the options validators; each adds a "Field: problem (was value)." line.</summary>
internal static class OptionsChecks
{
    public static void Positive(List<string> failures, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{field}: must be greater than zero (was {value}).");
        }
    }

    public static void NotNegative(List<string> failures, string field, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{field}: must not be negative (was {value}).");
        }
    }

    public static void AtLeast(List<string> failures, string field, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{field}: must be at least {minimum} (was {value}).");
        }
    }
}
