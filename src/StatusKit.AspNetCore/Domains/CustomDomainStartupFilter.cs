using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Puts <see cref="CustomDomainMiddleware"/> first in the host's pipeline when
/// <see cref="StatusPageEndpointOptions.ServeCustomDomains"/> is on, so <c>app.MapStatusPages()</c> stays the only call a
/// host makes; off (the default), nothing is added and the Host header plays no part in routing.
/// </summary>
internal sealed class CustomDomainStartupFilter(IOptions<StatusPageEndpointOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.ServeCustomDomains)
        {
            app.UseMiddleware<CustomDomainMiddleware>();
        }

        next(app);
    };
}
