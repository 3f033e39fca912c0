using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="Interleave"/> once, just before the first command whose text starts with <see cref="Prefix"/> (or,
/// when set, satisfies <see cref="Matching"/>): a deterministic way to let another writer commit between a store call's
/// read and its write, or to hold a store call inside its transaction while another one runs.
/// </summary>
public sealed class InterleavingCommandInterceptor : DbCommandInterceptor
{
    private int _ran;

    public string Prefix { get; set; } = "UPDATE";

    /// <summary>When set, picks the command to interleave before by its text, in place of <see cref="Prefix"/>.</summary>
    public Func<string, bool>? Matching { get; set; }

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
        var text = command.CommandText.TrimStart();
        var matches = Matching?.Invoke(text) ?? text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
        if (matches && Interlocked.Exchange(ref _ran, 1) == 0)
        {
            await Interleave();
        }
    }
}
