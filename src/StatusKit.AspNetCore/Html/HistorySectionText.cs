using StatusKit.AspNetCore.Texts;

namespace StatusKit.AspNetCore.Html;

/// <summary>What one paged list of the history page says, and where its pages are.</summary>
/// <param name="HeadingId">The id of the section's heading (a link to the list's first page can lead to it).</param>
/// <param name="Heading">The section's heading.</param>
/// <param name="None">What its first page says when the list is empty.</param>
/// <param name="NoOlder">What a page past its end says.</param>
/// <param name="NavigationLabel">The label of the links to its other pages.</param>
/// <param name="Newer">The text of the link to the newer page.</param>
/// <param name="Older">The text of the link to the older page.</param>
/// <param name="PageParameter">The query parameter that numbers its pages.</param>
/// <param name="FirstPage">Where its first page is, under the status page's path.</param>
internal sealed record HistorySectionText(
    string HeadingId, string Heading, string None, string NoOlder, string NavigationLabel, string Newer, string Older, string PageParameter, string FirstPage)
{
    /// <summary>The incidents, the history page's first list (<c>?page=N</c>), in the language of <paramref name="texts"/>.</summary>
    public static HistorySectionText Incidents(PageTexts texts) => new(
        "history-heading", texts.IncidentHistory, texts.NoIncidentsReported, texts.NoOlderIncidents, texts.MoreIncidents, texts.NewerIncidents, texts.OlderIncidents,
        "page", "/history");

    /// <summary>
    /// The completed maintenance windows (<c>?maintenance_page=N</c>): its first page is on the history's first page,
    /// below the incidents, so a link back to it leads to the section. In the language of <paramref name="texts"/>.
    /// </summary>
    public static HistorySectionText PastMaintenance(PageTexts texts) => new(
        "past-maintenance-heading", texts.PastMaintenance, texts.NoCompletedMaintenance, texts.NoOlderMaintenance, texts.MoreMaintenance, texts.NewerMaintenance,
        texts.OlderMaintenance, "maintenance_page", "/history#past-maintenance-heading");
}
