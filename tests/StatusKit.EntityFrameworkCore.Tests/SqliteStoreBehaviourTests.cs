using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

public sealed class SqliteStoreBehaviourTests(ITestOutputHelper output) : StoreBehaviourTests(output)
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
