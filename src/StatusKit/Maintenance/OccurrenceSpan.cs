namespace StatusKit.Maintenance;

/// <summary>One occurrence of a maintenance window: a half-open interval [<see cref="StartsAt"/>, <see cref="EndsAt"/>).</summary>
/// <param name="StartsAt">The occurrence's start.</param>
/// <param name="EndsAt">The occurrence's end.</param>
internal readonly record struct OccurrenceSpan(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>Whether <paramref name="instant"/> lies inside the occurrence.</summary>
    public bool Contains(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;
}
