using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StatusKit.AspNetCore.Api;
using StatusKit.AspNetCore.Responses;
using StatusKit.AspNetCore.Texts;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// Renders the public status page as one HTML5 document: readable without JavaScript, live with it; in
/// <paramref name="colorScheme"/> (<see cref="StatusPageEndpointOptions.ColorScheme"/>, <see cref="PageTheme"/>).
/// </summary>
internal sealed class PageRenderer(PageColorScheme colorScheme = PageColorScheme.Auto)
{
    // How many incidents an uptime day names before "and N more", as Statuspage's bar keeps its tooltip short.
    private const int MaxIncidentsPerDay = 3;

    public string Render(PageView view)
    {
        using var html = Write(view);
        return html.ToString();
    }

    /// <summary><see cref="Render"/> in UTF-8, the bytes its route sends, written without the string in between.</summary>
    public byte[] RenderUtf8(PageView view)
    {
        using var html = Write(view);
        return html.ToUtf8();
    }

    // The page in a writer sized for it: its uptime days are most of it, at about 150 characters each.
    private HtmlWriter Write(PageView view)
    {
        var snapshot = view.Snapshot;
        var zone = PageTime.Zone(snapshot.TimeZoneId);
        var texts = PageTexts.For(snapshot.Language);
        var html = new HtmlWriter(texts, (64 * 1024) + (view.Uptime.Values.Sum(u => u.Days.Count) * 160));
        // The metrics section first, as its own route answers it (RenderMetricsSection), so the page can name its ETag.
        var metrics = RenderMetricsSection(view);
        Head(html, texts.Format(texts.PageTitle, snapshot.Name), view.Links, snapshot.AccentColor);
        // data-version: the snapshot the page shows, which the script names to its event stream, so a change made before
        // the stream opened is caught up (EventEndpoints).
        html.Raw("<body").Attribute("data-events", view.Links.To("/events")).Attribute("data-version", snapshot.Version)
            .Attribute("data-time-zone", PageTime.IanaId(zone));
        if (metrics.Length > 0)
        {
            // The ETag of the section's route for the section this page holds, which the script sends with its first
            // refresh, so an unchanged section is a 304 from the start. On the body, outside the section: the tag is a
            // hash of the section's bytes, which cannot hold their own hash.
            html.Attribute("data-refresh-etag", BodyEntityTag.Of(metrics));
        }
        if (!ReferenceEquals(texts, PageTexts.English))
        {
            // The words a live event's English status_text and description stand for (PageStyles.Script).
            html.Attribute("data-texts", LiveWords(texts));
        }

        html.Raw(">")
            .Raw("<a class=\"skip\" href=\"#main\">").Text(texts.SkipToStatus).Raw("</a>")
            .Raw("<header><h1>").Heading(snapshot, fallbackHref: null).Raw("</h1>");
        if (!string.IsNullOrWhiteSpace(snapshot.Description))
        {
            html.Element("p", snapshot.Description);
        }

        SubscribeForm.Write(html, view);
        html.Raw("</header><main id=\"main\">");
        Banner(html, snapshot);

        // The parts a content event refreshes in place (PageStyles.Script), each in a container with a fixed id that is
        // there even when the part is empty, so a part that appears has a place to go.
        html.Raw("<div id=\"current-incidents\">");
        Incidents(html, texts.CurrentIncidents, "current", snapshot, zone, view.Links);
        var anchored = new HashSet<Guid>();
        html.Raw("</div><div id=\"active-maintenance\">");
        Maintenance(html, texts.MaintenanceInProgress, "active-maintenance", snapshot.ActiveMaintenance, zone, anchored, view.Links);
        html.Raw("</div>");
        Components(html, view);
        html.Raw(metrics);
        html.Raw("<div id=\"upcoming-maintenance\">");
        Maintenance(html, texts.UpcomingMaintenance, "upcoming-maintenance", snapshot.UpcomingMaintenance, zone, anchored, view.Links);
        html.Raw("</div><div id=\"past-incidents\">");
        History(html, view, zone);
        html.Raw("</div></main>");
        Footer(html, snapshot, zone, view.Links);
        html.Raw("<script>").Raw(PageStyles.Script).Raw("</script></body></html>\n");
        return html;
    }

    /// <summary>
    /// The page's "System metrics" section alone (<c>{page}/metrics-section</c>), byte for byte as <see cref="Render"/>
    /// writes it into the page of the same <see cref="PageView.MetricsRange"/>, which the page's script fetches again to
    /// swap it in place; empty when the page has no visible metric (the page then has no section).
    /// </summary>
    public static string RenderMetricsSection(PageView view)
    {
        using var html = new HtmlWriter(PageTexts.For(view.Snapshot.Language));
        MetricsSection.Write(html, view.Metrics, view.MetricsRange, view.Links, PageTime.Zone(view.Snapshot.TimeZoneId), view.MetricsRefreshInterval);
        return html.ToString();
    }

    /// <summary>
    /// One incident's own page (<c>{page}/incidents/{id}</c>, where the API's shortlink and the history feeds point): its
    /// impact, state, affected components and whole timeline, however old it is, then its postmortem when one is
    /// published. Not live: it opens no event stream. While it is unresolved, a "Get updates on this incident" form by
    /// <paramref name="subscribeChannels"/> follows it (none or null: no form, as on the page).
    /// </summary>
    public string RenderIncident(
        PageSnapshot snapshot, StatusIncident incident, IReadOnlyList<string> componentNames, PageLinks links, IReadOnlyList<SubscriberChannel>? subscribeChannels = null)
    {
        var zone = PageTime.Zone(snapshot.TimeZoneId);
        var texts = PageTexts.For(snapshot.Language);
        return SubPage(snapshot, zone, links, texts.Format(texts.SubPageTitle, incident.Title, snapshot.Name), texts.SkipToIncident, html =>
        {
            html.Raw("<section class=\"card\"").Attribute("aria-label", texts.Incident).Raw(">");
            Incident(html, incident, zone, link: null, componentNames);
            Postmortem(html, incident, zone);
            html.Raw("</section>");
            SubscribeForm.WriteForIncident(html, incident, subscribeChannels ?? [], links);
        });
    }

    // The incident's postmortem, when published: its publication time on the page's clock, then its paragraphs (split
    // on blank lines; a line break inside one is kept), every line HTML-encoded.
    private static void Postmortem(HtmlWriter html, StatusIncident incident, TimeZoneInfo zone)
    {
        if (incident.Postmortem is not { } text)
        {
            return;
        }

        html.Raw("<section class=\"postmortem\" aria-labelledby=\"postmortem-heading\"><h3 id=\"postmortem-heading\">").Text(html.Texts.Postmortem).Raw("</h3>");
        if (incident.PostmortemPublishedAt is { } publishedAt)
        {
            html.Raw("<p class=\"meta\">").Text(html.Texts.Published).Time(publishedAt, zone).Raw("</p>");
        }

        foreach (var paragraph in PlainTextParagraphs.Split(text))
        {
            html.Raw("<p>");
            for (var i = 0; i < paragraph.Count; i++)
            {
                html.Raw(i == 0 ? "" : "<br>").Text(paragraph[i]);
            }

            html.Raw("</p>");
        }

        html.Raw("</section>");
    }

    /// <summary>
    /// One maintenance window's own page (<c>{page}/maintenance/{id}</c>, where the page's maintenance entries, the API's
    /// shortlink, the iCalendar feed and the maintenance notices point): its state, the times of its current, next or
    /// last occurrence, a recurring window's next occurrences, its components and its description, however long ago it
    /// ended. <paramref name="occurrences"/> are the window's current or next occurrence and those that follow it
    /// (<see cref="Maintenance.MaintenanceService.NextOccurrences"/>). Not live: it opens no event stream.
    /// </summary>
    public string RenderMaintenance(
        PageSnapshot snapshot, MaintenanceWindow window, IReadOnlyList<string> componentNames, IReadOnlyList<MaintenanceOccurrence> occurrences, PageLinks links)
    {
        var zone = PageTime.Zone(snapshot.TimeZoneId);
        var texts = PageTexts.For(snapshot.Language);
        return SubPage(snapshot, zone, links, texts.Format(texts.SubPageTitle, window.Title, snapshot.Name), texts.SkipToMaintenance, html =>
        {
            html.Raw("<section class=\"card\"").Attribute("aria-label", texts.Maintenance).Raw("><article class=\"incident maintenance\"").Attribute("id", "maintenance-" + window.Id).Raw(">")
                .Raw("<h2>").Text(window.Title).Raw("</h2><p class=\"meta\">").Text(texts.State(window.State));
            if (window.Recurrence is not null)
            {
                html.Raw(" · ").Text(texts.Recurring);
            }

            var (from, to) = window.State switch
            {
                MaintenanceState.Scheduled => (texts.Starts, texts.Ends),
                MaintenanceState.InProgress => (texts.Started, texts.Ends),
                MaintenanceState.Completed => (texts.Started, texts.Ended),
                _ => (texts.PlannedFrom, texts.PlannedTo),
            };
            html.Raw("</p><p>").Text(from).TimeRange(window.OccurrenceStartsAt, window.OccurrenceEndsAt, zone, to).Raw("</p>");
            if (componentNames.Count > 0)
            {
                html.Raw("<p class=\"meta\">").Text(texts.Format(texts.Affected, string.Join(", ", componentNames))).Raw("</p>");
            }

            if (!string.IsNullOrWhiteSpace(window.Description))
            {
                html.Raw("<p>").Lines(window.Description).Raw("</p>");
            }

            // A recurring window's rule is not written out: its next occurrences say the same to a reader.
            if (window.Recurrence is not null && window.State is MaintenanceState.Scheduled or MaintenanceState.InProgress)
            {
                var following = occurrences.Skip(1).ToList();
                if (following.Count == 0)
                {
                    html.Element("p", texts.LastOccurrence, "meta");
                }
                else
                {
                    html.Raw("<h3>").Text(texts.NextOccurrences).Raw("</h3><ul class=\"occurrences\">");
                    foreach (var occurrence in following)
                    {
                        html.Raw("<li>").TimeRange(occurrence.StartsAt, occurrence.EndsAt, zone).Raw("</li>");
                    }

                    html.Raw("</ul>");
                }
            }

            html.Raw("</article></section>");
        });
    }

    /// <summary>
    /// The history (<c>{page}/history</c>), with the lists that are on it (a null one is not): <paramref name="incidents"/>
    /// (<c>?page=N</c>), every incident of the page, newest first, by month of its start in the page's time zone, each
    /// linking to its own page; then <paramref name="pastMaintenance"/> (<c>?maintenance_page=N</c>), the completed
    /// windows, the latest first, by month of their last occurrence's start, each linking to the window's own page. Each
    /// list links to its older and newer pages.
    /// </summary>
    public string RenderHistory(
        PageSnapshot snapshot, HistoryList<StatusIncident>? incidents, HistoryList<MaintenanceWindow>? pastMaintenance, PageLinks links)
    {
        var zone = PageTime.Zone(snapshot.TimeZoneId);
        var texts = PageTexts.For(snapshot.Language);
        var (title, skip) = incidents is null
            ? (texts.Format(texts.SubPageTitle, texts.PastMaintenance, snapshot.Name), texts.SkipToPastMaintenance)
            : (texts.Format(texts.SubPageTitle, texts.IncidentHistory, snapshot.Name), texts.SkipToHistory);
        return SubPage(snapshot, zone, links, title, skip, html =>
        {
            if (incidents is not null)
            {
                IncidentHistory(html, incidents, zone, links);
            }

            if (pastMaintenance is not null)
            {
                PastMaintenance(html, pastMaintenance, zone, links);
            }
        });
    }

    private static void IncidentHistory(HtmlWriter html, HistoryList<StatusIncident> incidents, TimeZoneInfo zone, PageLinks links) =>
        HistorySection(html, incidents, HistorySectionText.Incidents(html.Texts), i => i.CreatedAt, zone, links, (writer, incident) =>
        {
            writer.Raw("<li><a").Attribute("href", links.Incident(incident.Id)).Raw(">").Text(incident.Title).Raw("</a> <span class=\"meta\">")
                .Text($"{writer.Texts.ImpactName(StatuspageMapper.Impact(incident.Severity))} · {writer.Texts.State(incident.State)} · ");
            if (incident.ResolvedAt is { } resolved)
            {
                writer.TimeRange(incident.CreatedAt, resolved, zone);
            }
            else
            {
                writer.Time(incident.CreatedAt, zone);
            }

            writer.Raw("</span></li>");
        });

    private static void PastMaintenance(HtmlWriter html, HistoryList<MaintenanceWindow> windows, TimeZoneInfo zone, PageLinks links) =>
        HistorySection(html, windows, HistorySectionText.PastMaintenance(html.Texts), w => w.OccurrenceStartsAt, zone, links, (writer, window) =>
            writer.Raw("<li><a").Attribute("href", links.Maintenance(window.Id)).Raw(">").Text(window.Title).Raw("</a> <span class=\"meta\">")
                .Text(writer.Texts.State(window.State)).Raw(" · ").TimeRange(window.OccurrenceStartsAt, window.OccurrenceEndsAt, zone)
                .Raw("</span></li>"));

    // One paged list of the history: its entries by month (of monthOf, in the page's time zone), each written by item,
    // then links to its newer and older pages.
    private static void HistorySection<T>(
        HtmlWriter html, HistoryList<T> list, HistorySectionText text, Func<T, DateTimeOffset> monthOf, TimeZoneInfo zone, PageLinks links, Action<HtmlWriter, T> item)
    {
        var pageNumber = list.PageNumber;
        html.Raw("<section class=\"card\" aria-labelledby=\"").Text(text.HeadingId).Raw("\"><h2 id=\"").Text(text.HeadingId).Raw("\">")
            .Text(text.Heading).Raw("</h2>");
        if (list.Entries.Count == 0)
        {
            html.Element("p", pageNumber == 1 ? text.None : text.NoOlder, "meta");
        }

        foreach (var month in list.Entries.GroupBy(e => PageTime.Local(monthOf(e), zone).ToString(html.Texts.MonthFormat, html.Texts.Culture)))
        {
            html.Element("h3", month.Key).Raw("<ul class=\"history\">");
            foreach (var entry in month)
            {
                item(html, entry);
            }

            html.Raw("</ul>");
        }

        html.Raw("<nav class=\"pages\" aria-label=\"").Text(text.NavigationLabel).Raw("\">");
        if (pageNumber > 1)
        {
            html.Raw("<a").Attribute("href", links.To(pageNumber == 2 ? text.FirstPage : $"/history?{text.PageParameter}={pageNumber - 1}"))
                .Raw(" rel=\"prev\">").Text(text.Newer).Raw("</a>");
        }

        if (list.HasOlder)
        {
            html.Raw("<a").Attribute("href", links.To($"/history?{text.PageParameter}={pageNumber + 1}")).Raw(" rel=\"next\">").Text(text.Older).Raw("</a>");
        }

        html.Raw("</nav></section>");
    }

    // A page below the status page (an incident, a maintenance window, the history): the page's name (or logo) linking
    // to the organisation's website, or when it has none to the status page; the content, a link back to
    // the current status and the footer; not live, so it opens no event stream (its body has no data-events), but it
    // runs the page script, which names the time zone of its times.
    private string SubPage(PageSnapshot snapshot, TimeZoneInfo zone, PageLinks links, string title, string skipText, Action<HtmlWriter> content)
    {
        using var html = new HtmlWriter(PageTexts.For(snapshot.Language));
        Head(html, title, links, snapshot.AccentColor);
        html.Raw("<body").Attribute("data-time-zone", PageTime.IanaId(zone)).Raw("><a class=\"skip\" href=\"#main\">").Text(skipText).Raw("</a><header><h1>").Heading(snapshot, links.Home)
            .Raw("</h1></header><main id=\"main\">");
        content(html);
        html.Raw("<p><a").Attribute("href", links.Home).Raw(">").Text(html.Texts.Format(html.Texts.CurrentStatusOf, snapshot.Name)).Raw("</a></p></main>");
        Footer(html, snapshot, zone, links);
        html.Raw("<script>").Raw(PageStyles.Script).Raw("</script></body></html>\n");
        return html.ToString();
    }

    private void Head(HtmlWriter html, string title, PageLinks links, string? accentColor) =>
        html.Raw("<!DOCTYPE html>\n<html").Attribute("lang", html.Texts.Tag).Raw("><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw("</title>")
            .Raw("<link rel=\"alternate\" type=\"application/atom+xml\"").Attribute("title", html.Texts.FeedTitle).Attribute("href", links.To("/history.atom")).Raw(">")
            .Raw("<link rel=\"alternate\" type=\"application/rss+xml\"").Attribute("title", html.Texts.FeedTitle).Attribute("href", links.To("/history.rss")).Raw(">")
            .Styles(colorScheme, accentColor).KeyboardHints().Raw("</head>");

    // The zone the times are written in: the page's, or UTC when this server does not know the page's zone.
    private static void Footer(HtmlWriter html, PageSnapshot snapshot, TimeZoneInfo zone, PageLinks links) =>
        html.Raw("<footer>").BackToHomepage(snapshot).Raw("<p>")
            .Text(html.Texts.Format(
                html.Texts.TimesShownIn,
                PageTime.IanaId(zone) is "UTC" or "Etc/UTC" ? html.Texts.Utc : html.Texts.Format(html.Texts.ZoneTime, PageTime.IanaId(zone)))).Raw(" ")
            .Raw("<a").Attribute("href", links.To("/api/v2/summary.json")).Raw(">").Text(html.Texts.JsonApi).Raw("</a> · ")
            .Text(html.Texts.HistoryFeed).Raw(" <a").Attribute("href", links.To("/history.atom")).Raw(">Atom</a>, ")
            .Raw("<a").Attribute("href", links.To("/history.rss")).Raw(">RSS</a> · ")
            .Raw("<a").Attribute("href", links.To("/maintenance.ics")).Raw(">").Text(html.Texts.MaintenanceCalendar).Raw("</a></p></footer>");

    // A JSON object of the page's words for what the live events name in English: each status by its API name, and each
    // banner by "ind-" and its indicator; and the uptime bars' keyboard descriptions ("keys-").
    private static string LiveWords(PageTexts texts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var status in Enum.GetValues<ComponentStatus>())
            {
                json.WriteString(status.ToApiName(), texts.Status(status));
                json.WriteString("ind-" + PageStatus.For(status).Indicator.ToApiName(), texts.Banner(status));
            }

            // The uptime bars' keyboard descriptions, which the script adds.
            json.WriteString("keys-days", texts.KeysDays);
            json.WriteString("keys-enter", texts.KeysEnter);
            json.WriteString("keys-back", texts.KeysBack);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Banner(HtmlWriter html, PageSnapshot snapshot)
    {
        var indicator = snapshot.Status.Indicator.ToApiName();
        html.Raw("<section id=\"banner\" aria-labelledby=\"banner-heading\" aria-live=\"polite\"").Attribute("class", "banner ind-" + indicator)
            .Attribute("data-indicator", indicator).Raw(">")
            .Raw("<h2 id=\"banner-heading\"><span id=\"banner-text\">").Text(html.Texts.Banner(snapshot.Status.Status)).Raw("</span></h2></section>");
    }

    private static void Components(HtmlWriter html, PageView view)
    {
        var snapshot = view.Snapshot;
        // A component shown only while degraded is left out (its row and its uptime bar) while it is operational.
        var shown = snapshot.Components.Where(c => c.IsShown).ToList();

        // Refreshed in place too, but only when its layout (of the components shown) changed (PageStyles.Script):
        // otherwise the live events and a refetch change only its statuses.
        html.Raw("<section id=\"components\" aria-labelledby=\"components-heading\" class=\"card\"")
            .Attribute("data-layout", ComponentLayout.Of(shown)).Raw("><h2 id=\"components-heading\">").Text(html.Texts.Components).Raw("</h2>");
        if (snapshot.Components.Count == 0)
        {
            html.Element("p", html.Texts.NoComponentsYet, "meta");
        }
        else if (shown.Count == 0)
        {
            html.Element("p", html.Texts.AllComponentsOperational, "meta");
        }

        // In display order, as the JSON API lists them: a group where its first member stands, each run of ungrouped
        // components between groups as one list. A group none of whose members is shown is left out with them; the
        // group's status, the worst of its members', is the same without them.
        var dayTexts = new UptimeDayTexts(html.Texts);
        var groupStatuses = snapshot.GroupStatuses();
        var groups = shown.Where(c => c.GroupName is not null)
            .GroupBy(c => c.GroupName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var emittedGroups = new HashSet<string>(StringComparer.Ordinal);
        var ungrouped = new List<ComponentSnapshot>();
        foreach (var component in shown)
        {
            if (component.GroupName is null)
            {
                ungrouped.Add(component);
                continue;
            }

            if (!emittedGroups.Add(component.GroupName))
            {
                continue;
            }

            FlushUngrouped(html, ungrouped, view, dayTexts);
            Group(html, snapshot, component.GroupName, groups[component.GroupName], groupStatuses[component.GroupName], view, dayTexts);
        }

        FlushUngrouped(html, ungrouped, view, dayTexts);
        html.Raw("</section>");
    }

    private static void FlushUngrouped(HtmlWriter html, List<ComponentSnapshot> ungrouped, PageView view, UptimeDayTexts dayTexts)
    {
        if (ungrouped.Count > 0)
        {
            ComponentList(html, ungrouped, view, dayTexts);
            ungrouped.Clear();
        }
    }

    // The group's status is the one the live page gets in its group events (the id is the JSON API's group id).
    private static void Group(HtmlWriter html, PageSnapshot snapshot, string name, IReadOnlyList<ComponentSnapshot> members, ComponentStatus status, PageView view, UptimeDayTexts dayTexts)
    {
        html.Raw("<div class=\"group\" role=\"group\"").Attribute("id", "group-" + DerivedIds.ForGroup(snapshot.PageId, name))
            .Attribute("aria-label", name).Raw("><h3>").Text(name)
            .Raw(" <span data-status").Attribute("class", "status st-" + status.ToApiName()).Raw(">(").Text(html.Texts.Status(status)).Raw(")</span></h3>");
        ComponentList(html, members, view, dayTexts);
        html.Raw("</div>");
    }

    private static void ComponentList(HtmlWriter html, IReadOnlyList<ComponentSnapshot> components, PageView view, UptimeDayTexts dayTexts)
    {
        html.Raw("<ul class=\"components\">");
        foreach (var component in components)
        {
            var status = component.Status.ToApiName();
            // data-only-show-if-degraded: the live script fetches the page again when such a row turns operational, so it goes.
            html.Raw("<li class=\"component\"").Attribute("id", "component-" + component.Id).Attribute("data-component-status", status)
                .Raw(component.OnlyShowIfDegraded ? " data-only-show-if-degraded>" : ">")
                .Raw("<div class=\"row\"><span class=\"name\">").Text(component.Name).Raw("</span>")
                .Raw("<span data-status").Attribute("class", "status st-" + status).Raw(">").Text(html.Texts.Status(component.Status)).Raw("</span></div>");
            if (component.UpstreamHost is { } upstream)
            {
                // A third-party component: its status follows that page, which the reader may want to check themselves.
                html.Element("p", html.Texts.Format(html.Texts.ThirdPartyComponent, upstream), "desc upstream");
            }

            if (!string.IsNullOrWhiteSpace(component.Description))
            {
                html.Element("p", component.Description, "desc");
            }

            if (view.Uptime.TryGetValue(component.Id, out var uptime) && uptime.Days.Count > 0)
            {
                UptimeBar(html, component.Name, uptime, view, dayTexts);
            }

            html.Raw("</li>");
        }

        html.Raw("</ul>");
    }

    // The summary is the service's uptime over the counted time, not the mean of the daily figures (which would weigh
    // the few counted minutes of today, or of the day the component was created, like a whole day). The bar is a list
    // labelled with the component, one item a day whose date, uptime and worst status are its text (visually hidden,
    // shown on hover and focus by PageStyles.Css), so screen readers read it without script. It is one tab stop, today
    // (a roving tabindex: the other days are focusable by a click or tap, and by the arrow keys through PageStyles.Script),
    // so a keyboard crosses a page of bars without ninety stops each. A day also says how long the component spent in
    // partial and major outage, and names (linking to) the first few public incidents that affected it that day, as
    // Statuspage's bar does; those links are out of the tab order (tabindex -1), keeping the one stop per bar, and are
    // followed by a click, a tap, a screen reader's own link commands or, with script, the keys that go into a day's
    // links (PageStyles.Script). A day carries its date (data-day, on the page's clock), so the script finds the same day
    // in a bar fetched again after midnight, which has moved on by one.
    private static void UptimeBar(HtmlWriter html, string componentName, ComponentUptime uptime, PageView view, UptimeDayTexts dayTexts)
    {
        var texts = html.Texts;
        var days = uptime.Days;
        var overall = uptime.UptimePercent;
        var summary = overall is { } a
            ? texts.Format(texts.UptimeSummary, componentName, texts.Percent(a), days.Count)
            : texts.Format(texts.NoUptimeSummary, componentName, days.Count);
        html.Raw("<ol class=\"uptime\"").Attribute("aria-label", summary).Raw(">");
        // A day's tip is formatted here and encoded into the page, its words made once per render (UptimeDayTexts).
        Span<char> tip = stackalloc char[256];
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var (date, isoDate) = dayTexts.Date(day.Date);
            var css = day.UptimePercent is null ? "d-none" : UptimeDayTexts.DayClass(day.WorstStatus);
            html.Raw("<li").Attribute("class", css).Attribute("data-day", isoDate)
                .Raw(i == days.Count - 1 ? " tabindex=\"0\">" : " tabindex=\"-1\">")
                .Raw("<span class=\"tip\">");
            if (day.UptimePercent is { } percent)
            {
                var shown = dayTexts.Percent(percent);
                var status = texts.Status(day.WorstStatus);
                html.Text(tip.TryWrite(texts.Culture, dayTexts.UptimeDay, out var written, date, shown, status)
                        ? tip[..written]
                        : texts.Format(texts.UptimeDay, date, shown, status))
                    .NextSentence(OutageTime(texts, texts.MajorOutageTime, day.MajorOutageTime)).NextSentence(OutageTime(texts, texts.PartialOutageTime, day.PartialOutageTime));
            }
            else
            {
                html.Text(tip.TryWrite(texts.Culture, dayTexts.NoDataDay, out var written, date) ? tip[..written] : texts.Format(texts.NoDataDay, date));
            }

            DayIncidents(html, view.UptimeIncidents.On(uptime.ComponentId, day.Date), view.Links);
            if (!view.UptimeIncidents.IsComplete(day.Date))
            {
                html.NextSentence(texts.IncompleteDay);
            }

            html.Raw("</span></li>");
        }

        html.Raw("</ol><div class=\"legend\" aria-hidden=\"true\"><span>").Text(texts.Format(texts.DaysAgo, days.Count)).Raw("</span><span>")
            .Text(overall is { } avg ? texts.Format(texts.UptimeLegend, texts.Percent(avg)) : texts.NoData).Raw("</span><span>").Text(texts.Today).Raw("</span></div>");
    }

    // ". Major outage 2 h 5 min", to the minute ("under 1 min" for less); nothing for no time in that status.
    private static string OutageTime(PageTexts texts, string status, TimeSpan time)
    {
        if (time <= TimeSpan.Zero)
        {
            return "";
        }

        var minutes = (long)Math.Round(time.TotalMinutes, MidpointRounding.AwayFromZero);
        var duration = minutes switch
        {
            0 => texts.UnderOneMinute,
            < 60 => texts.Format(texts.Minutes, minutes),
            _ when minutes % 60 == 0 => texts.Format(texts.Hours, minutes / 60),
            _ => texts.Format(texts.HoursMinutes, minutes / 60, minutes % 60),
        };
        return $". {status} {duration}";
    }

    // ". Incidents: A, B, C and 2 more", each title linking to the incident's page.
    private static void DayIncidents(HtmlWriter html, IReadOnlyList<StatusIncident> incidents, PageLinks links)
    {
        if (incidents.Count == 0)
        {
            return;
        }

        html.NextSentence(html.Texts.DayIncidents);
        var shown = Math.Min(incidents.Count, MaxIncidentsPerDay);
        for (var i = 0; i < shown; i++)
        {
            html.Raw(i == 0 ? "<a" : ", <a").Attribute("href", links.Incident(incidents[i].Id)).Raw(" tabindex=\"-1\">").Text(incidents[i].Title).Raw("</a>");
        }

        if (incidents.Count > shown)
        {
            html.Text(html.Texts.Format(html.Texts.AndMore, incidents.Count - shown));
        }
    }

    // The page's unresolved incidents, each naming the components it affects, as Statuspage's page does.
    private static void Incidents(HtmlWriter html, string heading, string id, PageSnapshot snapshot, TimeZoneInfo zone, PageLinks links)
    {
        var incidents = snapshot.UnresolvedIncidents;
        if (incidents.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"card\"").Attribute("aria-labelledby", id + "-heading").Raw("><h2").Attribute("id", id + "-heading").Raw(">").Text(heading).Raw("</h2>");
        foreach (var incident in incidents)
        {
            Incident(html, incident, zone, links.Incident(incident.Id), AffectedComponentNames.Of(snapshot, incident.ComponentIds));
        }

        html.Raw("</section>");
    }

    // link: where the title points (the incident's own page), or null on that page; componentNames: the components it affects.
    private static void Incident(HtmlWriter html, StatusIncident incident, TimeZoneInfo zone, string? link, IReadOnlyList<string>? componentNames = null)
    {
        var impact = StatuspageMapper.Impact(incident.Severity);
        html.Raw("<article").Attribute("id", "incident-" + incident.Id).Attribute("class", "incident impact-" + impact).Raw(">");
        if (link is null)
        {
            html.Raw("<h2>").Text(incident.Title).Raw("</h2>");
        }
        else
        {
            html.Raw("<h3><a").Attribute("href", link).Raw(">").Text(incident.Title).Raw("</a></h3>");
        }

        var texts = html.Texts;
        html.Raw("<p class=\"meta\">").Text(texts.Format(texts.Impact, texts.ImpactName(impact))).Raw(" · ").Text(texts.State(incident.State)).Raw("</p>");
        if (componentNames is { Count: > 0 })
        {
            html.Raw("<p class=\"meta\">").Text(texts.Format(texts.Affected, string.Join(", ", componentNames))).Raw("</p>");
        }

        html.Raw("<ol class=\"timeline\" reversed>");
        for (var i = incident.Updates.Count - 1; i >= 0; i--)
        {
            var update = incident.Updates[i];
            html.Raw("<li><span class=\"state\">").Text(texts.State(update.State)).Raw("</span> — ").Lines(update.Message)
                .Raw(" <span class=\"meta\">").Time(update.At, zone).Raw("</span></li>");
        }

        html.Raw("</ol></article>");
    }

    // The first occurrence of each window on the page is its anchor, maintenance-{id}; later ones (a recurring window's
    // next occurrences) add their start to stay unique. anchored: the windows so far. Each title links to the window's page.
    private static void Maintenance(
        HtmlWriter html, string heading, string id, IReadOnlyList<MaintenanceOccurrence> occurrences, TimeZoneInfo zone, HashSet<Guid> anchored, PageLinks links)
    {
        if (occurrences.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"card\"").Attribute("aria-labelledby", id + "-heading").Raw("><h2").Attribute("id", id + "-heading").Raw(">").Text(heading).Raw("</h2>");
        foreach (var occurrence in occurrences)
        {
            var anchor = anchored.Add(occurrence.WindowId)
                ? $"maintenance-{occurrence.WindowId}"
                : $"maintenance-{occurrence.WindowId}-{occurrence.StartsAt.UtcTicks}";
            html.Raw("<article class=\"incident maintenance\"").Attribute("id", anchor).Raw(">")
                .Raw("<h3><a").Attribute("href", links.Maintenance(occurrence.WindowId)).Raw(">").Text(occurrence.Title).Raw("</a></h3><p class=\"meta\">")
                .Text(html.Texts.State(occurrence.State)).Raw(": ")
                .TimeRange(occurrence.StartsAt, occurrence.EndsAt, zone);
            if (occurrence.Recurrence is not null)
            {
                html.Raw(" · ").Text(html.Texts.Recurring);
            }

            html.Raw("</p>");
            if (!string.IsNullOrWhiteSpace(occurrence.Description))
            {
                html.Raw("<p>").Lines(occurrence.Description).Raw("</p>");
            }

            html.Raw("</article>");
        }

        html.Raw("</section>");
    }

    private static void History(HtmlWriter html, PageView view, TimeZoneInfo zone)
    {
        var texts = html.Texts;
        html.Raw("<section class=\"card\" aria-labelledby=\"history-heading\"><h2 id=\"history-heading\">")
            .Text(texts.Format(texts.PastIncidents, view.HistoryDays)).Raw("</h2>");
        if (view.ResolvedIncidents.Count == 0)
        {
            // With an incident open above, "no incidents" would contradict the page.
            var none = view.Snapshot.UnresolvedIncidents.Count == 0 ? texts.NoIncidentsInDays : texts.NoResolvedIncidentsInDays;
            html.Element("p", texts.Format(none, view.HistoryDays), "meta");
        }

        foreach (var incident in view.ResolvedIncidents)
        {
            Incident(html, incident, zone, view.Links.Incident(incident.Id));
        }

        html.Raw("<p><a").Attribute("href", view.Links.To("/history")).Raw(">").Text(texts.IncidentHistory).Raw("</a></p></section>");
    }
}
