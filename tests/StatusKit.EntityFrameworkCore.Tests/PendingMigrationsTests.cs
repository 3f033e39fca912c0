using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Health;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>
/// A database that lacks StatusKit's shipped migrations (a new host that forgot <c>MigrateAsync()</c>, or an upgrade
/// whose new migration was not applied) is named at start-up (event 3000) and by the store health check; a host that
/// applies them after <c>Build()</c> and before <c>Run()</c>, or owns its migrations, hears nothing. Run on every provider.
/// </summary>
public abstract class PendingMigrationsTests<TContext>
    where TContext : StatusKitDbContext
{
    private const int PendingWarning = 3000;
    private const int CheckFailed = 3001;
    private const int CheckTimedOut = 3002;
    private const int AllApplied = 3003;
    private const int NotChecked = 3004;

    private readonly ListLoggerProvider _logs = new();

    /// <summary>A connection string to a new, empty database of the provider.</summary>
    protected abstract Task<string> EmptyDatabaseAsync(string name);

    /// <summary>A connection string the provider cannot read a database through.</summary>
    protected abstract Task<string> UnreadableDatabaseAsync();

    /// <summary>A connection string to a database of the provider that does not exist yet.</summary>
    protected abstract string MissingDatabase(string name);

    protected abstract DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString);

    [Fact]
    public async Task Start_on_a_database_without_the_migrations_warns_once_naming_how_many_and_the_newest_and_what_to_do()
    {
        var connectionString = await EmptyDatabaseAsync("no_migrations");
        using var host = BuildHost(connectionString);
        var shipped = Migrations(host);

        await host.StartAsync();
        await host.StopAsync();

        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == PendingWarning);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("StatusKit.EntityFrameworkCore.Schema.PendingMigrationsStartupCheck", warning.Category);
        Assert.Contains($"lacks {shipped.Count} of StatusKit's migrations (newest: {shipped[^1]})", warning.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(TContext).Name, warning.Message, StringComparison.Ordinal);
        Assert.Contains("await db.Database.MigrateAsync()", warning.Message, StringComparison.Ordinal);
        // Before the background work's failures on the missing tables, which begin once the host has started.
        var entries = _logs.Entries.ToList();
        var firstError = entries.FindIndex(e => e.Level >= LogLevel.Error);
        Assert.True(firstError < 0 || entries.IndexOf(warning) < firstError, "The warning came after an error.");
    }

    [Fact]
    public async Task Hosts_migrating_a_missing_database_together_one_at_a_time_all_succeed()
    {
        // Every replica of a deployment starting at once: each would race the others on the first migration's tables.
        using var host = BuildHost(MissingDatabase("started_together"));
        var factory = Factory(host);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.MigrateOneHostAtATimeAsync();
        }));

        await using var migrated = await factory.CreateDbContextAsync();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
        await host.StartAsync();
        await host.StopAsync();
        Assert.True(_logs.Has(AllApplied));
    }

    [Fact]
    public async Task Migrating_a_new_database_one_host_at_a_time_logs_no_error()
    {
        // Database.MigrateAsync() on PostgreSQL logs its first read of the missing history table as an Error.
        using var host = BuildHost(await EmptyDatabaseAsync("quiet_first_migration"));

        await using (var db = await Factory(host).CreateDbContextAsync())
        {
            await db.Database.MigrateOneHostAtATimeAsync();
        }

        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
        await using var migrated = await Factory(host).CreateDbContextAsync();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Start_after_an_upgrade_whose_new_migration_was_not_applied_warns_of_that_one()
    {
        var connectionString = await EmptyDatabaseAsync("upgraded");
        using var host = BuildHost(connectionString);
        var shipped = Migrations(host);
        await using (var db = await Factory(host).CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(shipped[^2]);
        }

        await host.StartAsync();
        await host.StopAsync();

        var warning = Assert.Single(_logs.Entries, e => e.EventId.Id == PendingWarning);
        Assert.Contains($"lacks 1 of StatusKit's migrations (newest: {shipped[^1]})", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_on_a_fully_migrated_database_says_nothing_above_debug()
    {
        var connectionString = await EmptyDatabaseAsync("migrated");
        using var host = BuildHost(connectionString);
        await MigrateAsync(host);

        await host.StartAsync();
        await host.StopAsync();

        Assert.False(_logs.Has(PendingWarning));
        Assert.Equal(LogLevel.Debug, Assert.Single(_logs.Entries, e => e.EventId.Id == AllApplied).Level);
    }

    [Fact]
    public async Task A_host_that_migrates_after_Build_and_before_Run_never_sees_the_warning()
    {
        // The documented order: the check runs when the host starts, not when it is built or its store resolved.
        var connectionString = await EmptyDatabaseAsync("migrate_before_run");
        using var host = BuildHost(connectionString);
        _ = host.Services.GetRequiredService<IStatusStore>();

        await MigrateAsync(host);
        await host.StartAsync();
        await host.StopAsync();

        Assert.False(_logs.Has(PendingWarning));
        Assert.True(_logs.Has(AllApplied));
    }

    [Fact]
    public async Task Start_on_an_unreadable_database_logs_the_failed_check_at_information_and_starts()
    {
        using var host = BuildHost(await UnreadableDatabaseAsync());

        await host.StartAsync();
        await host.StopAsync();

        var failed = Assert.Single(_logs.Entries, e => e.EventId.Id == CheckFailed);
        Assert.Equal(LogLevel.Information, failed.Level);
        Assert.NotNull(failed.Exception);
        Assert.False(_logs.Has(PendingWarning));
    }

    [Fact]
    public async Task Start_gives_up_the_check_after_its_timeout_on_a_database_that_does_not_answer()
    {
        var connectionString = await EmptyDatabaseAsync("silent");
        var time = new ManualTimeProvider();
        var silent = new SilentCommands();
        using var host = BuildHost(connectionString, time, silent);
        await MigrateAsync(host);
        silent.Silent = true;

        var starting = host.StartAsync();
        await silent.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(starting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await starting.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        var timedOut = Assert.Single(_logs.Entries, e => e.EventId.Id == CheckTimedOut);
        Assert.Equal(LogLevel.Information, timedOut.Level);
        Assert.Contains("00:00:05", timedOut.Message, StringComparison.Ordinal);
        Assert.False(_logs.Has(PendingWarning));
    }

    [Fact]
    public async Task The_store_health_check_is_unhealthy_naming_the_missing_migrations_until_MigrateAsync_then_healthy()
    {
        var connectionString = await EmptyDatabaseAsync("health");
        using var host = BuildHost(connectionString);
        var shipped = Migrations(host);
        var check = host.Services.GetRequiredService<StatusKitStoreHealthCheck>();

        var before = await check.CheckHealthAsync(Context(check));
        var errorsBefore = _logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        await MigrateAsync(host);
        var after = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        // Asking is no failed command of EF Core's (on PostgreSQL, a read of a history table that is not there yet).
        Assert.Empty(errorsBefore);
        Assert.Equal(
            $"{shipped.Count} StatusKit migrations are not applied (newest: {shipped[^1]}); apply them with Database.MigrateAsync()",
            before.Description);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Once_healthy_the_store_health_check_does_not_read_the_migrations_history_again()
    {
        var connectionString = await EmptyDatabaseAsync("health_cached");
        var commands = new CommandCounter();
        using var host = BuildHost(connectionString, interceptor: commands);
        await MigrateAsync(host);
        var check = host.Services.GetRequiredService<StatusKitStoreHealthCheck>();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(Context(check))).Status);
        commands.Reset();

        var again = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Healthy, again.Status);
        Assert.Equal(1, commands.Count);
        Assert.DoesNotContain(commands.Texts, t => t.Contains("__EFMigrationsHistory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_context_that_owns_its_migrations_gets_no_warning_and_a_healthy_check_while_its_own_migration_is_pending()
    {
        // Its migrations are not StatusKit's: one of its own is pending here (the tables were created from the model), which
        // is the host's business, and the host names StatusKit's migrations differently anyway.
        var connectionString = await EmptyDatabaseAsync("own_context");
        var options = Use(new DbContextOptionsBuilder<OwnMigrationsDbContext>(), connectionString).Options;
        await using (var db = new OwnMigrationsDbContext((DbContextOptions<OwnMigrationsDbContext>)options))
        {
            await db.Database.EnsureCreatedAsync();
            Assert.Equal([OwnMigration.Id], await db.Database.GetPendingMigrationsAsync());
        }

        var builder = HostBuilder();
        builder.Services.AddDbContextFactory<OwnMigrationsDbContext>(o => Use(o, connectionString));
        builder.Services.AddStatusPages().UseEntityFrameworkCoreStore<OwnMigrationsDbContext>();
        using var host = builder.Build();
        var check = host.Services.GetRequiredService<StatusKitStoreHealthCheck>();

        await host.StartAsync();
        await host.StopAsync();
        var health = await check.CheckHealthAsync(Context(check));

        Assert.False(_logs.Has(PendingWarning));
        Assert.Equal(LogLevel.Debug, Assert.Single(_logs.Entries, e => e.EventId.Id == NotChecked).Level);
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task A_host_that_replaces_the_store_after_registering_it_is_not_checked()
    {
        var builder = HostBuilder();
        var connectionString = await EmptyDatabaseAsync("replaced");
        builder.Services.AddDbContextFactory<TContext>(o => Use(o, connectionString));
        builder.Services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).UseEntityFrameworkCoreStore<TContext>().UseInMemoryStore();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id is >= PendingWarning and <= NotChecked);
    }

    private IHost BuildHost(string connectionString, TimeProvider? time = null, IInterceptor? interceptor = null)
    {
        var builder = HostBuilder();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddDbContextFactory<TContext>(o =>
        {
            Use(o, connectionString);
            if (interceptor is not null)
            {
                o.AddInterceptors(interceptor);
            }
        });
        builder.Services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).UseEntityFrameworkCoreStore<TContext>();
        return builder.Build();
    }

    private HostApplicationBuilder HostBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs);
        return builder;
    }

    private static IDbContextFactory<TContext> Factory(IHost host) => host.Services.GetRequiredService<IDbContextFactory<TContext>>();

    private static List<string> Migrations(IHost host)
    {
        using var db = Factory(host).CreateDbContext();
        return [.. db.Database.GetMigrations()];
    }

    private static async Task MigrateAsync(IHost host)
    {
        await using var db = await Factory(host).CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration(StatusKitHealthChecks.StoreName, check, HealthStatus.Unhealthy, null) };

    /// <summary>A database that takes every command and never answers, until the command is cancelled.</summary>
    private sealed class SilentCommands : DbCommandInterceptor
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Silent { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await HangAsync(cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await HangAsync(cancellationToken);
            return result;
        }

        private async Task HangAsync(CancellationToken cancellationToken)
        {
            if (!Silent)
            {
                return;
            }

            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}

/// <summary>A host's own context with StatusKit's tables and a migration set of its own.</summary>
public sealed class OwnMigrationsDbContext(DbContextOptions<OwnMigrationsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyStatusKitModel();
}

/// <summary>The host's own migration (what its tooling would write for StatusKit's tables).</summary>
[DbContext(typeof(OwnMigrationsDbContext))]
[Migration(Id)]
public sealed class OwnMigration : Migration
{
    public const string Id = "20260301000000_HostAddsStatusPages";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }
}

public sealed class SqlitePendingMigrationsTests : PendingMigrationsTests<StatusKitSqliteDbContext>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "statuskit-pending-" + Guid.NewGuid().ToString("N"));

    public SqlitePendingMigrationsTests() => Directory.CreateDirectory(_folder);

    protected override Task<string> EmptyDatabaseAsync(string name) =>
        Task.FromResult($"Data Source={Path.Combine(_folder, name + ".db")};Pooling=False");

    protected override async Task<string> UnreadableDatabaseAsync()
    {
        var path = Path.Combine(_folder, "not-a-database.db");
        await File.WriteAllTextAsync(path, "This file is not a SQLite database, though it is long enough to have a header of one.");
        return $"Data Source={path};Pooling=False";
    }

    protected override string MissingDatabase(string name) => $"Data Source={Path.Combine(_folder, name + ".db")};Pooling=False";

    protected override DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPendingMigrationsTests(PostgreSqlCluster cluster) : PendingMigrationsTests<StatusKitPostgreSqlDbContext>
{
    protected override Task<string> EmptyDatabaseAsync(string name) => cluster.CreateDatabaseAsync(name);

    // A port nothing listens on: the connection is refused.
    protected override Task<string> UnreadableDatabaseAsync() =>
        Task.FromResult($"Host=127.0.0.1;Port={FreePort()};Database=absent;Username=postgres;Timeout=5;Pooling=false");

    protected override string MissingDatabase(string name) => cluster.MissingDatabase(name);

    protected override DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) => options.UseNpgsql(connectionString);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
