using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
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
}
