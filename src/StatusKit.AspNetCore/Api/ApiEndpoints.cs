using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Responses;
using StatusKit.Services;
using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Api;

/// <summary>The Statuspage-compatible JSON API: <c>{prefix}/{slug}/api/v2/…</c>.</summary>
internal static class ApiEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(RouteGroupBuilder page, PagePaths paths, StatusPageEndpointOptions options)
    {
        var api = page.MapGroup("/api/v2").WithTags("Statuspage API v2");
        var allow = options.AllowCrossOriginReads;
        Map(api, "/summary.json", ApiDocument.Summary, paths, allow, "Page, components, unresolved incidents, upcoming and active maintenance, status.");
        Map(api, "/status.json", ApiDocument.Status, paths, allow, "The page's overall status indicator and description.");
        Map(api, "/components.json", ApiDocument.Components, paths, allow, "Components and component groups.");
        Map(api, "/incidents.json", ApiDocument.Incidents, paths, allow, "The 50 most recent incidents.");
        Map(api, "/incidents/unresolved.json", ApiDocument.UnresolvedIncidents, paths, allow, "Incidents not yet resolved.");
        Map(api, "/scheduled-maintenances.json", ApiDocument.ScheduledMaintenances, paths, allow, "Upcoming, active and the 50 most recent completed maintenances.");
        Map(api, "/scheduled-maintenances/upcoming.json", ApiDocument.UpcomingMaintenances, paths, allow, "Maintenances that have not started and start within StatusPagesOptions.UpcomingMaintenanceHorizon (7 days by default).");
        Map(api, "/scheduled-maintenances/active.json", ApiDocument.ActiveMaintenances, paths, allow, "Maintenances in progress.");
        api.MapGetAndHead("/metrics.json", (HttpContext context, string slug, string? range) => ServeMetricsAsync(context, slug, range))
            .WithName("StatusKit.Api.Metrics")
            .WithSummary("The page's visible system metrics over range (day: 5-minute buckets, the default; week: hourly; month: 6-hour), " +
                "each bucket the average of its points, null where it has none.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AnswersETagAndNotModified()
            .OpenToOtherSites(allow, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
    }

    private static void Map(RouteGroupBuilder api, string pattern, ApiDocument document, PagePaths paths, bool allowCrossOrigin, string summary) =>
        api.MapGetAndHead(pattern, (HttpContext context, string slug) => ServeAsync(context, slug, document, paths))
            .WithName($"StatusKit.Api.{document}")
            .WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .AnswersETagAndNotModified()
            .OpenToOtherSites(allowCrossOrigin, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);

    private static async Task<IResult> ServeMetricsAsync(HttpContext context, string slug, string? range)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        if (MetricsDocument.Parse(range) is not { } parsed)
        {
            return Problems.From(new StatusKitValidationException(
                "range", $"The range '{QuotedValue.Of(range)}' is not one of day, week or month.", ValidationCodes.ValueInvalid));
        }

        return await KeptAsync(context, snapshot, $"api metrics {parsed}", async token =>
        {
            var series = await services.GetRequiredService<PageMetricService>().ListVisibleSeriesAsync(snapshot.PageId, parsed, token);
            return MetricsDocument.Write(snapshot, parsed, series, services.GetRequiredService<TimeProvider>().GetUtcNow());
        });
    }

    private static async Task<IResult> ServeAsync(HttpContext context, string slug, ApiDocument document, PagePaths paths)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var documents = services.GetRequiredService<StatuspageDocuments>();
        var pageUrl = paths.PageUrl(context.Request, snapshot);
        if (StatuspageDocuments.ReadsStore(document))
        {
            return await KeptAsync(context, snapshot, $"api {document} {pageUrl}", async token => await documents.ReadAsync(snapshot, document, pageUrl, token));
        }

        // Made of the snapshot: tagged with its version, so a matching If-None-Match is a 304 without serialising.
        var prepared = documents.Prepare(snapshot, document, pageUrl);
        // Statuspage's widget (and any script on another site) reads these documents with a cross-origin
        // XMLHttpRequest or fetch; without this header the browser hides the response (a 304 too) from it.
        CrossOriginReads.Allow(context, snapshot);
        return DocumentAnswer.Of(context, snapshot, prepared.ETag, prepared.IsCompressed, prepared.Render, JsonContentType, services.GetRequiredService<PublicCacheControl>().Value);
    }

    // A document that reads the store: kept for a while on a public page (DocumentAnswer.KeptAsync).
    private static Task<IResult> KeptAsync(HttpContext context, PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> read) =>
        DocumentAnswer.KeptAsync(context, snapshot, variant, JsonContentType, read);
}
