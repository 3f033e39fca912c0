using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>Expands maintenance windows into the occurrences a page shows.</summary>
internal static class MaintenanceOccurrences
{
    /// <summary>
    /// The occurrences of <paramref name="window"/> that are in progress or start before <paramref name="until"/>:
    /// nothing for a Completed or Cancelled window.
    /// </summary>
    public static IEnumerable<MaintenanceOccurrence> Between(MaintenanceWindow window, DateTimeOffset now, DateTimeOffset until)
    {
        if (window.State is not (MaintenanceState.Scheduled or MaintenanceState.InProgress))
        {
            yield break;
        }

        if (window.State == MaintenanceState.InProgress || window.OccurrenceStartsAt < until)
        {
            yield return Occurrence(window, window.OccurrenceStartsAt, window.OccurrenceEndsAt, window.State);
        }
    }

    private static MaintenanceOccurrence Occurrence(MaintenanceWindow window, DateTimeOffset start, DateTimeOffset end, MaintenanceState state) =>
        new(window.Id, window.Title, window.Description, start, end, state, window.ComponentIds, window.Recurrence, window.TimeZoneId);
}
