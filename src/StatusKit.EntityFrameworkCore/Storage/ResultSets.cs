using System.Data.Common;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The result sets of one multi-statement command, read in order as entity rows with <see cref="RowReader"/> (each
/// statement built by <see cref="RowReader.Select{T}"/> with the same dialect).
/// </summary>
internal sealed class ResultSets(DbDataReader reader, StoreSchema schema, StoreDialect dialect, CancellationToken cancellationToken)
{
    private bool _started;

    /// <summary>The rows of the next result set (the first one on the first call).</summary>
    public async Task<List<T>> NextAsync<T>()
        where T : new()
    {
        if (_started)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        _started = true;
        return await RowReader.ReadAllAsync<T>(reader, schema.EntityType<T>(), dialect, cancellationToken);
    }
}
