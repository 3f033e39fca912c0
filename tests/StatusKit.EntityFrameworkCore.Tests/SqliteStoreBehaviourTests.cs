using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Model;
using StatusKit.Notifications;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

public sealed class SqliteStoreBehaviourTests(ITestOutputHelper output) : StoreBehaviourTests(output)
{
    protected override bool TextKeepsNul => true;

    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();

    /// <remarks>A file next to the test database's, so it goes with that database's folder.</remarks>
    protected override Task<DbContextOptions<TContext>> EmptyDatabaseAsync<TContext>(string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(((SqliteTestDatabase)Database).Path)!, name + ".db");
        return Task.FromResult(new DbContextOptionsBuilder<TContext>().UseSqlite($"Data Source={path}").Options);
    }

    [Fact]
    public async Task A_subscribers_newest_rows_are_read_through_the_subscriber_and_creation_index()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListNotificationsAsync(new NotificationQuery { SubscriberId = Guid.NewGuid(), Take = 10 }, CancellationToken.None);

        var plan = await PlanAsync(Assert.Single(counter.Texts));
        Assert.Contains(plan, step => step.Contains("IX_statuskit_notifications_subscriber_id_created_at", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(NotificationState.DeadLettered)]
    public async Task A_pages_newest_rows_are_read_through_the_page_and_creation_index_with_a_limit(NotificationState? state)
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListNotificationsAsync(new NotificationQuery { PageId = Guid.NewGuid(), State = state, Take = 50 }, CancellationToken.None);

        // The delivery log of a page: filtered and limited in the database, never the page's whole outbox.
        var statement = Assert.Single(counter.Texts);
        var plan = await PlanAsync(statement);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);
        Assert.True(
            plan.Any(step => step.StartsWith("SEARCH ", StringComparison.Ordinal)
                             && step.Contains("USING INDEX IX_statuskit_notifications_page_id_created_at_id (page_id=?)", StringComparison.Ordinal))
            && !plan.Any(step => step.StartsWith("SCAN ", StringComparison.Ordinal)),
            statement + "\n" + string.Join("\n", plan));
    }

    [Fact]
    public async Task A_pages_latest_incident_change_is_read_through_the_page_and_update_time_index()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.LoadPageContentAsync(Guid.NewGuid(), 100, CancellationToken.None);

        var latestIncident = Assert.Single(counter.Texts).Split(";\n")[^2];
        var plan = await PlanAsync(latestIncident);
        Assert.Contains(plan, step => step.Contains("IX_statuskit_status_incidents_page_id_updated_at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pages_open_windows_and_its_latest_window_change_are_read_through_the_pages_windows_only()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.LoadPageContentAsync(Guid.NewGuid(), 100, CancellationToken.None);

        var statements = Assert.Single(counter.Texts).Split(";\n");
        var open = await PlanAsync(statements[^3]);
        Assert.Contains(open, step => step.Contains("IX_statuskit_maintenance_windows_page_id_state_start_id (page_id=? AND state=?)", StringComparison.Ordinal));
        var latest = await PlanAsync(statements[^1]);
        Assert.Contains(latest, step => step.Contains("USING INDEX IX_statuskit_maintenance_windows_page_id", StringComparison.Ordinal) && step.Contains("(page_id=?", StringComparison.Ordinal));
        Assert.DoesNotContain(latest, step => step.StartsWith("SCAN x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pages_latest_completed_windows_are_read_in_order_from_the_page_state_and_start_index_with_a_limit()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListCompletedMaintenanceWindowsAsync(Guid.NewGuid(), 20, 21, CancellationToken.None);

        var statement = Assert.Single(counter.Texts);
        var plan = await PlanAsync(statement);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);

        // The index gives the order too: no sort, not even of equal starts, so the read stops after the rows it returns.
        Assert.True(
            plan is ["SEARCH s USING INDEX IX_statuskit_maintenance_windows_page_id_state_start_id (page_id=? AND state=?)"],
            statement + "\n" + string.Join("\n", plan));
    }

    [Theory]
    [InlineData(null, "IX_statuskit_maintenance_windows_page_start_id (page_id=?)")]
    [InlineData(MaintenanceState.Cancelled, "IX_statuskit_maintenance_windows_page_id_state_start_id (page_id=? AND state=?)")]
    public async Task A_page_of_a_pages_windows_is_read_in_order_from_an_index_with_a_limit(MaintenanceState? state, string index)
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListMaintenanceWindowsAsync(Guid.NewGuid(), new MaintenanceWindowQuery { State = state, Skip = 20, Take = 21 }, CancellationToken.None);

        var statement = Assert.Single(counter.Texts);
        var plan = await PlanAsync(statement);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);

        // The index gives the order too: no sort, not even of equal starts, so the read stops after the rows it returns.
        Assert.True(plan is [var search] && search.StartsWith("SEARCH ", StringComparison.Ordinal) && search.EndsWith("USING INDEX " + index, StringComparison.Ordinal),
            statement + "\n" + string.Join("\n", plan));
    }

    [Fact]
    public async Task A_pages_open_windows_are_read_through_the_page_state_and_start_index()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListOpenMaintenanceWindowsAsync(Guid.NewGuid(), CancellationToken.None);

        var plan = await PlanAsync(Assert.Single(counter.Texts));
        Assert.True(
            plan.All(step => step.Contains("IX_statuskit_maintenance_windows_page_id_state_start_id (page_id=? AND state=?)", StringComparison.Ordinal)),
            string.Join("\n", plan));
    }

    [Fact]
    public async Task A_page_of_a_pages_subscribers_is_read_in_order_from_the_page_and_creation_index_with_a_limit()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.ListSubscribersAsync(Guid.NewGuid(), 20, 21, CancellationToken.None);

        var statement = Assert.Single(counter.Texts);
        var plan = await PlanAsync(statement);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);
        Assert.True(
            plan is [var search] && search.StartsWith("SEARCH ", StringComparison.Ordinal)
                && search.EndsWith("USING INDEX IX_statuskit_subscribers_page_id_created_at_id (page_id=?)", StringComparison.Ordinal),
            statement + "\n" + string.Join("\n", plan));
    }

    [Fact]
    public async Task DeleteUnverifiedSubscribers_SearchesTheUnverifiedIndex_InsteadOfScanningSubscribers()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);

        await store.DeleteUnverifiedSubscribersAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);

        var plan = await PlanAsync(Assert.Single(counter.Texts));

        // Both ranges (issued before the cut-off; no issue time and created before it) are index searches: no scan.
        var reads = plan.Where(step => step.StartsWith("SCAN", StringComparison.Ordinal) || step.StartsWith("SEARCH", StringComparison.Ordinal)).ToList();
        Assert.True(
            reads.Count == 2 && reads.All(step => step.StartsWith("SEARCH s USING INDEX IX_statuskit_subscribers_verify_token_issued_at_created_at", StringComparison.Ordinal)),
            string.Join("\n", plan));
    }

    [Fact]
    public async Task A_claim_reads_the_pending_rows_in_its_order_through_the_state_due_and_id_index_without_sorting_them()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);

        await store.ClaimNotificationsAsync("owner", now, now.AddMinutes(1), 20, CancellationToken.None);

        // A fan-out leaves tens of thousands of rows pending: a claim of 20 must not sort them all first.
        var statement = Assert.Single(counter.Texts, text => text.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = await PlanAsync(statement);
        Assert.True(
            plan.Any(step => step.Contains("USING INDEX IX_statuskit_notifications_state_due_at_id (state=?", StringComparison.Ordinal))
            && !plan.Any(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)),
            statement + "\n" + string.Join("\n", plan));
    }

    private async Task<List<string>> PlanAsync(string statement)
    {
        await using var connection = new SqliteConnection(((SqliteTestDatabase)Database).ConnectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
