using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>Expands maintenance windows into the occurrences a page shows.</summary>
internal static class MaintenanceOccurrences
{
    /// <summary>The most occurrences of one window shown, so a minutely rule cannot flood a snapshot.</summary>
    public const int MaxPerWindow = 100;

    /// <summary>
    /// The occurrences of <paramref name="window"/> that are in progress or start before <paramref name="until"/>:
    /// the current (or next) occurrence as stored, then — for a recurring window — the following occurrences from its
    /// recurrence, as Scheduled. Nothing for a Completed or Cancelled window.
    /// </summary>
    public static IEnumerable<MaintenanceOccurrence> Between(MaintenanceWindow window, DateTimeOffset now, DateTimeOffset until) =>
        Occurrences(window, now, until, MaxPerWindow);

    /// <summary>
    /// Every occurrence of <paramref name="window"/> from its current (or next) one as stored, in order and lazily: then
    /// — for a recurring window — the following occurrences from its recurrence that end after <paramref name="now"/>,
    /// as Scheduled (endless for a recurrence without COUNT or UNTIL). Nothing for a Completed or Cancelled window.
    /// </summary>
    public static IEnumerable<MaintenanceOccurrence> From(MaintenanceWindow window, DateTimeOffset now) =>
        Occurrences(window, now, DateTimeOffset.MaxValue, int.MaxValue);

    // One iterator for both, with no LINQ over it: Between runs for every window of every snapshot build.
    private static IEnumerable<MaintenanceOccurrence> Occurrences(MaintenanceWindow window, DateTimeOffset now, DateTimeOffset until, int max)
    {
        if (max <= 0
            || window.State is not (MaintenanceState.Scheduled or MaintenanceState.InProgress)
            || (window.State != MaintenanceState.InProgress && window.OccurrenceStartsAt >= until))
        {
            yield break;
        }

        yield return Occurrence(window, window.OccurrenceStartsAt, window.OccurrenceEndsAt, window.State);
        if (window.Recurrence is null || OccurrenceSchedule.For(window) is not { IsRecurring: true } schedule)
        {
            yield break;
        }

        var next = schedule.NextAfter(window.OccurrenceStartsAt, window.OccurrenceEndsAt, now);
        for (var shown = 1; shown < max && next is { } occurrence && occurrence.StartsAt < until; shown++)
        {
            yield return Occurrence(window, occurrence.StartsAt, occurrence.EndsAt, MaintenanceState.Scheduled);
            next = schedule.NextAfter(occurrence.StartsAt, occurrence.EndsAt, now);
        }
    }

    private static MaintenanceOccurrence Occurrence(MaintenanceWindow window, DateTimeOffset start, DateTimeOffset end, MaintenanceState state) =>
        new(window.Id, window.Title, window.Description, start, end, state, window.ComponentIds, window.Recurrence, window.TimeZoneId, window.UpdatedAt);
}
