using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreBehaviourTests(PostgreSqlCluster cluster, ITestOutputHelper output) : StoreBehaviourTests(output)
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgreSqlTestDatabase.CreateAsync(cluster, nameof(PostgreSqlStoreBehaviourTests));

    protected override async Task<DbContextOptions<TContext>> EmptyDatabaseAsync<TContext>(string name) =>
        new DbContextOptionsBuilder<TContext>().UseNpgsql(await cluster.CreateDatabaseAsync(name)).Options;
}
