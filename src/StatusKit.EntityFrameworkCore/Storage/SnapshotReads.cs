using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The read transaction under which the statements of one multi-result command see one state of the database. Without
/// it each statement reads its own: SQLite runs each statement of a command in its own autocommit transaction, and
/// PostgreSQL's default READ COMMITTED takes a snapshot per statement, so a row committed between two statements (an
/// incident added between the read of the incidents and the read of their updates) arrives half.
/// </summary>
/// <remarks>
/// <para>
/// SQLite: a deferred <c>BEGIN</c>. It takes no lock until the first statement reads, then holds that statement's
/// snapshot until the commit; in WAL mode writers go on meanwhile. (EF's <c>BeginTransaction</c> would be
/// <c>BEGIN IMMEDIATE</c>, which takes the database's write lock and makes every snapshot read queue behind writers.)
/// PostgreSQL: <c>REPEATABLE READ</c>, one snapshot for the whole transaction, made read only by
/// <see cref="StoreDialect.ReadOnlyTransaction"/> at the head of the command.
/// </para>
/// <para>
/// What it costs: no database command of EF's (the provider begins and commits the transaction itself, so a
/// <c>DbCommandInterceptor</c> sees the same single command). SQLite: a BEGIN and a COMMIT run in process, a few
/// microseconds. PostgreSQL: Npgsql sends the BEGIN together with the command, in the same round trip; the COMMIT is
/// one more round trip.
/// </para>
/// </remarks>
internal static class SnapshotReads
{
    /// <summary>Opens the context's connection and begins the read transaction, which the context's commands then use.</summary>
    public static async Task<DbTransaction> BeginAsync(DatabaseFacade database, StoreDialect dialect, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        var connection = database.GetDbConnection();
        var transaction = dialect.IsPostgreSql
            ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : BeginDeferred(connection);
        await database.UseTransactionAsync(transaction, cancellationToken);
        return transaction;
    }

    /// <summary>
    /// <c>SqliteConnection.BeginTransaction(deferred: true)</c>, found by reflection so that the store references no
    /// provider package (<c>BeginTransaction(IsolationLevel.ReadUncommitted)</c> is deferred too, but reads uncommitted
    /// rows on a shared-cache connection).
    /// </summary>
    private static DbTransaction BeginDeferred(DbConnection connection)
    {
        // Looked up on every call (about a microsecond next to a read of milliseconds) rather than kept in a static.
        var method = connection.GetType().GetMethod(nameof(DbConnection.BeginTransaction), BindingFlags.Public | BindingFlags.Instance, [typeof(bool)])
                     ?? throw new NotSupportedException(
                         $"The SQLite connection {connection.GetType().FullName} has no BeginTransaction(bool deferred); use Microsoft.Data.Sqlite 5.0 or later.");
        return (DbTransaction)method.Invoke(connection, [true])!;
    }
}
