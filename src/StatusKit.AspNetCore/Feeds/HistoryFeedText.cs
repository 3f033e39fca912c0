using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// What both history feeds (<see cref="AtomFeedWriter"/>, <see cref="RssFeedWriter"/>) say of a page's incidents, so a
/// reader sees the same text whichever feed it follows: each incident's timeline, and when the feed last changed.
/// </summary>
internal static class HistoryFeedText
{
    /// <summary>The latest change of the listed incidents; for a page without any, the page's creation.</summary>
    public static DateTimeOffset Updated(PageSnapshot snapshot, IReadOnlyList<StatusIncident> incidents) =>
        incidents.Count == 0 ? DerivedIds.CreatedAt(snapshot.PageId, snapshot.GeneratedAt) : incidents.Max(i => i.UpdatedAt);

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

    /// <summary>An instant in UTC with milliseconds, as RFC 3339 writes it (Atom's dates and the timeline's).</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
