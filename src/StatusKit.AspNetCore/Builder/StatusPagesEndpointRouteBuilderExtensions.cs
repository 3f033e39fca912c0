using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Admin;
using StatusKit.AspNetCore.Embed;
using StatusKit.AspNetCore.Api;
using StatusKit.AspNetCore.Events;
using StatusKit.AspNetCore.Feeds;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Configuration;
using Log = StatusKit.AspNetCore.Log;

// Lives in the Microsoft.AspNetCore.Builder namespace so it shows up without a using.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Maps the StatusKit endpoints.</summary>
public static class StatusPagesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="prefix"/>, every page by slug (<c>{prefix}/{slug}</c>: the HTML page, the
    /// Statuspage-compatible <c>api/v2</c>, <c>events</c>, <c>badge.svg</c>, <c>history.atom</c>, <c>history.rss</c>,
    /// <c>maintenance.ics</c>, <c>embed.js</c>, <c>subscriptions</c>) and the admin API (<c>{prefix}/admin</c>). Requires
    /// <c>services.AddStatusPages().AddStatusPageEndpoints()</c>. Outside the Development environment the admin API
    /// needs <see cref="StatusKit.AspNetCore.StatusPageEndpointOptions.AdminAuthorizationPolicy"/>, or this throws. Invalid
    /// options (of every type validated on start) throw here, all failures at once. Call it once per app: a second call
    /// throws (to serve the pages under a second path, use <c>UsePathBase</c>; see docs/aspnetcore.md).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The path prefix. Default <c>/status</c>; <c>/</c> maps the pages at the root (<c>/{slug}</c>, <c>/admin</c>).</param>
    /// <returns>The route group of everything mapped, for further conventions.</returns>
    public static RouteGroupBuilder MapStatusPages(this IEndpointRouteBuilder endpoints, string prefix = "/status")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var services = endpoints.ServiceProvider;

        // Mapping reads options and builds the endpoints' services, which would report only the first invalid options
        // type; validate every type registered with ValidateOnStart first, so all failures show at once, as at start-up.
        services.GetService<IStartupValidator>()?.Validate();
        if (services.GetService<PageAccess>() is null)
        {
            throw new InvalidOperationException(
                "MapStatusPages needs the StatusKit endpoint services: call services.AddStatusPages().AddStatusPageEndpoints() first.");
        }

        var options = services.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value;
        var paths = new PagePaths(prefix, services.GetRequiredService<IOptions<StatusPagesOptions>>().Value);
        var root = endpoints.MapGroup(paths.Prefix);

        var admin = root.MapGroup("/admin").WithTags("StatusKit admin");
        if (options.AdminAuthorizationPolicy is { } policy)
        {
            admin.RequireAuthorization(policy);
        }
        else if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            Log.AdminApiOpen(services.GetRequiredService<ILoggerFactory>().CreateLogger("StatusKit.AspNetCore"), paths.Prefix);
        }
        else
        {
            throw new InvalidOperationException(
                $"The StatusKit admin API at {paths.Prefix}/admin has no authorization policy. Set StatusPageEndpointOptions.AdminAuthorizationPolicy " +
                "(AddStatusPageEndpoints(o => o.AdminAuthorizationPolicy = \"...\")) to a policy registered with AddAuthorization; only the Development environment may run without one.");
        }

        services.GetRequiredService<StatusPagesMapping>().Claim(paths.Prefix.Length == 0 ? "/" : paths.Prefix);
        AdminEndpoints.Map(admin, new AdminLocations(paths));
        if (services.GetRequiredService<IOptions<StatusPagesOptions>>().Value.PublicBaseAddress is null)
        {
            // Links in messages never come from a request's Host header (an attacker could point a confirmation link
            // elsewhere), so without a configured address the confirmation message can carry only a code.
            Log.NoPublicBaseAddress(services.GetRequiredService<ILoggerFactory>().CreateLogger("StatusKit.AspNetCore"), paths.Prefix.Length == 0 ? "/" : paths.Prefix);
        }

        var page = root.MapGroup("/{slug}");

        // The read routes' ETag, If-None-Match and the page's redirect, in the host's OpenAPI document.
        page.AddOpenApiOperationTransformer(OpenApiHeaders.DeclareAsync);
        HtmlEndpoints.Map(page, paths);
        ApiEndpoints.Map(page, paths, options);
        EventEndpoints.Map(page, options);
        FeedEndpoints.Map(page, paths, options);
        EmbedEndpoints.Map(page, options);
        SubscriptionEndpoints.Map(page, paths);
        return root;
    }
}
