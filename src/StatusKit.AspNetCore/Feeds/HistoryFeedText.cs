using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// What both history feeds (<see cref="AtomFeedWriter"/>, <see cref="RssFeedWriter"/>) say of a page's incidents and
/// maintenance windows, so a reader sees the same text whichever feed it follows: each incident's timeline, each
/// window's state, times, components and description, and when the feed last changed.
/// </summary>
internal static class HistoryFeedText
{
    /// <summary>The latest change of the listed entries; for a page without any, the page's creation.</summary>
    public static DateTimeOffset Updated(PageSnapshot snapshot, IReadOnlyList<HistoryFeedEntry> entries) =>
        entries.Count == 0 ? DerivedIds.CreatedAt(snapshot.PageId, snapshot.GeneratedAt) : entries.Max(e => e.Updated);

    /// <summary>
    /// The incident's updates, newest first, one line each (<c>State (time): message</c>), fit for an XML document
    /// (<see cref="XmlText.Clean"/>).
    /// </summary>
    public static string Timeline(StatusIncident incident)
    {
        var text = new StringBuilder();
        for (var i = incident.Updates.Count - 1; i >= 0; i--)
        {
            var update = incident.Updates[i];
            text.Append(update.State).Append(" (").Append(Timestamp(update.At)).Append("): ").Append(update.Message).Append('\n');
        }

        return XmlText.Clean(text.ToString().TrimEnd());
    }

    /// <summary>
    /// A maintenance window, one line each, fit for an XML document (<see cref="XmlText.Clean"/>): its state with the
    /// start and end of its current, next or last occurrence in UTC (<c>Scheduled maintenance: starts …, ends …</c>; a
    /// recurring window says so and which occurrence it gives), then <c>Affected components: …</c> when
    /// <paramref name="componentNames"/> has any, then its description when it has one. The recurrence rule itself is
    /// not shown, as the window's own page does not show it.
    /// </summary>
    public static string Maintenance(MaintenanceWindow window, IReadOnlyList<string> componentNames)
    {
        var start = Timestamp(window.OccurrenceStartsAt);
        var end = Timestamp(window.OccurrenceEndsAt);
        var recurring = window.Recurrence is not null;
        var text = new StringBuilder(window.State switch
        {
            MaintenanceState.Scheduled when recurring => $"Scheduled maintenance, recurring: next occurrence starts {start}, ends {end}",
            MaintenanceState.Scheduled => $"Scheduled maintenance: starts {start}, ends {end}",
            MaintenanceState.InProgress when recurring => $"Maintenance in progress, recurring: this occurrence started {start}, ends {end}",
            MaintenanceState.InProgress => $"Maintenance in progress: started {start}, ends {end}",
            MaintenanceState.Completed when recurring => $"Maintenance completed, recurring: its last occurrence started {start}, ended {end}",
            MaintenanceState.Completed => $"Maintenance completed: started {start}, ended {end}",
            MaintenanceState.Cancelled when recurring => $"Maintenance cancelled, recurring: its next occurrence was planned from {start} to {end}",
            MaintenanceState.Cancelled => $"Maintenance cancelled: was planned from {start} to {end}",
            _ => throw new ArgumentOutOfRangeException(nameof(window), window.State, "Unknown maintenance state."),
        });
        if (componentNames.Count > 0)
        {
            text.Append("\nAffected components: ").AppendJoin(", ", componentNames);
        }

        if (!string.IsNullOrWhiteSpace(window.Description))
        {
            text.Append('\n').Append(window.Description.Trim());
        }

        return XmlText.Clean(text.ToString());
    }

    /// <summary>An instant in UTC with milliseconds, as RFC 3339 writes it (Atom's dates and the entries' text).</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
