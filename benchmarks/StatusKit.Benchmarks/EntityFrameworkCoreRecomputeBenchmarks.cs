using System.Data.Common;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.EntityFrameworkCore;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Benchmarks;

/// <summary>
/// Issue 8, target 5: the recompute for one incident on the EF Core store over a SQLite file in a temp folder (WAL),
/// for a page of <see cref="Components"/> components of which the incident's team owns <see cref="TeamComponents"/>:
/// all of them (the worst case: every component of the page changes) or ten (one team's share of a large page).
/// Every invocation flips the incident between
/// Triggered (Critical) and Resolved and runs the internal <c>StatusRecomputer</c> for the team scope: load the inputs,
/// compute, commit every component's change with its history row (one transaction), load again to confirm nothing
/// moved, then rebuild and cache the page snapshot. <see cref="StoreLoadAndCommit"/> is the store's part alone
/// (what the EF issue's round-trip test measures). The global setup prints the commands each path costs.
/// </summary>
[MemoryDiagnoser]
public class EntityFrameworkCoreRecomputeBenchmarks
{
    private const long DefaultSynchronous = 2; // FULL
    private readonly CommandCounter counter = new();
    private StatusScope scope = StatusScope.All;
    private string teamId = string.Empty;
    private string folder = string.Empty;
    private ServiceProvider provider = null!;
    private IStatusStore store = null!;
    private StatusRecomputer recomputer = null!;
    private Guid pageId;
    private long version;
    private long commits;

    /// <summary>The page's components. The global setup also counts the commands at 10 components.</summary>
    [Params(1_000)]
    public int Components { get; set; }

    /// <summary>How many of the page's components belong to the incident's team (and so change on every invocation).</summary>
    [Params(1_000, 10)]
    public int TeamComponents { get; set; }

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c>: FULL (the default, which the setup checks) syncs the WAL to disk on every
    /// commit, NORMAL (what SQLite recommends with WAL) only at checkpoints; the difference is this machine's fsync.
    /// NORMAL measured the same as FULL within the noise in every recorded run (benchmarks/README.md, section 5), so only
    /// FULL runs by default, which keeps the short job under five minutes; add "NORMAL" here to compare again. Only a
    /// mode other than the default is set, by an interceptor on every connection EF Core opens: issuing the PRAGMA on
    /// each open costs the recompute ~3 ms on this machine, which no host pays.
    /// </summary>
    [Params("FULL")]
    public string Synchronous { get; set; } = "FULL";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        folder = Path.Combine(Path.GetTempPath(), "statuskit-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "statuskit.db"), Pooling = true }.ToString();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "PRAGMA synchronous;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) != DefaultSynchronous)
            {
                throw new InvalidOperationException("This SQLite's default synchronous mode is not FULL; set it on every connection to compare.");
            }
        }

        IInterceptor[] interceptors = Synchronous == "FULL" ? [counter] : [counter, new SynchronousPragma(Synchronous)];
        provider = Composition.Build(services =>
        {
            services.AddDbContextFactory<StatusKitSqliteDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(interceptors));
            services.AddStatusPages().UseEntityFrameworkCoreStore<StatusKitSqliteDbContext>();
        });
        await using (var context = await provider.GetRequiredService<IDbContextFactory<StatusKitSqliteDbContext>>().CreateDbContextAsync())
        {
            await context.Database.MigrateAsync();
        }

        store = provider.GetRequiredService<IStatusStore>();
        recomputer = provider.GetRequiredService<StatusRecomputer>();

        // The round trips do not depend on the team's size: count them at 10 components, then at the measured size.
        var small = await SeedTeamAsync(1, 10, 10);
        var large = await SeedTeamAsync(0, Components, TeamComponents);
        foreach (var (team, size) in new[] { (small, 10), (large, Components) })
        {
            (teamId, scope, pageId) = team;
            version = 0;
            counter.Enabled = true;
            counter.Reset();
            await RecomputeOneIncident();
            var recompute = counter.Count;
            counter.Reset();
            await StoreLoadAndCommit();
            Console.WriteLine($"// {size} components: RecomputeOneIncident = {recompute} commands, StoreLoadAndCommit = {counter.Count} commands");
            counter.Enabled = false;
        }
    }

    private async Task<(string Team, StatusScope Scope, Guid PageId)> SeedTeamAsync(int index, int size, int teamSize)
    {
        var team = $"team-db-{index}";
        var page = Composition.Page(index);
        await store.AddPageAsync(page, CancellationToken.None);
        for (var i = 0; i < size; i++)
        {
            var owner = i < teamSize ? team : $"team-db-{index}-other-{i / 10}";
            await store.AddComponentAsync(Composition.Component(page.Id, i, owner), CancellationToken.None);
        }

        await provider.GetRequiredService<PageSnapshotReader>().RefreshAsync(page.Id, CancellationToken.None);
        return (team, StatusScope.ForTeam(team), page.Id);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> RecomputeOneIncident()
    {
        var next = ++version;
        var state = next % 2 == 1 ? PlatformIncidentState.Triggered : PlatformIncidentState.Resolved;
        await store.ApplySignalAsync(Composition.Signal("INC-" + teamId, teamId, "Critical", state, next), CancellationToken.None);
        var changes = await recomputer.RecomputeAsync(scope, "incident INC-db", causedByIncidents: true, CancellationToken.None);
        return changes.Count;
    }

    [Benchmark]
    public async Task<bool> StoreLoadAndCommit()
    {
        var inputs = await store.LoadStatusInputsAsync(scope, CancellationToken.None);
        var from = inputs.Components[0].Status;
        var to = from == ComponentStatus.MajorOutage ? ComponentStatus.PartialOutage : ComponentStatus.MajorOutage;
        var changes = new ComponentStatusChange[inputs.Components.Count];

        // Each commit a millisecond later, as real changes are: history ids then grow like the clock.
        var at = Composition.T0.AddMilliseconds(++commits);
        for (var i = 0; i < changes.Length; i++)
        {
            var component = inputs.Components[i];
            changes[i] = new ComponentStatusChange(pageId, component.Id, component.Status, to, at, "bench");
        }

        return await store.CommitStatusAsync(new StatusCommit(changes, []), CancellationToken.None);
    }
}

/// <summary>Sets <c>PRAGMA synchronous</c> on every connection EF Core opens.</summary>
internal sealed class SynchronousPragma(string mode) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={mode};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={mode};";
        command.ExecuteNonQuery();
    }
}
