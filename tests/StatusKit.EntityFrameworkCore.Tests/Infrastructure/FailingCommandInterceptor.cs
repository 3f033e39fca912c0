using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// Fails any command that inserts into the table <see cref="Marker"/> (quoted or not, as each provider writes it),
/// once armed.
/// </summary>
public sealed class FailingCommandInterceptor : DbCommandInterceptor
{
    public string Marker { get; set; } = "";

    public bool Armed { get; set; }

    public int Failures { get; private set; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Armed && (command.CommandText.Contains($"INSERT INTO \"{Marker}\"", StringComparison.Ordinal)
                      || command.CommandText.Contains($"INSERT INTO {Marker} ", StringComparison.Ordinal)))
        {
            Failures++;
            throw new InvalidOperationException("Simulated failure between two steps of a commit.");
        }

        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
