using Microsoft.Extensions.Logging;

namespace StatusKit.EntityFrameworkCore;

/// <summary>The Entity Framework Core store's log events, with fixed ids (3000-3099; 3000-3009: its migrations).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Warning,
        "The database of {Context} lacks {Count} of StatusKit's migrations (newest: {Newest}), so StatusKit's reads and writes fail on missing " +
        "tables or columns until they are applied. Apply them before the app serves: after Build() and before Run(), create a context " +
        "from IDbContextFactory and call await db.Database.MigrateAsync()")]
    public static partial void PendingMigrations(ILogger logger, string context, int count, string newest);

    [LoggerMessage(3001, LogLevel.Information,
        "Could not check whether the database of {Context} has StatusKit's migrations applied; starting without the check (the store health check reports a database it cannot read)")]
    public static partial void MigrationsCheckFailed(ILogger logger, string context, Exception exception);

    [LoggerMessage(3002, LogLevel.Information,
        "The database of {Context} did not say within {Timeout} whether it has StatusKit's migrations applied; starting without the check (the store health check asks again)")]
    public static partial void MigrationsCheckTimedOut(ILogger logger, string context, TimeSpan timeout);

    [LoggerMessage(3003, LogLevel.Debug, "The database of {Context} has all of StatusKit's migrations applied")]
    public static partial void MigrationsApplied(ILogger logger, string context);

    [LoggerMessage(3004, LogLevel.Debug, "{Context} is the host's own context, which owns its migrations: StatusKit does not check whether they are applied")]
    public static partial void MigrationsNotChecked(ILogger logger, string context);
}
