namespace StatusKit.Recurrence;

/// <summary>A change of a zone's UTC offset: from <see cref="Before"/> to <see cref="After"/> at <see cref="Instant"/>.</summary>
/// <param name="Instant">The first instant with the new offset.</param>
/// <param name="Before">The offset until then.</param>
/// <param name="After">The offset from then on.</param>
internal readonly record struct ZoneTransition(DateTimeOffset Instant, TimeSpan Before, TimeSpan After)
{
    /// <summary>How far the wall clock jumps, either way.</summary>
    public TimeSpan Shift => (After - Before).Duration();
}
