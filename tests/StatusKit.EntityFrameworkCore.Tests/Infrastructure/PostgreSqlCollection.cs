namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Every PostgreSQL test class shares one cluster (and gets its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL";
}
