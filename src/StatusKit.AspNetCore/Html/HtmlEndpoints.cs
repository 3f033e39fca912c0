using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Responses;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.AspNetCore.Texts;
using StatusKit.Maintenance;
using StatusKit.Metrics;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Shared;
using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// <c>GET {prefix}/{slug}</c>: the server-rendered status page; <c>/incidents/{id}</c>: one incident; <c>/maintenance/{id}</c>:
/// one maintenance window; <c>/metrics-section</c>: the page's "System metrics" section alone, which the page's script
/// fetches again to keep its charts current (<see cref="MetricsSection"/>); <c>/history</c>: every incident, paged, and the completed maintenance windows, paged apart (<c>?maintenance_page=</c>). Every page is sent with <c>Referrer-Policy: no-referrer</c>. Opened with <c>?access_token=</c>, a page
/// answers 303 See Other to its own URL without the token once the token is in a cookie (<see cref="PageAccess"/>), so the
/// token leaves the address bar, the history and any <c>Referer</c>; except over plain HTTP to a host that is not
/// loopback, where the browser would drop the Secure cookie: there the page is shown at its URL with the token, and its
/// links to the page's own routes and its subscribe form carry the token too (<see cref="PageLinks"/>).
/// </summary>
internal static class HtmlEndpoints
{
    private const int HistoryPageSize = 20;

    // How many incidents the page reads for its past incidents and uptime bars at most (as the service's history read):
    // a bound on the render's work, whatever the page's past; the uptime days before the cut say theirs may be missing.
    private const int PageIncidentsRead = 200;

    // Deep enough for 20,000 incidents (or completed windows); a larger number is not a page anyone follows a link to.
    private const int MaxHistoryPage = 1_000;

    // The occurrences of a recurring window its page lists after the current or next one.
    private const int MaintenanceOccurrencesShown = 5;

    public static void Map(RouteGroupBuilder page, PagePaths paths)
    {
        HtmlPage(page.MapGetAndHead("/", (HttpContext context, string slug, string? metrics) => RenderAsync(context, slug, metrics, paths)))
            .WithName("StatusKit.Page")
            .WithSummary("The status page (HTML); metrics=week or metrics=month charts its system metrics over the last 7 or 30 days " +
                "instead of 24 hours (another value is a 400 problem naming metrics, on a page with a visible metric).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        HtmlPage(page.MapGetAndHead(MetricsSection.Route, (HttpContext context, string slug, string? metrics) => RenderMetricsSectionAsync(context, slug, metrics, paths)))
            .WithName("StatusKit.MetricsSection")
            .WithSummary("The page's System metrics section alone, an HTML fragment as the page draws it, which the page's script fetches " +
                "again about once a minute with If-None-Match to keep its charts current; metrics=week or metrics=month as on the page " +
                "(another value is a 400 problem naming metrics, on a page with a visible metric); empty for a page without a visible metric.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        HtmlPage(page.MapGetAndHead(
                "/history",
                (HttpContext context, string slug, int? page, [FromQuery(Name = "maintenance_page")] int? maintenancePage) =>
                    RenderHistoryAsync(context, slug, page ?? 1, maintenancePage ?? 1, paths)))
            .WithName("StatusKit.HistoryPage")
            .WithSummary("Every incident of the page, newest first, 20 per page (page), and on the first page the 20 most recently completed " +
                "maintenance windows, whose older ones are paged apart, 20 per page (maintenance_page) (HTML).");
        HtmlPage(page.MapGetAndHead("/incidents/{incidentId:guid}", (HttpContext context, string slug, Guid incidentId) => RenderIncidentAsync(context, slug, incidentId, paths)))
            .WithName("StatusKit.IncidentPage")
            .WithSummary("One incident of the page with its whole timeline (HTML); where the API's shortlinks point.");
        HtmlPage(page.MapGetAndHead("/maintenance/{windowId:guid}", (HttpContext context, string slug, Guid windowId) => RenderMaintenanceAsync(context, slug, windowId, paths)))
            .WithName("StatusKit.MaintenancePage")
            .WithSummary("One maintenance window of the page: its state, times, repetition and components (HTML); where the API's " +
                "shortlinks, the iCalendar feed and the maintenance notices point.");
    }

    // What every HTML page declares: HTML with an ETag (304, 404), and the 303 away from ?access_token=.
    private static RouteHandlerBuilder HtmlPage(RouteHandlerBuilder route) =>
        route.WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .AnswersETagAndNotModified()
            .Produces(StatusCodes.Status303SeeOther)
            .WithMetadata(new ResponseHeaderMetadata(
                StatusCodes.Status303SeeOther,
                "Location",
                "The page's own URL without its access_token parameter (an absolute path; other parameters kept), answered once " +
                "the token is in the page's cookie. No-store, with Referrer-Policy: no-referrer."));

    /// <summary>
    /// The page <paramref name="slug"/> names, when the request may see it, with <c>Referrer-Policy: no-referrer</c> set;
    /// else the answer to send instead: 404, or the 303 that takes <c>?access_token=</c> out of the URL.
    /// </summary>
    private static async Task<(PageSnapshot? Snapshot, IResult? Answer)> OpenAsync(HttpContext context, string slug, PagePaths paths)
    {
        var snapshot = await context.RequestServices.GetRequiredService<PageAccess>().ResolveKeepingTokenAsync(context, slug, paths.PagePath(context.Request, slug));
        if (snapshot is null)
        {
            // Unknown, or private without its token: the same answer, naming no page.
            return (null, NotFound(null, null));
        }

        NoReferrer.Apply(context.Response);
        // Over plain HTTP to a public host the browser drops the Secure cookie: the page is shown at the URL with the
        // token rather than lost behind a redirect (behind a TLS proxy, UseForwardedHeaders makes the request HTTPS).
        if (AccessTokenQuery.IsPresent(context.Request) && (snapshot.IsPublic || AccessTokenQuery.CookieSticks(context.Request)))
        {
            // 303 rather than 302: it says "what you asked for is read at this other URL, with GET", which is what
            // happens, and no cache may keep it (no-store besides). The cookie set above carries the token from now on.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Location = AccessTokenQuery.UrlWithout(context.Request);
            return (null, TypedResults.StatusCode(StatusCodes.Status303SeeOther));
        }

        return (snapshot, null);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, string slug, string? metrics, PagePaths paths)
    {
        var (snapshot, answer) = await OpenAsync(context, slug, paths);
        if (snapshot is null)
        {
            return answer!;
        }

        var services = context.RequestServices;
        var metricService = services.GetRequiredService<PageMetricService>();
        var (metricsRange, refusal) = await MetricsRangeAsync(metricService, snapshot.PageId, metrics, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = Links(context, paths, slug);
        return await HtmlAsync(context, snapshot, links, $"page {metricsRange}", token => PageHtmlAsync(context, snapshot, links, metricsRange, token));
    }

    // The page itself: its snapshot with the past incidents, uptime bars and metric charts read for it.
    private static async Task<byte[]?> PageHtmlAsync(
        HttpContext context, PageSnapshot snapshot, PageLinks links, MetricRange metricsRange, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value;
        // One read serves the history section and the uptime bars' incidents: the newest (by creation) of the incidents
        // not resolved before the longer of the two ranges, whenever they began, of which those created in the history's
        // days are the newest (as if read alone). When the read is cut, the days up to its oldest incident say so.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // One more than kept tells a cut read from a page with exactly as many. A day more than the ranges: the first
        // bar day begins at the page's local midnight, which a clock change in between can put before now minus the
        // days (as the uptime read's own margin does).
        var read = await services.GetRequiredService<IStatusStore>().ListStatusIncidentsAsync(
            snapshot.PageId,
            new StatusIncidentQuery { NotResolvedBefore = now.AddDays(-Math.Max(options.HistoryDays, options.UptimeDays) - 1), Take = PageIncidentsRead + 1 },
            cancellationToken);
        var incidents = read.Take(PageIncidentsRead).ToArray();
        DateTimeOffset? missingUpTo = read.Count > PageIncidentsRead ? incidents.Min(i => i.CreatedAt) : null;
        var historySince = now.AddDays(-options.HistoryDays);
        var pageUptime = await services.GetRequiredService<IUptimeService>().GetPageUptimeAsync(snapshot.PageId, options.UptimeDays, cancellationToken);
        var uptime = pageUptime?.Components.ToDictionary(c => c.ComponentId) ?? [];
        var channels = SubscribeChannels(services, options);
        var view = new PageView(
            snapshot, [.. incidents.Where(i => !i.IsUnresolved && i.CreatedAt >= historySince)], uptime, links, options.HistoryDays, channels)
        {
            // The snapshot's unresolved incidents too, for one the read cut (or a custom store's read left out).
            UptimeIncidents = UptimeIncidents.From(
                [.. incidents, .. snapshot.UnresolvedIncidents], PageTime.Zone(snapshot.TimeZoneId), now, options.UptimeDays, missingUpTo),
            Metrics = await services.GetRequiredService<PageMetricService>().ListVisibleSeriesAsync(snapshot.PageId, metricsRange, cancellationToken),
            MetricsRange = metricsRange,
            MetricsRefreshInterval = options.MetricsRefreshInterval,
        };
        return services.GetRequiredService<PageRenderer>().RenderUtf8(view);
    }

    // The page's "System metrics" section alone, as the page of the same range draws it, for the page's script to swap
    // in: the page's access rules (OpenAsync), range rules and caching; empty for a page without a visible metric.
    private static async Task<IResult> RenderMetricsSectionAsync(HttpContext context, string slug, string? metrics, PagePaths paths)
    {
        var (snapshot, answer) = await OpenAsync(context, slug, paths);
        if (snapshot is null)
        {
            return answer!;
        }

        var services = context.RequestServices;
        var metricService = services.GetRequiredService<PageMetricService>();
        var (range, refusal) = await MetricsRangeAsync(metricService, snapshot.PageId, metrics, context.RequestAborted);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = Links(context, paths, slug);
        return await HtmlAsync(context, snapshot, links, $"metrics-section {range}", async token =>
        {
            var options = services.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value;
            var view = new PageView(snapshot, [], new Dictionary<Guid, ComponentUptime>(), links, options.HistoryDays, [])
            {
                Metrics = await metricService.ListVisibleSeriesAsync(snapshot.PageId, range, token),
                MetricsRange = range,
                MetricsRefreshInterval = options.MetricsRefreshInterval,
            };
            return Encoding.UTF8.GetBytes(PageRenderer.RenderMetricsSection(view));
        });
    }

    // ?metrics= chooses the range of the metric charts; a page without a visible metric has none and ignores it, so its
    // page (and its section) is the same whatever the parameter says. Another value on a page with one: a 400 problem.
    private static async Task<(MetricRange Range, IResult? Refusal)> MetricsRangeAsync(
        PageMetricService metricService, Guid pageId, string? metrics, CancellationToken cancellationToken)
    {
        if (MetricRangeQuery.Parse(metrics) is { } range)
        {
            return (range, null);
        }

        if ((await metricService.ListAsync(pageId, cancellationToken)).Any(m => m.Visible))
        {
            return (MetricRange.Day, Problems.From(new StatusKitValidationException(
                MetricRangeQuery.Parameter,
                $"The chart range '{QuotedValue.Of(metrics)}' is not one of day, week or month (the day is the page without the parameter).",
                ValidationCodes.ValueInvalid)));
        }

        return (MetricRange.Day, null);
    }

    private static Task<IResult> RenderIncidentAsync(HttpContext context, string slug, Guid incidentId, PagePaths paths) =>
        RenderRecordAsync(
            context, slug, paths, $"incident {incidentId}",
            (services, token) => services.GetRequiredService<StatusIncidentService>().GetAsync(incidentId, token),
            incident => incident.PageId,
            (services, snapshot, incident, links) => services.GetRequiredService<PageRenderer>().RenderIncident(
                snapshot, incident, AffectedComponentNames.Of(snapshot, incident.ComponentIds), links,
                SubscribeChannels(services, services.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value)));

    // The page of one record of the page (an incident, a window): 404 for one that does not exist and for another
    // page's, which is as unknown here.
    private static async Task<IResult> RenderRecordAsync<T>(
        HttpContext context,
        string slug,
        PagePaths paths,
        string route,
        Func<IServiceProvider, CancellationToken, Task<T?>> read,
        Func<T, Guid> pageOf,
        Func<IServiceProvider, PageSnapshot, T, PageLinks, string> render)
        where T : class
    {
        var (snapshot, answer) = await OpenAsync(context, slug, paths);
        if (snapshot is null)
        {
            return answer!;
        }

        var services = context.RequestServices;
        var links = Links(context, paths, slug);
        return await HtmlAsync(context, snapshot, links, route, async token =>
            await read(services, token) is { } record && pageOf(record) == snapshot.PageId ? Encoding.UTF8.GetBytes(render(services, snapshot, record, links)) : null);
    }

    // The channels the host takes subscriptions by, and only those the form can name: a host's notifier for a channel
    // number StatusKit does not know offers none. None without the subscribe form.
    private static IReadOnlyList<SubscriberChannel> SubscribeChannels(IServiceProvider services, StatusPageEndpointOptions options) =>
        options.ShowSubscribeForm ? [.. services.GetRequiredService<SubscriberService>().Channels.Where(c => Enum.IsDefined(c))] : [];

    private static Task<IResult> RenderMaintenanceAsync(HttpContext context, string slug, Guid windowId, PagePaths paths) =>
        RenderRecordAsync(
            context, slug, paths, $"maintenance {windowId}",
            (services, token) => services.GetRequiredService<MaintenanceService>().GetAsync(windowId, token),
            window => window.PageId,
            (services, snapshot, window, links) => services.GetRequiredService<PageRenderer>().RenderMaintenance(
                snapshot, window, AffectedComponentNames.Of(snapshot, window.ComponentIds),
                MaintenanceService.NextOccurrences(window, services.GetRequiredService<TimeProvider>().GetUtcNow(), MaintenanceOccurrencesShown + 1), links));

    // The first page shows the newest incidents and the latest completed windows; older incidents (?page=N) and older
    // windows (?maintenance_page=N) are paged apart, each list alone, so a page of both is no page any link leads to.
    private static async Task<IResult> RenderHistoryAsync(HttpContext context, string slug, int pageNumber, int maintenancePageNumber, PagePaths paths)
    {
        var (snapshot, answer) = await OpenAsync(context, slug, paths);
        if (snapshot is null || !IsHistoryPage(pageNumber) || !IsHistoryPage(maintenancePageNumber) || (pageNumber > 1 && maintenancePageNumber > 1))
        {
            return answer ?? NotFound(snapshot, Links(context, paths, slug).Home);
        }

        var links = Links(context, paths, slug);
        return await HtmlAsync(
            context, snapshot, links, $"history {pageNumber} {maintenancePageNumber}", token => HistoryHtmlAsync(context, snapshot, links, pageNumber, maintenancePageNumber, token));
    }

    // The history page: one page of incidents, or of completed windows, or on the first the first of both.
    private static async Task<byte[]?> HistoryHtmlAsync(
        HttpContext context, PageSnapshot snapshot, PageLinks links, int pageNumber, int maintenancePageNumber, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        // One more than shown tells whether an older page exists.
        HistoryList<StatusIncident>? incidents = null;
        if (maintenancePageNumber == 1)
        {
            var read = await services.GetRequiredService<StatusIncidentService>().ListAsync(
                snapshot.PageId, skip: (pageNumber - 1) * HistoryPageSize, take: HistoryPageSize + 1, cancellationToken: cancellationToken);
            incidents = new([.. read.Take(HistoryPageSize)], pageNumber, read.Count > HistoryPageSize);
        }

        HistoryList<MaintenanceWindow>? pastMaintenance = null;
        if (pageNumber == 1)
        {
            var read = await services.GetRequiredService<IStatusStore>().ListCompletedMaintenanceWindowsAsync(
                snapshot.PageId, (maintenancePageNumber - 1) * HistoryPageSize, HistoryPageSize + 1, cancellationToken);
            pastMaintenance = new([.. read.Take(HistoryPageSize)], maintenancePageNumber, read.Count > HistoryPageSize);
        }

        return Encoding.UTF8.GetBytes(services.GetRequiredService<PageRenderer>().RenderHistory(snapshot, incidents, pastMaintenance, links));
    }

    private static bool IsHistoryPage(int number) => number is >= 1 and <= MaxHistoryPage;

    /// <summary>
    /// A 404 a browser can show (else it shows its own error page, in its own language): of a page the request may
    /// see, in its language and branding with a link back to it; else unbranded, in English, naming no page.
    /// </summary>
    private static IResult NotFound(PageSnapshot? page, string? backTo)
    {
        var texts = page is null ? PageTexts.English : PageTexts.For(page.Language);
        return SubscriptionPages.Message(StatusCodes.Status404NotFound, texts.PageNotFound, texts.PageNotFoundText, backTo: backTo, page: page, texts: texts);
    }

    // Where the page's links point: under the request's path base, with the token when the page keeps it in its URL
    // (shown over plain HTTP to a host that is not loopback, where no cookie can carry it).
    private static PageLinks Links(HttpContext context, PagePaths paths, string slug) =>
        PageLinks.For(context.Request, context.Request.PathBase + paths.PagePath(context.Request, slug));

    // The answer with a page's HTML, in UTF-8 (null from render: 404). Of a public page, the rendering this host kept when it is of
    // the current snapshot and young enough, else one render shared by the readers who missed together, kept with its
    // compressed forms (KeptDocuments); of a private page, rendered for this request. The page also shows history,
    // uptime and metrics, which change without the snapshot: its tag is a hash of its bytes.
    private static async Task<IResult> HtmlAsync(
        HttpContext context, PageSnapshot snapshot, PageLinks links, string route, Func<CancellationToken, Task<byte[]?>> render)
    {
        var services = context.RequestServices;
        var document = await services.GetRequiredService<KeptDocuments>().GetAsync(snapshot, route + " " + links.PagePath, render, context.RequestAborted);
        if (document is null)
        {
            return NotFound(snapshot, links.Home);
        }

        DocumentSecurityHeaders.Apply(context.Response, PageBrand.LogoOrigin(snapshot));
        return DocumentAnswer.Of(
            context, snapshot, document, "text/html; charset=utf-8", services.GetRequiredService<PublicCacheControl>().Value);
    }
}
