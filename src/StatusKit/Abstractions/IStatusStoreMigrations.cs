namespace StatusKit.Abstractions;

/// <summary>
/// Implemented by an <see cref="IStatusStore"/> whose database gets its schema from migrations the host applies (the
/// Entity Framework Core store over StatusKit's own contexts): it tells which of them the database lacks.
/// <see cref="Health.StatusKitStoreHealthCheck"/> asks the registered store for it and reports the store unhealthy,
/// naming them, while some are missing; a store that does not implement it is only asked for a read.
/// </summary>
public interface IStatusStoreMigrations
{
    /// <summary>
    /// The ids of the store's migrations its database has not applied, oldest first; empty when it has all of them.
    /// Once it answered empty it may answer empty again without asking the database (migrations are never un-applied by
    /// a running host). Throws the database's exception when the database cannot be read.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The missing migrations' ids, oldest first.</returns>
    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken);
}
