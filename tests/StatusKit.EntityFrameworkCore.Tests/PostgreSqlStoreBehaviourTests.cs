using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed partial class PostgreSqlStoreBehaviourTests(PostgreSqlCluster cluster, ITestOutputHelper output) : StoreBehaviourTests(output)
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgreSqlTestDatabase.CreateAsync(cluster, nameof(PostgreSqlStoreBehaviourTests));

    protected override async Task<DbContextOptions<TContext>> EmptyDatabaseAsync<TContext>(string name) =>
        new DbContextOptionsBuilder<TContext>().UseNpgsql(await cluster.CreateDatabaseAsync(name)).Options;

    [Fact]
    public async Task DeleteUnverifiedSubscribers_AmongManyConfirmedOnes_ReadsThroughTheUnverifiedIndex()
    {
        // Arrange: 20,000 subscribers, of which 50 never confirmed, and statistics that say so.
        var store = Database.CreateStore();
        var page = TestData.Page(TestData.Unique("cleanup"));
        await store.AddPageAsync(page, CancellationToken.None);
        var connectionString = ((PostgreSqlTestDatabase)Database).ConnectionString;
        await using (var seed = new NpgsqlConnection(connectionString))
        {
            await seed.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO statuskit_subscribers (id, page_id, channel, destination, destination_key, component_ids, notify_on,
                    is_verified, verify_token_hash, verify_token_issued_at, unsubscribe_token_hash, is_active, created_at, version)
                SELECT gen_random_uuid(), @page, 0, 'r' || g || '@example.com', 'R' || g || '@EXAMPLE.COM', '[]', 15,
                    g > 50, CASE WHEN g <= 50 THEN md5('v' || g) END, CASE WHEN g <= 50 THEN now() END, md5('u' || g), true, now(), 1
                FROM generate_series(1, 20000) AS g;
                ANALYZE statuskit_subscribers;
                """,
                seed);
            insert.Parameters.AddWithValue("page", page.Id);
            await insert.ExecuteNonQueryAsync();
        }

        var counter = new CommandCounter();
        await Database.CreateStore(counter).DeleteUnverifiedSubscribersAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);

        // Act
        var plan = await PlanAsync(connectionString, Assert.Single(counter.Texts));

        // Assert
        Assert.True(
            plan.Contains("IX_statuskit_subscribers_verify_token_issued_at_created_at", StringComparison.Ordinal)
            && !plan.Contains("Seq Scan", StringComparison.Ordinal),
            plan);
    }

    [Fact]
    public async Task A_pages_latest_completed_windows_among_many_windows_are_read_in_order_through_the_page_state_and_start_index()
    {
        // Arrange: 20,000 windows of two pages, mostly completed, 400 of them on the page read, and statistics that say so.
        const string seed =
            """
            INSERT INTO statuskit_maintenance_windows (id, page_id, title, starts_at, ends_at, time_zone_id, auto_update_status,
                notify_subscribers, state, occurrence_starts_at, occurrence_ends_at, component_ids, created_at, updated_at, version)
            SELECT gen_random_uuid(), CASE WHEN g % 50 = 0 THEN @page ELSE @other END, 'Window ' || g, now(), now(), 'UTC', true,
                false, CASE WHEN g % 10 = 0 THEN 3 WHEN g % 7 = 0 THEN 0 ELSE 2 END, now() - g * interval '1 hour',
                now() - g * interval '1 hour' + interval '30 minutes', '[]', now(), now(), 1
            FROM generate_series(1, 20000) AS g;
            ANALYZE statuskit_maintenance_windows;
            """;

        // Act
        var plan = await PlanOfPagedReadAsync("history", seed, (store, pageId) => store.ListCompletedMaintenanceWindowsAsync(pageId, 20, 21, CancellationToken.None));

        // Assert
        AssertReadInOrderThrough("IX_statuskit_maintenance_windows_page_id_state_start_id", plan);
    }

    [Fact]
    public async Task A_page_of_a_pages_windows_among_many_windows_is_read_in_order_through_the_page_start_and_id_index()
    {
        // Arrange: 20,000 windows of two pages in every state, 400 of them on the page read, and statistics that say so.
        const string seed =
            """
            INSERT INTO statuskit_maintenance_windows (id, page_id, title, starts_at, ends_at, time_zone_id, auto_update_status,
                notify_subscribers, state, occurrence_starts_at, occurrence_ends_at, component_ids, created_at, updated_at, version)
            SELECT gen_random_uuid(), CASE WHEN g % 50 = 0 THEN @page ELSE @other END, 'Window ' || g, now(), now(), 'UTC', true,
                false, g % 4, now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '30 minutes', '[]', now(), now(), 1
            FROM generate_series(1, 20000) AS g;
            ANALYZE statuskit_maintenance_windows;
            """;

        // Act
        var plan = await PlanOfPagedReadAsync("admin-list", seed, (store, pageId) => store.ListMaintenanceWindowsAsync(pageId, new MaintenanceWindowQuery { Skip = 20, Take = 21 }, CancellationToken.None));

        // Assert
        AssertReadInOrderThrough("IX_statuskit_maintenance_windows_page_start_id", plan);
    }

    [Fact]
    public async Task A_page_of_a_pages_subscribers_among_many_subscribers_is_read_in_order_through_the_page_creation_and_id_index()
    {
        // Arrange: 20,000 subscribers of two pages, 400 of them on the page read, and statistics that say so.
        const string seed =
            """
            INSERT INTO statuskit_subscribers (id, page_id, channel, destination, destination_key, component_ids, notify_on,
                is_verified, unsubscribe_token_hash, is_active, created_at, version)
            SELECT gen_random_uuid(), CASE WHEN g % 50 = 0 THEN @page ELSE @other END, 0, 'r' || g || '@example.com',
                'R' || g || '@EXAMPLE.COM', '[]', 15, true, md5('u' || g), true, now() - g * interval '1 minute', 1
            FROM generate_series(1, 20000) AS g;
            ANALYZE statuskit_subscribers;
            """;

        // Act
        var plan = await PlanOfPagedReadAsync("admin-list", seed, (store, pageId) => store.ListSubscribersAsync(pageId, 20, 21, CancellationToken.None));

        // Assert
        AssertReadInOrderThrough("IX_statuskit_subscribers_page_id_created_at_id", plan);
    }

    /// <remarks>
    /// PostgreSQL only: a SQLite store transaction takes the database's one write lock when it begins, so no touch can
    /// land inside an edit there.
    /// </remarks>
    [Fact]
    public async Task A_touch_from_another_host_between_a_page_edits_read_and_its_write_is_not_undone_by_the_edit()
    {
        var store = Database.CreateStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, CancellationToken.None);
        // Another host records a deletion on the page after this edit has read it (and checked its version), before it writes.
        var interleaving = new InterleavingCommandInterceptor
        {
            Interleave = () => store.TouchPageAsync(page.Id, TestData.At(30), CancellationToken.None),
        };

        var edited = await Database.CreateStore(interleaving).UpdatePageAsync(page with { Name = "Renamed", UpdatedAt = TestData.At(5) }, CancellationToken.None);

        var stored = (await store.GetPageAsync(page.Id, CancellationToken.None))!;
        Assert.Equal(("Renamed", TestData.At(30), 2L), (stored.Name, stored.UpdatedAt, stored.Version));
        Assert.Equal(stored, edited);
    }

    /// <remarks>
    /// PostgreSQL only: SQLite has a single writer, so its reorders cannot interleave at all. The first reorder is held
    /// inside its transaction after it has written its components' orders (so it holds their row locks, and with the
    /// page lock the page row's), the second one is started and runs until it waits on one of those locks, and only then
    /// does the first commit. Without a lock on the page row taken first, the second reorder's update of the orders has
    /// already chosen the rows it writes from the orders before the first committed, and leaves a mix of both.
    /// </remarks>
    [Fact]
    public async Task Two_reorders_without_an_expected_version_leave_one_of_the_two_requested_orders_never_a_mix()
    {
        // Arrange: x, y and z in that order; the first reorder asks for y, x, z and the second for z, y, x.
        var store = Database.CreateStore();
        var page = Samples.Page("reorder-race");
        await store.AddPageAsync(page, CancellationToken.None);
        var components = new[] { "x", "y", "z" }.Select((name, order) => Samples.Component(page.Id, name, order: order)).ToArray();
        foreach (var component in components)
        {
            await store.AddComponentAsync(component, CancellationToken.None);
        }

        var (x, y, z) = (components[0].Id, components[1].Id, components[2].Id);
        Guid[] first = [y, x, z];
        Guid[] second = [z, y, x];
        var firstHoldsItsLocks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new InterleavingCommandInterceptor
        {
            // The page's version moving by one: the statement after the orders are written, before the commit.
            Matching = text => text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                               && text.Contains("statuskit_pages", StringComparison.Ordinal)
                               && text.Contains('+', StringComparison.Ordinal),
            Interleave = async () =>
            {
                firstHoldsItsLocks.SetResult();
                await releaseFirst.Task;
            },
        };
        var firstReorder = Database.CreateStore(holding).ReorderComponentsAsync(page.Id, first, null, CancellationToken.None);
        await Task.WhenAny(firstHoldsItsLocks.Task, firstReorder);
        Assert.True(firstHoldsItsLocks.Task.IsCompleted, "The first reorder never reached the update of the page's version.");

        // Act
        var secondReorder = store.ReorderComponentsAsync(page.Id, second, null, CancellationToken.None);
        await UntilABackendWaitsOnALockAsync(((PostgreSqlTestDatabase)Database).ConnectionString, secondReorder);
        releaseFirst.SetResult();
        await Task.WhenAll(firstReorder, secondReorder);

        // Assert: each component's display order, x, y, z, against each request's.
        var stored = (await store.ListComponentsAsync(page.Id, CancellationToken.None)).ToDictionary(c => c.Id, c => c.DisplayOrder);
        string Orders(Func<Guid, int> orderOf) => string.Join(",", new[] { x, y, z }.Select(orderOf));
        Assert.Contains(
            Orders(id => stored[id]),
            new[] { Orders(id => Array.IndexOf(first, id)), Orders(id => Array.IndexOf(second, id)) });
    }

    /// <summary>
    /// Returns once a session of the test's database waits on a lock (or <paramref name="waiter"/> has ended, so that a
    /// call that never waits fails its assertions instead of hanging the test).
    /// </summary>
    private static async Task UntilABackendWaitsOnALockAsync(string connectionString, Task waiter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock')", connection);
        while (!waiter.IsCompleted && !(bool)(await waiting.ExecuteScalarAsync())!)
        {
        }
    }

    /// <summary>
    /// The plan PostgreSQL makes of the one command <paramref name="read"/> sends for a page: two pages are added (the
    /// one read, named with <paramref name="label"/>, and another), <paramref name="seed"/> fills the table with rows of
    /// both (its <c>@page</c> and <c>@other</c>) and analyses it, and the command is explained with the page's id and 20
    /// for its paging parameters.
    /// </summary>
    private async Task<string> PlanOfPagedReadAsync(string label, string seed, Func<IStatusStore, Guid, Task> read)
    {
        var store = Database.CreateStore();
        var page = TestData.Page(TestData.Unique(label));
        var other = TestData.Page(TestData.Unique("other"));
        await store.AddPageAsync(page, CancellationToken.None);
        await store.AddPageAsync(other, CancellationToken.None);
        var connectionString = ((PostgreSqlTestDatabase)Database).ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(seed, connection);
            insert.Parameters.AddWithValue("page", page.Id);
            insert.Parameters.AddWithValue("other", other.Id);
            await insert.ExecuteNonQueryAsync();
        }

        var counter = new CommandCounter();
        await read(Database.CreateStore(counter), page.Id);
        return await PlanAsync(connectionString, Assert.Single(counter.Texts), name => name.Contains("page", StringComparison.OrdinalIgnoreCase) ? page.Id : 20);
    }

    /// <summary>The plan reads its rows in the order asked through <paramref name="index"/> and stops at the limit: no sort, no table scan.</summary>
    private static void AssertReadInOrderThrough(string index, string plan) =>
        Assert.True(
            plan.Contains(index, StringComparison.Ordinal)
            && plan.Contains("Limit", StringComparison.Ordinal)
            && !plan.Contains("Sort", StringComparison.Ordinal)
            && !plan.Contains("Seq Scan", StringComparison.Ordinal),
            plan);

    /// <summary>
    /// EXPLAIN of <paramref name="statement"/> (not run), every parameter bound to <paramref name="value"/> of its name, or
    /// without it to the epoch as EF binds an instant.
    /// </summary>
    private static async Task<string> PlanAsync(string connectionString, string statement, Func<string, object>? value = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + statement, connection);
        foreach (var name in Parameter().Matches(statement).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            explain.Parameters.AddWithValue(name, value?.Invoke(name) ?? DateTime.UnixEpoch);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join("\n", plan);
    }

    [GeneratedRegex(@"@(?<name>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
