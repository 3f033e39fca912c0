using System.Diagnostics.CodeAnalysis;
using StatusKit.Model;

namespace StatusKit.Maintenance;

/// <summary>
/// The occurrences of a window: the first is [<see cref="MaintenanceWindow.StartsAt"/>, <see cref="MaintenanceWindow.EndsAt"/>),
/// then every start of the recurrence after it, each lasting <see cref="MaintenanceWindow.Duration"/>. Pure and
/// immutable; the recurrence runs on the wall clock of the window's time zone, so DST moves the instants, not the
/// local times.
/// </summary>
internal sealed class OccurrenceSchedule
{
    private readonly DateTimeOffset _firstStart;
    private readonly TimeZoneInfo _zone;
    private readonly MaintenanceRecurrence? _recurrence;

    private OccurrenceSchedule(DateTimeOffset firstStart, TimeSpan duration, TimeZoneInfo zone, MaintenanceRecurrence? recurrence)
    {
        _firstStart = firstStart;
        Duration = duration;
        _zone = zone;
        _recurrence = recurrence;
    }

    /// <summary>The length of every occurrence.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether the window has more than its first occurrence (possibly).</summary>
    public bool IsRecurring => _recurrence is not null;

    /// <summary>
    /// Builds the schedule of <paramref name="firstStart"/>/<paramref name="duration"/> with <paramref name="recurrenceText"/>;
    /// false with the field and message when the zone or the recurrence is invalid.
    /// </summary>
    public static bool TryCreate(
        DateTimeOffset firstStart,
        TimeSpan duration,
        string timeZoneId,
        string? recurrenceText,
        [NotNullWhen(true)] out OccurrenceSchedule? schedule,
        [NotNullWhen(false)] out string? errorField,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            errorField = "timeZoneId";
            error = $"'{timeZoneId}' is not a known IANA time zone (for example 'Europe/Berlin' or 'UTC').";
            return false;
        }

        MaintenanceRecurrence? recurrence = null;
        if (!string.IsNullOrWhiteSpace(recurrenceText) && !MaintenanceRecurrence.TryParse(recurrenceText, out recurrence, out var parseError))
        {
            errorField = "recurrence";
            error = $"The recurrence '{recurrenceText}' is neither a valid RRULE nor a valid cron expression: {parseError}";
            return false;
        }

        schedule = new OccurrenceSchedule(firstStart, duration, zone, recurrence);
        errorField = null;
        error = null;
        return true;
    }

    /// <summary>The schedule of a stored window, or null when its stored zone or recurrence is no longer valid.</summary>
    public static OccurrenceSchedule? For(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return TryCreate(window.StartsAt, window.Duration, window.TimeZoneId, window.Recurrence, out var schedule, out _, out _) ? schedule : null;
    }

    /// <summary>The first occurrence that starts strictly after <paramref name="after"/>, or null.</summary>
    public OccurrenceSpan? NextStartingAfter(DateTimeOffset after)
    {
        DateTimeOffset? start = after < _firstStart
            ? _firstStart
            : _recurrence?.NextStartAfter(_firstStart, _zone, after);
        return start is { } s ? new OccurrenceSpan(s, s + Duration) : null;
    }

    /// <summary>The first occurrence that ends strictly after <paramref name="instant"/> (the current or next one), or null.</summary>
    public OccurrenceSpan? FirstEndingAfter(DateTimeOffset instant) => NextStartingAfter(instant - Duration);

    /// <summary>
    /// Where the occurrence that started at <paramref name="start"/> was planned to start: the first start at or after
    /// it. An operator may start an occurrence early; an on-time or late start is the planned one.
    /// </summary>
    public DateTimeOffset PlannedStartOf(DateTimeOffset start) => NextStartingAfter(start.AddTicks(-1))?.StartsAt ?? start;

    /// <summary>
    /// The occurrence that follows the current one [<paramref name="currentStart"/>, <paramref name="currentEnd"/>):
    /// the first that starts after the current one's planned start (<see cref="PlannedStartOf"/>, so an occurrence
    /// started early and ended before its planned start is not run again), at or after its end, and ends after
    /// <paramref name="now"/> (occurrences that passed meanwhile are skipped); null after the last.
    /// </summary>
    public OccurrenceSpan? NextAfter(DateTimeOffset currentStart, DateTimeOffset currentEnd, DateTimeOffset now)
    {
        var notBefore = currentEnd.AddTicks(-1);
        var planned = PlannedStartOf(currentStart);
        var stillRunning = now - Duration;
        var after = notBefore > planned ? notBefore : planned;
        return NextStartingAfter(after > stillRunning ? after : stillRunning);
    }

    /// <summary>The occurrence that contains <paramref name="instant"/>, or null.</summary>
    public OccurrenceSpan? Containing(DateTimeOffset instant) =>
        FirstEndingAfter(instant) is { } occurrence && occurrence.Contains(instant) ? occurrence : null;

    /// <summary>The first <paramref name="count"/> occurrences (fewer when the recurrence ends sooner).</summary>
    public IEnumerable<OccurrenceSpan> Take(int count)
    {
        var next = NextStartingAfter(DateTimeOffset.MinValue);
        for (var i = 0; i < count && next is { } occurrence; i++)
        {
            yield return occurrence;
            next = _recurrence is null ? null : NextStartingAfter(occurrence.StartsAt);
        }
    }
}
