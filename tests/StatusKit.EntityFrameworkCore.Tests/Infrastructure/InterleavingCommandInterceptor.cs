using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="Interleave"/> once, just before the first command whose text starts with <see cref="Prefix"/>: a
/// deterministic way to let another writer commit between a store call's read and its write.
/// </summary>
public sealed class InterleavingCommandInterceptor : DbCommandInterceptor
{
    private int _ran;

    public string Prefix { get; set; } = "UPDATE";

    public Func<Task> Interleave { get; set; } = () => Task.CompletedTask;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await InterleaveOnceAsync(command);
        return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await InterleaveOnceAsync(command);
        return await base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private async Task InterleaveOnceAsync(DbCommand command)
    {
        if (command.CommandText.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _ran, 1) == 0)
        {
            await Interleave();
        }
    }
}
