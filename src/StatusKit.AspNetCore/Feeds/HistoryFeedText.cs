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
    /// A postmortem: <c>Postmortem published {time}</c>, a blank line, then its text as written, fit for an XML document
    /// (<see cref="XmlText.Clean"/>).
    /// </summary>
    public static string Postmortem(string text, DateTimeOffset publishedAt) =>
        XmlText.Clean($"Postmortem published {Timestamp(publishedAt)}\n\n{text.Trim()}");

    /// <summary>
    /// A maintenance window, one line each, fit for an XML document (<see cref="XmlText.Clean"/>): its state with the
    /// start and end of its current, next or last occurrence in UTC (<c>Scheduled maintenance: starts …, ends …</c>; a
    /// recurring window says so and which occurrence it gives), then <c>Affected components: …</c> when
    /// <paramref name="componentNames"/> has any, then its description when it has one. The recurrence rule itself is
    /// not shown, as the window's own page does not show it.
    /// </summary>
    public static string Maintenance(MaintenanceWindow window, IReadOnlyList<string> componentNames)
    {
        var (state, before, between) = MaintenancePhrase(window);
        var text = new StringBuilder(state).Append(": ").Append(before).Append(Timestamp(window.OccurrenceStartsAt))
            .Append(between).Append(Timestamp(window.OccurrenceEndsAt));
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

    /// <summary>
    /// How a window's state and occurrence are worded, in three parts around its start and end: the state (<c>Scheduled
    /// maintenance</c>, <c>, recurring</c> added for a recurring window), the words before the start (<c>starts </c>) and
    /// those between start and end (<c>, ends </c>). Both the plain text and the HTML (<see cref="HistoryFeedHtml"/>) say it so.
    /// </summary>
    public static (string State, string BeforeStart, string BeforeEnd) MaintenancePhrase(MaintenanceWindow window)
    {
        var recurring = window.Recurrence is not null;
        return window.State switch
        {
            MaintenanceState.Scheduled when recurring => ("Scheduled maintenance, recurring", "next occurrence starts ", ", ends "),
            MaintenanceState.Scheduled => ("Scheduled maintenance", "starts ", ", ends "),
            MaintenanceState.InProgress when recurring => ("Maintenance in progress, recurring", "this occurrence started ", ", ends "),
            MaintenanceState.InProgress => ("Maintenance in progress", "started ", ", ends "),
            MaintenanceState.Completed when recurring => ("Maintenance completed, recurring", "its last occurrence started ", ", ended "),
            MaintenanceState.Completed => ("Maintenance completed", "started ", ", ended "),
            MaintenanceState.Cancelled when recurring => ("Maintenance cancelled, recurring", "its next occurrence was planned from ", " to "),
            MaintenanceState.Cancelled => ("Maintenance cancelled", "was planned from ", " to "),
            _ => throw new ArgumentOutOfRangeException(nameof(window), window.State, "Unknown maintenance state."),
        };
    }

    /// <summary>An instant in UTC with milliseconds, as RFC 3339 writes it (Atom's dates and the entries' text).</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
