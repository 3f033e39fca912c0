using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StatusKit.SampleHost;

/// <summary>Seeds the demo data once the server listens, and prints where to look.</summary>
public sealed class SampleStartup(IServiceProvider services, IServer server, AdminApiKey apiKey, ILogger<SampleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080").TrimEnd('/');
        var token = await SampleSeeder.SeedAsync(services, new Uri(address + "/sample/webhook-sink"), cancellationToken);
        SampleLog.Started(logger, address);
        Console.WriteLine($"StatusKit sample host: {address}/status/demo");
        if (apiKey.Generated)
        {
            SampleLog.GeneratedApiKey(logger, apiKey.Directory, apiKey.Value);
        }

        if (token is not null)
        {
            SampleLog.PrivatePage(logger, address, token);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
