using System.Data.Common;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>Recognises the providers' constraint errors without referencing the provider packages.</summary>
internal static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>The provider error under <paramref name="exception"/> when it is a unique-index violation.</summary>
    public static DbException? FindUniqueViolation(Exception exception)
    {
        var error = FindDbException(exception);
        if (error is null)
        {
            return null;
        }

        var unique = error.SqlState == "23505"
                     || (IsSqliteConstraint(error) && error.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
        return unique ? error : null;
    }

    /// <summary>Whether <paramref name="exception"/> is a foreign-key violation (a missing parent row).</summary>
    public static bool IsForeignKeyViolation(Exception exception)
    {
        var error = FindDbException(exception);
        return error is not null
               && (error.SqlState == "23503"
                   || (IsSqliteConstraint(error) && error.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is PostgreSQL's deadlock error (40P01): the server aborted this transaction
    /// to let another one through, and the whole transaction can be run again.
    /// </summary>
    public static bool IsDeadlock(Exception exception) => FindDbException(exception)?.SqlState == "40P01";

    /// <summary>SQLite reports constraint errors as "SQLite Error 19: '…'" (SQLITE_CONSTRAINT).</summary>
    private static bool IsSqliteConstraint(DbException error) =>
        error.Message.StartsWith($"SQLite Error {SqliteConstraint}:", StringComparison.Ordinal);

    private static DbException? FindDbException(Exception? exception)
    {
        while (exception is not null)
        {
            if (exception is DbException db)
            {
                return db;
            }

            exception = exception.InnerException;
        }

        return null;
    }
}
