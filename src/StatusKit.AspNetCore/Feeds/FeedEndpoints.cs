using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Responses;
using StatusKit.Services;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Feeds;

/// <summary><c>badge.svg</c>, <c>history.atom</c>, <c>history.rss</c> and <c>maintenance.ics</c> of a page.</summary>
internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder page, PagePaths paths, StatusPageEndpointOptions options)
    {
        var allow = options.AllowCrossOriginReads;
        page.MapGetAndHead(
                "/badge.svg",
                (HttpContext context, string slug, Guid? component, string? show, string? days) => BadgeAsync(context, slug, component, show, days, options))
            .WithName("StatusKit.Badge")
            .WithSummary("A status badge (SVG); ?component= for one component; ?show=uptime for its uptime over ?days= (1-90, default 90).")
            .WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status400BadRequest).AnswersETagAndNotModified()
            .OpenToOtherSites(allow, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
        page.MapGetAndHead("/history.atom", (HttpContext context, string slug) => HistoryAsync(context, slug, paths, "history.atom", AtomFeedWriter.Write, "application/atom+xml"))
            .WithName("StatusKit.History").WithSummary("Incident and maintenance history (Atom 1.0): the 50 latest-changed incidents, published postmortems and maintenance windows.").WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").AnswersETagAndNotModified()
            .OpenToOtherSites(allow, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
        page.MapGetAndHead("/history.rss", (HttpContext context, string slug) => HistoryAsync(context, slug, paths, "history.rss", RssFeedWriter.Write, "application/rss+xml"))
            .WithName("StatusKit.HistoryRss").WithSummary("Incident and maintenance history (RSS 2.0): the same entries as history.atom.").WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "application/rss+xml").AnswersETagAndNotModified()
            .OpenToOtherSites(allow, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
        page.MapGetAndHead("/maintenance.ics", (HttpContext context, string slug) => CalendarAsync(context, slug, paths))
            .WithName("StatusKit.Maintenance").WithSummary("Maintenance windows (iCalendar).").WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").AnswersETagAndNotModified()
            .OpenToOtherSites(allow, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
    }

    // The status badge (show=status, the default: as it always was, whatever else the query says), or the uptime badge of
    // the page or one component over the last days (show=uptime), from the memo of the page's uptime. A bad show or days
    // is a 400 problem naming it, after the page is resolved (a private page without its token stays a 404).
    private static async Task<IResult> BadgeAsync(
        HttpContext context, string slug, Guid? componentId, string? show, string? days, StatusPageEndpointOptions options)
    {
        var snapshot = await context.RequestServices.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var uptime = show switch
        {
            null or "status" => false,
            "uptime" => true,
            _ => (bool?)null,
        };
        if (uptime is null)
        {
            CrossOriginReads.Allow(context, snapshot);
            return Problems.From(new StatusKitValidationException("show", "show must be 'status' or 'uptime'.", ValidationCodes.ValueInvalid));
        }

        var maxDays = MaxUptimeBadgeDays(options);
        var window = maxDays;
        if (uptime == true && days is not null
            && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out window) && window >= 1 && window <= maxDays))
        {
            CrossOriginReads.Allow(context, snapshot);
            return Problems.From(new StatusKitValidationException(
                "days", string.Create(CultureInfo.InvariantCulture, $"days must be a whole number from 1 to {maxDays}."), ValidationCodes.ValueInvalid));
        }

        ComponentSnapshot? component = null;
        if (componentId is { } id)
        {
            component = snapshot.Components.FirstOrDefault(c => c.Id == id);
            if (component is null)
            {
                // The page is there: a script on another site may read that the component is not (a CORS error would
                // tell it nothing).
                CrossOriginReads.Allow(context, snapshot);
                return TypedResults.NotFound();
            }
        }

        string svg;
        if (uptime == true)
        {
            var figures = await context.RequestServices.GetRequiredService<UptimeBadgeMemo>().GetAsync(snapshot, window, context.RequestAborted);
            svg = BadgeRenderer.RenderUptime(window, figures?.For(component?.Id));
        }
        else if (component is not null)
        {
            svg = BadgeRenderer.Render(component.Name, component.Status.ToDisplayName(), component.Status);
        }
        else
        {
            svg = BadgeRenderer.Render("status", snapshot.Status.Description, snapshot.Status.Status);
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Respond(context, snapshot, Encoding.UTF8.GetBytes(svg), "image/svg+xml; charset=utf-8");
    }

    /// <summary>The longest window an uptime badge shows, and its default: 90 days, or the page's shorter <see cref="StatusPageEndpointOptions.UptimeDays"/>.</summary>
    internal static int MaxUptimeBadgeDays(StatusPageEndpointOptions options) => Math.Min(90, options.UptimeDays);

    /// <summary>
    /// A history feed of the page's incidents and maintenance windows (<see cref="HistoryFeedEntries"/>: the 50 that changed
    /// last), written by <paramref name="write"/>. Its ETag, like every feed's, is a hash of its bytes, so any change an
    /// entry shows (a window's state, times, components, description or its update time) makes a new one.
    /// </summary>
    private static async Task<IResult> HistoryAsync(
        HttpContext context,
        string slug,
        PagePaths paths,
        string route,
        Func<Snapshots.PageSnapshot, IReadOnlyList<HistoryFeedEntry>, string, byte[]> write,
        string mediaType)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var pageUrl = paths.PageUrl(context.Request, snapshot);
        return await DocumentAnswer.KeptAsync(context, snapshot, $"{route} {pageUrl}", mediaType + "; charset=utf-8", async cancellationToken =>
        {
            var entries = await HistoryFeedEntries.ReadAsync(
                services.GetRequiredService<StatusIncidentService>(), services.GetRequiredService<IStatusStore>(), snapshot, pageUrl, cancellationToken);
            return write(snapshot, entries, pageUrl);
        });
    }

    private static async Task<IResult> CalendarAsync(HttpContext context, string slug, PagePaths paths)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var pageUrl = paths.PageUrl(context.Request, snapshot);
        return await DocumentAnswer.KeptAsync(context, snapshot, $"maintenance.ics {pageUrl}", "text/calendar; charset=utf-8", async cancellationToken =>
        {
            var windows = await CalendarWindows.ReadAsync(services.GetRequiredService<IStatusStore>(), snapshot.PageId, cancellationToken);
            return CalendarWriter.Write(snapshot.Name, windows, pageUrl, services.GetRequiredService<TimeProvider>().GetUtcNow());
        });
    }

    private static IResult Respond(HttpContext context, Snapshots.PageSnapshot snapshot, byte[] bytes, string contentType)
    {
        var etag = BodyEntityTag.Of(bytes);
        HttpCaching.Apply(context.Response, snapshot, etag, context.RequestServices.GetRequiredService<PublicCacheControl>().Value);
        CrossOriginReads.Allow(context, snapshot);
        return HttpCaching.IsNotModified(context.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(bytes, contentType);
    }
}
