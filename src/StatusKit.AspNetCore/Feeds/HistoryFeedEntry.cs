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
