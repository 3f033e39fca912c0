using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// One entry of the history feeds, an incident or a maintenance window, as both writers (<see cref="AtomFeedWriter"/>,
/// <see cref="RssFeedWriter"/>) write it: the Atom entry's <c>urn:uuid:</c> id and the RSS item's guid, its title, when
/// it was published and last changed, the link to its own page, and what it says, as plain text
/// (<see cref="HistoryFeedText"/>) and as HTML (<see cref="HistoryFeedHtml"/>).
/// </summary>
/// <param name="Id">The incident's or the window's own id, stable across its changes.</param>
/// <param name="Title">Its title, as the operator wrote it.</param>
/// <param name="Published">When it was created.</param>
/// <param name="Updated">When it last changed.</param>
/// <param name="Link">Its own page's URL.</param>
/// <param name="Text">What the entry says of it, as plain text fit for an XML document (the Atom entry's summary).</param>
/// <param name="Html">The same as HTML, every operator text encoded in it (the Atom entry's content, the RSS item's description).</param>
internal sealed record HistoryFeedEntry(Guid Id, string Title, DateTimeOffset Published, DateTimeOffset Updated, string Link, string Text, string Html)
{
    /// <summary>An incident's entry: its timeline, linking to <c>{page}/incidents/{id}</c>.</summary>
    public static HistoryFeedEntry Of(StatusIncident incident, string pageUrl) => new(
        incident.Id, incident.Title, incident.CreatedAt, incident.UpdatedAt, PagePaths.Incident(pageUrl, incident.Id),
        HistoryFeedText.Timeline(incident), HistoryFeedHtml.Timeline(incident));

    /// <summary>
    /// The entry of the postmortem published on <paramref name="incident"/>, or null when it has none: an entry of its
    /// own, so a reader or chat integration that only announces new entries hears of it too. Its id is derived from the
    /// incident's and the first publication time (<see cref="DerivedIds.For"/>): a republished text keeps the entry, a
    /// postmortem removed and published again is a new one. Titled <c>Postmortem: {title}</c>, published when it was
    /// first published, updated when the incident last changed (a republished text moves it), linking to the
    /// postmortem on the incident's page.
    /// </summary>
    public static HistoryFeedEntry? OfPostmortem(StatusIncident incident, string pageUrl)
    {
        if (incident is not { Postmortem: { } text, PostmortemPublishedAt: { } publishedAt })
        {
            return null;
        }

        return new(
            DerivedIds.For(incident.Id, $"postmortem|{publishedAt.UtcTicks}"),
            "Postmortem: " + incident.Title,
            publishedAt,
            incident.UpdatedAt > publishedAt ? incident.UpdatedAt : publishedAt,
            PagePaths.Incident(pageUrl, incident.Id) + "#postmortem-heading",
            HistoryFeedText.Postmortem(text, publishedAt),
            HistoryFeedHtml.Postmortem(text, publishedAt));
    }

    /// <summary>
    /// A maintenance window's entry: its state, times, components (<paramref name="componentNames"/>) and description,
    /// linking to <c>{page}/maintenance/{id}</c>.
    /// </summary>
    public static HistoryFeedEntry Of(MaintenanceWindow window, IReadOnlyList<string> componentNames, string pageUrl) => new(
        window.Id,
        window.Title,
        window.CreatedAt,
        window.UpdatedAt,
        PagePaths.Maintenance(pageUrl, window.Id),
        HistoryFeedText.Maintenance(window, componentNames),
        HistoryFeedHtml.Maintenance(window, componentNames));
}
