using System.Diagnostics.CodeAnalysis;
using StatusKit.Model;
using StatusKit.Recurrence;
using StatusKit.Shared;

namespace StatusKit.Maintenance;

/// <summary>
/// The occurrences of a window: the first is [<see cref="MaintenanceWindow.StartsAt"/>, <see cref="MaintenanceWindow.EndsAt"/>),
/// then every start of the recurrence after it, each lasting <see cref="MaintenanceWindow.Duration"/>, less the
/// excluded starts (<see cref="MaintenanceWindow.ExcludedOccurrences"/>, which may exclude the first too, as RFC 5545's
/// EXDATE may exclude DTSTART). Pure and immutable; the recurrence runs on the wall clock of the window's time zone, so
/// DST moves the instants, not the local times.
/// </summary>
internal sealed class OccurrenceSchedule
{
    private readonly DateTimeOffset _firstStart;
    private readonly TimeZoneInfo _zone;
    private readonly MaintenanceRecurrence? _recurrence;
    private readonly ExcludedStarts _excluded;

    private OccurrenceSchedule(DateTimeOffset firstStart, TimeSpan duration, TimeZoneInfo zone, MaintenanceRecurrence? recurrence, ExcludedStarts excluded)
    {
        _firstStart = firstStart;
        Duration = duration;
        _zone = zone;
        _recurrence = recurrence;
        _excluded = excluded;
    }

    /// <summary>The length of every occurrence.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether the window has more than its first occurrence (possibly).</summary>
    public bool IsRecurring => _recurrence is not null;

    /// <summary>Whether the recurrence ends after a number of occurrences (an RRULE with COUNT).</summary>
    public bool IsCounted => _recurrence?.IsCounted == true;

    /// <summary>The window's time zone.</summary>
    public TimeZoneInfo Zone => _zone;

    /// <summary>What the recurrence's structure says about the spacing of its wall-clock times; null for a one-off window.</summary>
    public RecurrenceSpacing? Spacing => _recurrence?.Spacing(_firstStart, _zone);

    /// <summary>
    /// Builds the schedule of <paramref name="firstStart"/>/<paramref name="duration"/> with <paramref name="recurrenceText"/>
    /// less <paramref name="excludedStarts"/> (wall-clock starts in the zone); false with the field and message when the
    /// zone or the recurrence is invalid.
    /// </summary>
    public static bool TryCreate(
        DateTimeOffset firstStart,
        TimeSpan duration,
        string timeZoneId,
        string? recurrenceText,
        IReadOnlyList<DateTime> excludedStarts,
        [NotNullWhen(true)] out OccurrenceSchedule? schedule,
        [NotNullWhen(false)] out string? errorField,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (IanaTimeZones.Find(timeZoneId) is not { } zone)
        {
            errorField = "timeZoneId";
            error = $"'{QuotedValue.Of(timeZoneId)}' is not a known IANA time zone (for example 'Europe/Berlin' or 'UTC').";
            return false;
        }

        MaintenanceRecurrence? recurrence = null;
        if (!string.IsNullOrWhiteSpace(recurrenceText) && !MaintenanceRecurrence.TryParse(recurrenceText, out recurrence, out var parseError))
        {
            errorField = "recurrence";
            error = $"The recurrence '{QuotedValue.Of(recurrenceText)}' is neither a valid RRULE nor a valid cron expression: {parseError}";
            return false;
        }

        schedule = new OccurrenceSchedule(firstStart, duration, zone, recurrence, ExcludedStarts.Of(excludedStarts, zone, recurrence?.IsCron == true));
        errorField = null;
        error = null;
        return true;
    }

    /// <summary>The schedule of a stored window, or null when its stored zone or recurrence is no longer valid.</summary>
    public static OccurrenceSchedule? For(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return TryCreate(window.StartsAt, window.Duration, window.TimeZoneId, window.Recurrence, window.ExcludedOccurrences, out var schedule, out _, out _)
            ? schedule
            : null;
    }

    /// <summary>Whether any start is excluded.</summary>
    public bool HasExclusions => !_excluded.IsEmpty;

    /// <summary>The same schedule with nothing excluded.</summary>
    public OccurrenceSchedule WithoutExclusions() =>
        _excluded.IsEmpty ? this : new OccurrenceSchedule(_firstStart, Duration, _zone, _recurrence, ExcludedStarts.None);

    /// <summary>Whether an occurrence starting at <paramref name="start"/> would be excluded.</summary>
    public bool IsExcluded(DateTimeOffset start) => _excluded.Contains(start);

    /// <summary>The first occurrence that starts strictly after <paramref name="after"/>, or null.</summary>
    public OccurrenceSpan? NextStartingAfter(DateTimeOffset after)
    {
        DateTimeOffset? start = after < _firstStart
            ? _firstStart
            : _recurrence?.NextStartAfter(_firstStart, _zone, after);
        if (!_excluded.IsEmpty)
        {
            while (start is { } excluded && _excluded.Contains(excluded))
            {
                start = _recurrence?.NextStartAfter(_firstStart, _zone, excluded);
            }
        }

        return start is { } s ? new OccurrenceSpan(s, s + Duration) : null;
    }

    /// <summary>The first occurrence that ends strictly after <paramref name="instant"/> (the current or next one), or null.</summary>
    public OccurrenceSpan? FirstEndingAfter(DateTimeOffset instant) => NextStartingAfter(HeldInstant.Minus(instant, Duration));

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
        var stillRunning = HeldInstant.Minus(now, Duration);
        var after = notBefore > planned ? notBefore : planned;
        return NextStartingAfter(after > stillRunning ? after : stillRunning);
    }

    /// <summary>The occurrence that contains <paramref name="instant"/>, or null.</summary>
    public OccurrenceSpan? Containing(DateTimeOffset instant) =>
        FirstEndingAfter(instant) is { } occurrence && occurrence.Contains(instant) ? occurrence : null;

    /// <summary>The first <paramref name="count"/> occurrences (fewer when the recurrence ends sooner).</summary>
    public IEnumerable<OccurrenceSpan> Take(int count) => All().Take(count);

    /// <summary>Every occurrence in order, lazily (infinite for a recurrence without COUNT or UNTIL).</summary>
    public IEnumerable<OccurrenceSpan> All() => StartingAfter(DateTimeOffset.MinValue);

    /// <summary>
    /// The occurrences that start strictly after <paramref name="after"/>, in order and lazily: what
    /// <see cref="NextStartingAfter"/> gives one call at a time, without seeking again for each.
    /// </summary>
    public IEnumerable<OccurrenceSpan> StartingAfter(DateTimeOffset after)
    {
        if (after < _firstStart)
        {
            if (!_excluded.Contains(_firstStart))
            {
                yield return new OccurrenceSpan(_firstStart, _firstStart + Duration);
            }

            after = _firstStart;
        }

        if (_recurrence is null)
        {
            yield break;
        }

        foreach (var start in _recurrence.StartsAfter(_firstStart, _zone, after))
        {
            if (!_excluded.Contains(start))
            {
                yield return new OccurrenceSpan(start, start + Duration);
            }
        }
    }

    /// <summary>
    /// The same recurrence on the wall clock alone, without exclusions: evaluated in UTC from the wall time of the first
    /// start, so every occurrence's start is its wall time and no DST transition moves it; an UNTIL instant is read as
    /// its wall time in the zone, so the walk ends with the zone's last occurrence (not an offset earlier or later).
    /// </summary>
    public OccurrenceSchedule OnWallClock()
    {
        var wall = TimeZoneInfo.ConvertTime(_firstStart, _zone).DateTime;
        return new OccurrenceSchedule(new DateTimeOffset(wall.Ticks, TimeSpan.Zero), Duration, TimeZoneInfo.Utc, _recurrence?.OnWallClockOf(_zone), ExcludedStarts.None);
    }
}
