using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Configuration;

namespace StatusKit.Hosting;

/// <summary>
/// Builds every page's snapshot in the background once the application has started; start-up does not wait for it,
/// and a store that fails meanwhile is logged (event 1016) without stopping the host.
/// </summary>
internal sealed class SnapshotWarmupService(
    IStatusStore store,
    PageSnapshotReader snapshots,
    IHostApplicationLifetime lifetime,
    IOptions<StatusPagesOptions> options,
    ILogger<SnapshotWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmSnapshotsOnStart || !await HostStartup.WaitForStartedAsync(lifetime, stoppingToken))
        {
            return;
        }

        try
        {
            await WarmAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A store that is down at start-up must not stop the host (a failed BackgroundService does by default);
            // each page's snapshot is then built when it is first read.
            Engine.Log.SnapshotWarmupFailed(logger, ex);
        }
    }

    /// <summary>Builds and caches the snapshot of every page; one failing page does not stop the others.</summary>
    public async Task<int> WarmAsync(CancellationToken cancellationToken)
    {
        var warmed = 0;
        foreach (var page in await store.ListPagesAsync(null, cancellationToken))
        {
            try
            {
                await snapshots.RefreshAsync(page.Id, cancellationToken);
                warmed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Engine.Log.SnapshotRefreshFailed(logger, page.Id, ex);
            }
        }

        Engine.Log.SnapshotsWarmed(logger, warmed);
        return warmed;
    }
}
