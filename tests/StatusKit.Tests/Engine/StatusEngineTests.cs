using System.Transactions;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

public sealed class StatusEngineTests
{
    [Fact]
    public async Task ARecompute_NeverRunsInsideTheWaitingCallersAmbientTransaction()
    {
        await using var kit = new StatusKitHarness();
        await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var commits = 0;
        Transaction? ambientAtCommit = null;
        kit.StoreControl.Before = (method, _) =>
        {
            if (method == nameof(IStatusStore.CommitStatusAsync))
            {
                Interlocked.Increment(ref commits);
                ambientAtCommit ??= Transaction.Current;
            }

            return null;
        };

        // Ten signals: whether the waiting caller or a pool thread runs a pump is a race, and only the caller has the
        // transaction, so one round could pass by luck.
        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            for (var version = 1; version <= 10; version++)
            {
                var state = version % 2 == 1 ? PlatformIncidentState.Triggered : PlatformIncidentState.Resolved;
                await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", state, version));
            }
        }

        Assert.Equal(10, commits);
        Assert.Null(ambientAtCommit);
    }
}
