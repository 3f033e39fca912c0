namespace StatusKit.EntityFrameworkCore.Schema;

/// <summary>The Entity Framework Core store, whatever its context type, as the start-up check of its migrations sees it.</summary>
internal interface IMigratedStore
{
    /// <summary>The migrations its database lacks (the same instance the store health check asks).</summary>
    PendingMigrations Migrations { get; }
}
