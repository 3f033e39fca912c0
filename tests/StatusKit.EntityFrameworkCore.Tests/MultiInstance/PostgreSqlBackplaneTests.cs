using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using StatusKit.Engine;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Model;
using StatusKit.PostgreSql;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.EntityFrameworkCore.Tests.MultiInstance;

/// <summary>
/// The PostgreSQL LISTEN/NOTIFY backplane between complete hosts sharing one database (DESIGN.md, "Multi-instance"):
/// what one host commits reaches the other's change feed and page snapshot at once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlBackplaneTests(PostgreSqlCluster cluster)
{
    [Fact]
    public async Task A_status_change_on_one_host_reaches_the_other_hosts_feed_and_snapshot()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, "backplane_feed");
        await using var a = new BackplaneHost(database.ConnectionString);
        await using var b = new BackplaneHost(database.ConnectionString);
        var page = await a.Get<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Backplane" });
        var api = await a.Get<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "team-a" });
        Assert.Equal(StatusIndicator.None, (await b.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await a.StartRelayAsync(cts.Token);
        await b.StartRelayAsync(cts.Token);
        await WaitForListenersAsync(database.ConnectionString, 2, cts.Token);

        await a.Get<IIncidentIntake>().ReportIncidentAsync(
            new IncidentSignal
            {
                IncidentId = "INC-1", TeamId = "team-a", Priority = "Critical", State = PlatformIncidentState.Triggered, Version = 1,
                OccurredAt = DateTimeOffset.UtcNow,
            },
            cts.Token);
        await a.Get<IStatusEngine>().WhenIdleAsync(cts.Token);

        Assert.True(await first);
        var component = feed.Current;
        Assert.True(await feed.MoveNextAsync());
        var pageEvent = feed.Current;
        await feed.DisposeAsync();
        Assert.Equal((StatusChangeKind.Component, api.Id, ComponentStatus.MajorOutage, "API"), (component.Kind, component.ComponentId!.Value, component.NewStatus, component.ComponentName));
        Assert.Equal((StatusChangeKind.Page, ComponentStatus.MajorOutage), (pageEvent.Kind, pageEvent.NewStatus));
        Assert.Equal(StatusIndicator.Critical, (await b.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
    }

    [Fact]
    public async Task A_host_skips_its_own_notifications_and_a_change_too_large_for_one_arrives_whole_and_in_order()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, "backplane_split");
        await using var a = new BackplaneHost(database.ConnectionString);
        await using var b = new BackplaneHost(database.ConnectionString);
        var sender = a.Get<PostgreSqlStatusChangeBackplane>();
        var receiver = b.Get<PostgreSqlStatusChangeBackplane>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var atA = sender.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var atB = receiver.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await atA.MoveNextAsync() && atA.Current.IsResync);
        Assert.True(await atB.MoveNextAsync() && atB.Current.IsResync);
        var firstAtA = atA.MoveNextAsync();
        var firstAtB = atB.MoveNextAsync();
        var pageId = Guid.NewGuid();
        StatusChanged[] events =
        [
            .. Enumerable.Range(0, 300).Select(i => new StatusChanged
            {
                Kind = StatusChangeKind.Component, PageId = pageId, ComponentId = Guid.NewGuid(), ComponentName = $"Component {i:D3} \"quoted\" ✓",
                OldStatus = ComponentStatus.Operational, NewStatus = ComponentStatus.PartialOutage, Cause = "incident INC-7", At = DateTimeOffset.UnixEpoch.AddSeconds(i),
            }),

            // The page's incidents changed too: the newest kind of event crosses the backplane as it was sent.
            new StatusChanged { Kind = StatusChangeKind.Content, PageId = pageId, Cause = "status incident 'Slow logins' (Investigating)", At = DateTimeOffset.UnixEpoch },
        ];

        await sender.PublishAsync(new PageChange { PageId = pageId, Changes = events }, cts.Token);
        await receiver.PublishAsync(new PageChange { PageId = Guid.Empty }, cts.Token);

        var received = new List<StatusChanged>();
        Assert.True(await firstAtB);
        var parts = 1;
        received.AddRange(atB.Current.Changes);
        while (received.Count < events.Length)
        {
            Assert.True(await atB.MoveNextAsync());
            Assert.Equal(pageId, atB.Current.PageId);
            received.AddRange(atB.Current.Changes);
            parts++;
        }

        Assert.True(parts > 1);
        Assert.Equal(events, received);
        Assert.True(await firstAtA);
        Assert.Equal(Guid.Empty, atA.Current.PageId);
        await atA.DisposeAsync();
        await atB.DisposeAsync();
    }

    [Fact]
    public async Task A_lost_listening_connection_is_logged_and_the_host_listens_again()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, "backplane_reconnect");
        var logs = new ListLoggerProvider();
        await using var a = new BackplaneHost(database.ConnectionString);
        await using var b = new BackplaneHost(database.ConnectionString, logs);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await b.StartRelayAsync(cts.Token);
        await WaitForListenersAsync(database.ConnectionString, 1, cts.Token);
        var page = await a.Get<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Reconnect" });
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();

        await using (var admin = new NpgsqlConnection(database.ConnectionString))
        {
            await admin.OpenAsync(cts.Token);
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync(cts.Token));
        }

        while (!logs.Has(1011))
        {
            await Task.Delay(20, cts.Token);
        }

        await WaitForListenersAsync(database.ConnectionString, 1, cts.Token);
        await a.Get<PostgreSqlStatusChangeBackplane>().PublishAsync(
            new PageChange { PageId = page.Id, Changes = [new StatusChanged { Kind = StatusChangeKind.Page, PageId = page.Id, NewStatus = ComponentStatus.DegradedPerformance }] },
            cts.Token);

        Assert.True(await first);
        Assert.Equal(ComponentStatus.DegradedPerformance, feed.Current.NewStatus);
        await feed.DisposeAsync();
    }

    [Fact]
    public async Task A_host_that_could_not_listen_for_a_while_rebuilds_its_snapshots_when_it_listens_again_and_tells_its_feed_what_it_missed()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, "backplane_gap");
        // Host B listens as a role of its own, so the test can cut B off (and only B) while host A commits a change.
        var role = "host_b_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(database.ConnectionString, $"CREATE ROLE {role} LOGIN");
        var listenAsB = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString;
        var logs = new ListLoggerProvider();
        await using var a = new BackplaneHost(database.ConnectionString);
        await using var b = new BackplaneHost(database.ConnectionString, logs, listenAsB);
        var page = await a.Get<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Gap" });
        var api = await a.Get<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "team-a" });
        Assert.Equal(StatusIndicator.None, (await b.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.StartRelayAsync(cts.Token);
        await b.StartRelayAsync(cts.Token);
        await WaitForListenersAsync(database.ConnectionString, 2, cts.Token);
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();

        await ExecuteAsync(database.ConnectionString, $"ALTER ROLE {role} NOLOGIN");
        await ExecuteAsync(database.ConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
        while (!logs.Has(1011))
        {
            await Task.Delay(20, cts.Token);
        }

        await a.Get<IIncidentIntake>().ReportIncidentAsync(
            new IncidentSignal
            {
                IncidentId = "INC-1", TeamId = "team-a", Priority = "Critical", State = PlatformIncidentState.Triggered, Version = 1,
                OccurredAt = DateTimeOffset.UtcNow,
            },
            cts.Token);
        await a.Get<IStatusEngine>().WhenIdleAsync(cts.Token);
        Assert.Equal(StatusIndicator.None, (await b.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        await ExecuteAsync(database.ConnectionString, $"ALTER ROLE {role} LOGIN");

        Assert.True(await first.AsTask().WaitAsync(TimeSpan.FromSeconds(15), cts.Token));
        var component = feed.Current;
        Assert.True(await feed.MoveNextAsync());
        var pageEvent = feed.Current;
        await feed.DisposeAsync();
        Assert.Equal((StatusChangeKind.Component, api.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage), (component.Kind, component.ComponentId!.Value, component.OldStatus, component.NewStatus));
        Assert.Equal((StatusChangeKind.Page, ComponentStatus.MajorOutage), (pageEvent.Kind, pageEvent.NewStatus));
        Assert.Equal(StatusIndicator.Critical, (await b.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        Assert.True(logs.Has(1430));
    }

    [Theory]
    [InlineData("Host=db;Database=status", PostgreSqlStatusChangeBackplane.DefaultKeepaliveSeconds)]
    [InlineData("Host=db;Database=status;Keepalive=5", 5)]
    public void Connections_make_keepalive_round_trips_so_a_silently_dropped_listener_fails_unless_the_string_sets_its_own(
        string connectionString, int expectedSeconds)
    {
        var used = new NpgsqlConnectionStringBuilder(PostgreSqlStatusChangeBackplane.WithKeepalive(connectionString));

        Assert.Equal(expectedSeconds, used.KeepAlive);
        Assert.Equal("db", used.Host);
    }

    [Fact]
    public async Task A_channel_the_validator_accepts_carries_changes_even_when_it_is_a_reserved_word()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, "backplane_channel");
        var options = new PostgreSqlBackplaneOptions { ConnectionString = database.ConnectionString, Channel = "user" };
        Assert.True(new PostgreSqlBackplaneOptionsValidator().Validate(null, options).Succeeded);
        await using var sender = new PostgreSqlStatusChangeBackplane(Options.Create(options), NullLogger<PostgreSqlStatusChangeBackplane>.Instance);
        await using var receiver = new PostgreSqlStatusChangeBackplane(Options.Create(options), NullLogger<PostgreSqlStatusChangeBackplane>.Instance);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var feed = receiver.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await feed.MoveNextAsync() && feed.Current.IsResync); // throws the error LISTEN failed with, if any
        var pageId = Guid.NewGuid();

        await sender.PublishAsync(new PageChange { PageId = pageId }, cts.Token);

        Assert.True(await feed.MoveNextAsync());
        Assert.Equal(pageId, feed.Current.PageId);
    }

    [Fact]
    public void Options_without_a_connection_string_or_with_a_bad_channel_fail_at_start_up_naming_both()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStatusPages().UsePostgreSqlBackplane(o => o.Channel = "Status-Changes");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlBackplaneOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("ConnectionString:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Channel:", StringComparison.Ordinal) && f.Contains("Status-Changes", StringComparison.Ordinal));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until <paramref name="count"/> sessions of the test's database are listening.</summary>
    private static async Task WaitForListenersAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND state = 'idle'", connection);
        while (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) < count)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>
    /// A generic host with StatusKit over the shared database and the PostgreSQL backplane (connected with its own
    /// connection string when given one); its hosted services (the backplane's relay among them) run once
    /// <see cref="StartRelayAsync"/> starts the host.
    /// </summary>
    private sealed class BackplaneHost : IAsyncDisposable
    {
        private readonly IHost _host;
        private bool _started;

        public BackplaneHost(string connectionString, ILoggerProvider? logs = null, string? listenConnectionString = null)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }

            builder.Services.AddDbContextFactory<StatusKitPostgreSqlDbContext>(o => o.UseNpgsql(connectionString));
            builder.Services.AddStatusPages(o =>
                {
                    o.WarmSnapshotsOnStart = false;
                    o.BackplaneRetryDelay = TimeSpan.FromMilliseconds(100);
                })
                .UseEntityFrameworkCoreStore<StatusKitPostgreSqlDbContext>()
                .UsePostgreSqlBackplane(o => o.ConnectionString = listenConnectionString ?? connectionString);
            _host = builder.Build();
        }

        public T Get<T>()
            where T : notnull => _host.Services.GetRequiredService<T>();

        public async Task StartRelayAsync(CancellationToken cancellationToken)
        {
            await _host.StartAsync(cancellationToken);
            _started = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_started)
            {
                await _host.StopAsync(CancellationToken.None);
            }

            _host.Dispose();
        }
    }
}
