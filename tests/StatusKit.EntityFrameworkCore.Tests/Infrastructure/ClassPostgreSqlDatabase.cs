namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The one database of a PostgreSQL test class on the run's shared <see cref="PostgreSqlCluster"/>, created by the first
/// test that asks for it (xUnit makes one instance of the class per test, so a test class keeps this in a static field).
/// </summary>
public sealed class ClassPostgreSqlDatabase(string name)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgreSqlTestDatabase? _database;

    /// <summary>The class's database, created and migrated on <paramref name="cluster"/> at the first call.</summary>
    public async Task<PostgreSqlTestDatabase> GetAsync(PostgreSqlCluster cluster)
    {
        await _gate.WaitAsync();
        try
        {
            return _database ??= await PostgreSqlTestDatabase.CreateAsync(cluster, name);
        }
        finally
        {
            _gate.Release();
        }
    }
}
