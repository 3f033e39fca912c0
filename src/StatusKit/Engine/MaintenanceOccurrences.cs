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
        From(window, now).TakeWhile(o => o.State == MaintenanceState.InProgress || o.StartsAt < until).Take(MaxPerWindow);

    /// <summary>
    /// Every occurrence of <paramref name="window"/> from its current (or next) one as stored, in order and lazily: then
    /// — for a recurring window — the following occurrences from its recurrence that end after <paramref name="now"/>,
    /// as Scheduled (endless for a recurrence without COUNT or UNTIL). Nothing for a Completed or Cancelled window.
    /// </summary>
    public static IEnumerable<MaintenanceOccurrence> From(MaintenanceWindow window, DateTimeOffset now)
    {
        if (window.State is not (MaintenanceState.Scheduled or MaintenanceState.InProgress))
        {
            yield break;
        }

        yield return Occurrence(window, window.OccurrenceStartsAt, window.OccurrenceEndsAt, window.State);
        if (window.Recurrence is null || OccurrenceSchedule.For(window) is not { IsRecurring: true } schedule)
        {
            yield break;
        }

        var next = schedule.NextAfter(window.OccurrenceStartsAt, window.OccurrenceEndsAt, now);
        while (next is { } occurrence)
        {
            yield return Occurrence(window, occurrence.StartsAt, occurrence.EndsAt, MaintenanceState.Scheduled);
            next = schedule.NextAfter(occurrence.StartsAt, occurrence.EndsAt, now);
        }
    }

    private static MaintenanceOccurrence Occurrence(MaintenanceWindow window, DateTimeOffset start, DateTimeOffset end, MaintenanceState state) =>
        new(window.Id, window.Title, window.Description, start, end, state, window.ComponentIds, window.Recurrence, window.TimeZoneId);
}
