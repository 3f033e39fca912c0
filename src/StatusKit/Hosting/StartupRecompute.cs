using Microsoft.Extensions.Hosting;
using StatusKit.Engine;

namespace StatusKit.Hosting;

/// <summary>
/// Recomputes every component once the application has started. A signal is durable before its recompute runs, so a
/// host that stopped (or crashed) in between left statuses that its stored signals, windows and manual statuses no
/// longer imply; this brings them back in line instead of waiting for the team's next signal. Failures are retried by
/// the engine.
/// </summary>
internal sealed class StartupRecompute(StatusEngine engine, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await HostStartup.WaitForStartedAsync(lifetime, stoppingToken))
        {
            engine.RecomputeAllInBackground("start-up");
        }
    }
}
