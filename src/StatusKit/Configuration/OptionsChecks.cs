namespace StatusKit.Configuration;

/// <summary>Checks shared by the options validators; each adds a "Field: problem (was value)." line.</summary>
internal static class OptionsChecks
{
    /// <summary>
    /// The longest any duration option may be: ten years. Durations are added to the clock's time, and a larger value
    /// (say <see cref="TimeSpan.MaxValue"/>) would overflow there at run time instead of failing at start-up.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    /// <summary>
    /// The longest a delay the library waits on a timer may be: one day (timers refuse due times past ~49 days, and a
    /// longer pause of a retry or poll loop is never meant).
    /// </summary>
    public static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(1);

    /// <summary>A delay waited on a timer: greater than zero and at most <see cref="MaxTimerDelay"/>.</summary>
    public static void TimerDelay(List<string> failures, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > MaxTimerDelay)
        {
            failures.Add($"{field}: must be greater than zero and at most {MaxTimerDelay.TotalHours:0} hours (was {value}).");
        }
    }

    public static void Positive(List<string> failures, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{field}: must be greater than zero (was {value}).");
        }

        AtMostMaxDuration(failures, field, value);
    }

    public static void NotNegative(List<string> failures, string field, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{field}: must not be negative (was {value}).");
        }

        AtMostMaxDuration(failures, field, value);
    }

    private static void AtMostMaxDuration(List<string> failures, string field, TimeSpan value)
    {
        if (value > MaxDuration)
        {
            failures.Add($"{field}: must be at most {MaxDuration.TotalDays:0} days (was {value}).");
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
