using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Fails the start when <see cref="StatusPageEndpointOptions.AdminAuthorizationPolicy"/> names a policy the app has not
/// registered (or authorization is not added at all), instead of the first admin request failing with a 500.
/// </summary>
internal sealed class AdminPolicyStartupCheck(IServiceProvider services, IOptions<StatusPageEndpointOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AdminAuthorizationPolicy is not { } name)
        {
            return;
        }

        var provider = services.GetService<IAuthorizationPolicyProvider>()
            ?? throw new InvalidOperationException(
                $"StatusPageEndpointOptions.AdminAuthorizationPolicy names the policy '{name}', but authorization is not added: " +
                $"call services.AddAuthorization(o => o.AddPolicy(\"{name}\", ...)).");
        if (await provider.GetPolicyAsync(name) is null)
        {
            throw new InvalidOperationException(
                $"StatusPageEndpointOptions.AdminAuthorizationPolicy names the policy '{name}', which is not registered: " +
                $"add it with services.AddAuthorization(o => o.AddPolicy(\"{name}\", ...)), or set the option to a policy that is.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
