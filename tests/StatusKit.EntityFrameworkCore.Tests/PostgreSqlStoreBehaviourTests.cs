using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreBehaviourTests(PostgreSqlCluster cluster, ITestOutputHelper output) : StoreBehaviourTests(output)
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() =>
        await PostgreSqlTestDatabase.CreateAsync(cluster, nameof(PostgreSqlStoreBehaviourTests));
}
