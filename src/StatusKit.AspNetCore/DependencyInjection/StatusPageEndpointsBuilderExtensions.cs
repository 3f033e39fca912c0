using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Audit;
using StatusKit.AspNetCore;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Admin;
using StatusKit.AspNetCore.Audit;
using StatusKit.AspNetCore.Embed;
using StatusKit.AspNetCore.Api;
using StatusKit.AspNetCore.Domains;
using StatusKit.AspNetCore.Events;
using StatusKit.AspNetCore.Feeds;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Responses;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Configuration;
using StatusKit.Engine;

// Lives in the Microsoft.Extensions.DependencyInjection namespace so it shows up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers what <c>app.MapStatusPages()</c> needs.</summary>
public static class StatusPageEndpointsBuilderExtensions
{
    /// <summary>
    /// Adds the services of the StatusKit endpoints (page access, the document memo, the live-update relay, the
    /// subscription rate limiter, problem details). Safe to call more than once; options are validated at start-up, and
    /// an <c>AdminAuthorizationPolicy</c> that is not registered fails the start.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStatusPages()</c>.</param>
    /// <param name="configure">Configures <see cref="StatusPageEndpointOptions"/>.</param>
    /// <returns>The same builder.</returns>
    public static IStatusPagesBuilder AddStatusPageEndpoints(this IStatusPagesBuilder builder, Action<StatusPageEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StatusPageEndpointOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusPageEndpointOptions>, StatusPageEndpointOptionsValidator>());
        // The audit log names the request's user, unless the host names callers its own way.
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IAuditActorAccessor, HttpAuditActorAccessor>();

        // Links (the core's notifications too) point at a page's custom domain only where one is served.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<StatusPagesOptions>, CustomDomainLinks>());
        services.TryAddSingleton<PageAccess>();
        services.TryAddSingleton<StatusPagesMapping>();
        services.TryAddSingleton<StatuspageDocuments>();
        services.TryAddSingleton(sp => new PageRenderer(sp.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value.ColorScheme));
        services.TryAddSingleton<KeptDocuments>();
        services.TryAddSingleton<PublicCacheControl>();
        services.TryAddSingleton<UptimeBadgeMemo>();
        services.TryAddSingleton<EmbedScripts>();
        services.TryAddSingleton<EventRelay>();
        services.TryAddSingleton<EventIds>();
        services.TryAddSingleton<EventItems>();
        services.TryAddSingleton<EventStreamLimiter>();
        services.TryAddSingleton<EventStreamInstruments>(); // on the IMeterFactory that AddStatusPages() made sure of
        services.TryAddSingleton<SubscriptionRateLimiter>();
        services.TryAddSingleton<CustomDomainDirectory>();
        services.TryAddSingleton<CustomDomainMisses>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageSnapshotObserver, CustomDomainMisses>(sp => sp.GetRequiredService<CustomDomainMisses>()));
        services.TryAddSingleton<CustomDomainPlacement>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, CustomDomainStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventRelayService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AdminPolicyStartupCheck>());
        services.AddProblemDetails();
        // Every OpenAPI document the host generates declares StatusKit's enums, numbers, wall-clock times and required
        // members as its APIs read and write them.
        services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddSchemaTransformer(OpenApiEnumSchemas.TransformAsync);
            options.AddSchemaTransformer(OpenApiNumberSchemas.TransformAsync);
            options.AddSchemaTransformer(OpenApiWallClockSchemas.TransformAsync);
            options.AddDocumentTransformer(OpenApiRequiredSchemas.TransformAsync);
        });
        return builder;
    }
}
