namespace StatusKit.SampleHost;

/// <summary>Seeds the demo data once the server listens, and prints where to look.</summary>
/// <remarks>
/// Hosted services start before the server listens, so the address comes from the configuration
/// (<see cref="SampleLinks.HostAddress"/>), not from the server, which knows none yet.
/// </remarks>
public sealed class SampleStartup(IServiceProvider services, SampleLinks links, AdminApiKey apiKey, SampleDatabase database, ILogger<SampleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = links.HostAddress.AbsoluteUri.TrimEnd('/');
        SampleLog.Database(logger, database.Provider, database.Target);
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
