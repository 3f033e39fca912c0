using System.Transactions;
using StatusKit.Abstractions;
using StatusKit.Engine;
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

    [Fact]
    public async Task TwoRecomputesOfOneComponent_FromOverlappingScopes_RunOneAfterTheOther_SoTheFeedEndsOnTheStoredStatus()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        // The team's recompute commits the outage, then pauses on its check that nothing else changed, before it tells
        // the feed. The incident resolves just before the component's own scope loads its inputs, so that one, and only
        // that one, commits the way back: run at once, it would commit and tell it before the outage is told.
        var commits = 0;
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resolved = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2);
        kit.StoreControl.Before = (method, args) =>
        {
            if (method == nameof(IStatusStore.CommitStatusAsync))
            {
                Interlocked.Increment(ref commits);
            }
            else if (method == nameof(IStatusStore.LoadStatusInputsAsync) && args[0] is StatusScope { ComponentIds: not null })
            {
                return kit.Store.ApplySignalAsync(resolved, CancellationToken.None);
            }
            else if (method == nameof(IStatusStore.LoadStatusInputsAsync) && Volatile.Read(ref commits) == 1 && paused.TrySetResult())
            {
                return resume.Task;
            }

            return null;
        };
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Intake.ReportIncidentAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1), CancellationToken.None);
        Task overlapping;
        try
        {
            await paused.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // The component's own scope (as a maintenance window, a status incident or a manual status's expiry asks
            // for) waits for the queue instead. A real wait: nothing happens that could be waited for.
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            overlapping = kit.Engine.RecomputeComponentsAsync([components[0].Id], "maintenance window", CancellationToken.None);
            await Task.WhenAny(overlapping, Task.Delay(TimeSpan.FromMilliseconds(300)));
            Assert.False(overlapping.IsCompleted);
            Assert.Equal(1, Volatile.Read(ref commits));
        }
        finally
        {
            resume.TrySetResult();
        }

        await overlapping;
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [
                (StatusChangeKind.Component, ComponentStatus.MajorOutage), (StatusChangeKind.Page, ComponentStatus.MajorOutage),
                (StatusChangeKind.Component, ComponentStatus.Operational), (StatusChangeKind.Page, ComponentStatus.Operational),
            ],
            heard.Select(e => (e.Kind, e.NewStatus)));
        Assert.Equal(2, commits);
    }

    [Fact]
    public async Task AComponentsStatusEvent_IsToldOnlyOnceThePagesSnapshotShowsIt_AndNamesItsVersion()
    {
        // A live page refetches its sections on hearing an event: what it fetches then must show the change.
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var building = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(IStatusStore.LoadPageContentAsync))
            {
                return null;
            }

            building.TrySetResult();
            return release.Task;
        };
        var whileBuilding = FeedRecording.Start(kit, page.Id, cts.Token);

        var reporting = kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        await building.Task.WaitAsync(cts.Token);
        var heardWhileBuilding = await whileBuilding.HeardAsync();
        var afterBuilding = FeedRecording.Start(kit, page.Id, cts.Token);
        release.SetResult();
        await reporting.WaitAsync(cts.Token);

        Assert.Empty(heardWhileBuilding);
        var heard = await afterBuilding.HeardAsync();
        var shown = (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.Equal(ComponentStatus.MajorOutage, shown.Components[0].Status);
        Assert.Equal(
            [(StatusChangeKind.Component, ComponentStatus.MajorOutage, shown.Version), (StatusChangeKind.Page, ComponentStatus.MajorOutage, shown.Version)],
            heard.Select(e => (e.Kind, e.NewStatus, e.SnapshotVersion)));
        Assert.Equal(components[0].Id, heard[0].ComponentId);
    }
}
