using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Schema;

/// <summary>
/// When the host starts, tells once (event 3000, a Warning) that the database of StatusKit's own context lacks some of
/// the shipped migrations, so a host that forgot <c>MigrateAsync()</c>, or was upgraded without applying a new migration,
/// hears what to do instead of only a flood of missing-table errors. It runs in <see cref="StartAsync"/>, so a host that
/// migrates after <c>Build()</c> and before <c>Run()</c> (the documented order) is checked after it migrated. Start-up
/// waits for it at most <see cref="Timeout"/> (and not past the host's own start-up cancellation); a database that cannot
/// be read is logged at Information and left to the store health check.
/// </summary>
internal sealed class PendingMigrationsStartupCheck(IStatusStore store, TimeProvider time, ILogger<PendingMigrationsStartupCheck> logger) : IHostedService
{
    /// <summary>How long start-up waits for the check.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Another store registered after the EF one (UseInMemoryStore()) has no migrations to check.
        if (store is not IMigratedStore { Migrations: var migrations })
        {
            return;
        }

        if (!migrations.IsChecked)
        {
            Log.MigrationsNotChecked(logger, migrations.ContextName);
            return;
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var pending = await migrations.GetAsync(linked.Token);
            if (pending.Count == 0)
            {
                Log.MigrationsApplied(logger, migrations.ContextName);
            }
            else
            {
                Log.PendingMigrations(logger, migrations.ContextName, pending.Count, pending[^1]);
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.MigrationsCheckTimedOut(logger, migrations.ContextName, Timeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.MigrationsCheckFailed(logger, migrations.ContextName, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
