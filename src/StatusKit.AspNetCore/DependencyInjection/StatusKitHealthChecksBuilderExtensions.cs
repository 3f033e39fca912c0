using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Health;

// Lives in the Microsoft.Extensions.DependencyInjection namespace so it shows up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds StatusKit's health checks to a host's <c>AddHealthChecks()</c>.</summary>
public static class StatusKitHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="StatusKitStoreHealthCheck"/> (<c>statuskit-store</c>: the store answers a read) and
    /// <see cref="StatusKitBackgroundHealthCheck"/> (<c>statuskit-background</c>: recomputes, maintenance transitions,
    /// notification dispatch and the backplane are not failing; <c>Degraded</c> while something fails, <c>Unhealthy</c> once it has kept
    /// failing for <see cref="StatusKitHealthOptions.UnhealthyAfter"/>). Both carry the tag <c>statuskit</c> and
    /// <paramref name="tags"/>. Needs <c>AddStatusPages()</c>, else the host's start fails saying so (an
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>); serve them with <c>app.MapHealthChecks(...)</c>.
    /// </summary>
    /// <param name="builder">The builder <c>services.AddHealthChecks()</c> returned.</param>
    /// <param name="tags">More tags for both checks, to select them for an endpoint (a readiness probe, say).</param>
    /// <param name="timeout">How long the store check may take before it counts as failed; default 5 seconds.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddStatusKit(this IHealthChecksBuilder builder, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string[] all = [StatusKitHealthChecks.Tag, .. tags ?? []];
        builder.Add(new HealthCheckRegistration(
            StatusKitHealthChecks.StoreName,
            sp => sp.GetRequiredService<StatusKitStoreHealthCheck>(),
            HealthStatus.Unhealthy,
            all,
            timeout ?? TimeSpan.FromSeconds(5)));
        builder.Add(new HealthCheckRegistration(
            StatusKitHealthChecks.BackgroundName,
            sp => sp.GetRequiredService<StatusKitBackgroundHealthCheck>(),
            HealthStatus.Unhealthy,
            all));
        // Said at start-up, not by every probe failing with a bare "no service" error.
        builder.Services.AddOptions<HealthCheckServiceOptions>()
            .Validate<IServiceProviderIsService>(
                static (_, services) => services.IsService(typeof(StatusKitStoreHealthCheck)),
                "AddHealthChecks().AddStatusKit() needs services.AddStatusPages(): its checks read StatusKit's store and background work.")
            .ValidateOnStart();
        return builder;
    }
}
