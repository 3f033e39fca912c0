using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Puts <see cref="CustomDomainMiddleware"/> first in the host's pipeline when
/// <see cref="StatusPageEndpointOptions.ServeCustomDomains"/> is on and the host did not place it itself with
/// <c>app.UseStatusPageCustomDomains()</c>, so <c>app.MapStatusPages()</c> can stay the only call a host makes; off (the
/// default), nothing is added and the Host header plays no part in routing.
/// </summary>
/// <remarks>
/// Whether the host placed it is asked when the pipeline is built, not when this filter runs: a <c>Startup</c> class's
/// <c>Configure</c> runs after the filter (inside <c>next</c>), and the pipeline's middleware are built last to first, so
/// by the time this first one is built every placement of the host's was made.
/// </remarks>
internal sealed class CustomDomainStartupFilter(IOptions<StatusPageEndpointOptions> options, CustomDomainPlacement placement) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.ServeCustomDomains)
        {
            var first = app.New();
            first.UseMiddleware<CustomDomainMiddleware>();
            app.Use(rest =>
            {
                if (placement.IsPlaced)
                {
                    return rest;
                }

                first.Run(rest);
                return first.Build();
            });
        }

        next(app);
    };
}
