using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Turns on <see cref="StatusPagesOptions.LinkToCustomDomains"/> when <see cref="StatusPageEndpointOptions.ServeCustomDomains"/>
/// is: the core builds the links of notifications, and must point at a page's domain only when a host serves it there.
/// Off, it leaves the host's own setting (another host or proxy may serve the domains).
/// </summary>
internal sealed class CustomDomainLinks(IOptions<StatusPageEndpointOptions> endpoints) : IPostConfigureOptions<StatusPagesOptions>
{
    public void PostConfigure(string? name, StatusPagesOptions options)
    {
        bool serve;
        try
        {
            serve = endpoints.Value.ServeCustomDomains;
        }
        catch (OptionsValidationException)
        {
            // Invalid endpoint options fail the start with their own failures, reported beside these options' own.
            return;
        }

        if (serve)
        {
            options.LinkToCustomDomains = true;
        }
    }
}
