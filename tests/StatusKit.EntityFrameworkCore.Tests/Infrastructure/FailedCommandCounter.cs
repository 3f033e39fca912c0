using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Counts the database commands that failed: each is one EF Core logs at the Error level.</summary>
public sealed class FailedCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        Interlocked.Increment(ref _count);
        base.CommandFailed(command, eventData);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.CommandFailedAsync(command, eventData, cancellationToken);
    }
}
