using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore;
using StatusKit.AspNetCore.Domains;

// Lives in the Microsoft.AspNetCore.Builder namespace so it shows up without a using.
#pragma warning disable IDE0130
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Places the serving of pages on their custom domains in the host's pipeline.</summary>
public static class StatusPageCustomDomainsApplicationBuilderExtensions
{
    /// <summary>
    /// Serves pages on their custom domains from here in the pipeline (with
    /// <see cref="StatusPageEndpointOptions.ServeCustomDomains"/> on), instead of first: call it after
    /// <c>UseForwardedHeaders</c> when a reverse proxy sends the page's domain in <c>X-Forwarded-Host</c>, so the domain
    /// is read from the forwarded Host. It then runs routing (<c>UseRouting</c>), since routing must match the page's
    /// re-dispatched path: call it where <c>UseRouting</c> would go, before <c>UseAuthentication</c>,
    /// <c>UseAuthorization</c>, <c>UseCors</c> and <c>UseRateLimiter</c>, and not after <c>UseRouting</c> (that throws).
    /// With the option off it adds routing only. Without this call, the option serves the domains first in the pipeline,
    /// from the Host header as received; with it, never there too. Call it once: a second call throws.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    public static IApplicationBuilder UseStatusPageCustomDomains(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var placement = app.ApplicationServices.GetService<CustomDomainPlacement>() ?? throw new InvalidOperationException(
            "UseStatusPageCustomDomains needs the StatusKit endpoint services: call services.AddStatusPages().AddStatusPageEndpoints(o => o.ServeCustomDomains = true) first.");

        // UseRouting's own key: routing already ran where this is placed, so it would match the path as sent.
        if (app.Properties.ContainsKey("__EndpointRouteBuilder"))
        {
            throw new InvalidOperationException(
                "UseStatusPageCustomDomains was called after UseRouting, so routing would match the path before a page's domain re-dispatched " +
                "it. Call UseStatusPageCustomDomains before UseRouting, or instead of it: it runs routing after itself.");
        }

        placement.Claim();
        if (app.ApplicationServices.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value.ServeCustomDomains)
        {
            app.UseMiddleware<CustomDomainMiddleware>();
        }

        return app.UseRouting();
    }
}
