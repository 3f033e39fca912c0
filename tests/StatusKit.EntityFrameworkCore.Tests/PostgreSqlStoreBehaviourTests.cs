using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
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

    /// <summary>EXPLAIN of <paramref name="statement"/> (not run), every parameter bound to the epoch as EF binds an instant.</summary>
    private static async Task<string> PlanAsync(string connectionString, string statement)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + statement, connection);
        foreach (var name in Parameter().Matches(statement).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal))
        {
            explain.Parameters.AddWithValue(name, DateTime.UnixEpoch);
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
