using StatusKit.AspNetCore.Html;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// What both history feeds say of an entry as HTML, for a feed reader to render (Atom's <c>content type="html"</c>, RSS's
/// <c>description</c>), as Statuspage's feeds do: the same words as <see cref="HistoryFeedText"/>, in paragraphs a reader
/// does not run together, with times in UTC as <c>&lt;time&gt;</c> elements. Every operator text is HTML-encoded
/// (<see cref="HtmlWriter.Text(string)"/>) after <see cref="XmlText.Clean"/>, so a title, message or description holding markup
/// or <c>&amp;</c> shows as written and never as a tag; a line break in it is a <c>&lt;br&gt;</c>, a blank line two.
/// </summary>
internal static class HistoryFeedHtml
{
    /// <summary>
    /// The incident's updates, newest first, a paragraph each: its time, a line break, its state in bold, a dash, its
    /// message (<c>&lt;p&gt;&lt;small&gt;time&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Identified&lt;/strong&gt; - message&lt;/p&gt;</c>).
    /// </summary>
    public static string Timeline(StatusIncident incident)
    {
        using var html = new HtmlWriter();
        for (var i = incident.Updates.Count - 1; i >= 0; i--)
        {
            var update = incident.Updates[i];
            html.Raw("<p><small>").Time(update.At, TimeZoneInfo.Utc).Raw("</small><br><strong>").Text(update.State.ToString()).Raw("</strong> - ");
            Lines(html, update.Message);
            html.Raw("</p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// A maintenance window: a paragraph with its state in bold and the start and end of its occurrence
    /// (<see cref="HistoryFeedText.MaintenancePhrase"/>), one naming <paramref name="componentNames"/> when it has any, and
    /// one with its description when it has one.
    /// </summary>
    public static string Maintenance(MaintenanceWindow window, IReadOnlyList<string> componentNames)
    {
        var (state, beforeStart, beforeEnd) = HistoryFeedText.MaintenancePhrase(window);
        using var html = new HtmlWriter();
        html.Raw("<p><strong>").Text(state).Raw("</strong>: ").Text(beforeStart).Time(window.OccurrenceStartsAt, TimeZoneInfo.Utc)
            .Text(beforeEnd).Time(window.OccurrenceEndsAt, TimeZoneInfo.Utc).Raw("</p>");
        if (componentNames.Count > 0)
        {
            html.Raw("<p><strong>Affected components</strong>: ").Text(XmlText.Clean(string.Join(", ", componentNames))).Raw("</p>");
        }

        if (!string.IsNullOrWhiteSpace(window.Description))
        {
            html.Raw("<p>");
            Lines(html, window.Description);
            html.Raw("</p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// A postmortem as its incident's page shows it: a paragraph with its publication time, then a paragraph per block of
    /// its text separated by blank lines, a line break inside one kept as <c>&lt;br&gt;</c>.
    /// </summary>
    public static string Postmortem(string text, DateTimeOffset publishedAt)
    {
        using var html = new HtmlWriter();
        html.Raw("<p><small>Published ").Time(publishedAt, TimeZoneInfo.Utc).Raw("</small></p>");
        foreach (var paragraph in PlainTextParagraphs.Split(XmlText.Clean(text)))
        {
            html.Raw("<p>");
            for (var l = 0; l < paragraph.Count; l++)
            {
                html.Raw(l == 0 ? "" : "<br>").Text(paragraph[l]);
            }

            html.Raw("</p>");
        }

        return html.ToString();
    }

    /// <summary>Plain text as lines (<see cref="HtmlWriter.Lines"/>), without the characters XML cannot carry.</summary>
    public static void Lines(HtmlWriter html, string text) => html.Lines(XmlText.Clean(text));
}
