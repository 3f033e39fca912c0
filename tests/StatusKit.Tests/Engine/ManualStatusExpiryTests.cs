using StatusKit.Engine;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>An operator's manual status with an expiry ends by itself at that time.</summary>
public sealed class ManualStatusExpiryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ManualStatusWithAnExpiry_ChangesBackByItselfWhenTheClockReachesIt()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiry = kit.Get<ManualStatusExpiry>();
        await expiry.StartAsync(None);
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddHours(1));
        await expiry.WhenIdleAsync(None);

        kit.Clock.Advance(TimeSpan.FromMinutes(59));
        await expiry.WhenIdleAsync(None);
        var beforeExpiry = (await kit.Components.GetAsync(c[0].Id))!.Status;
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await expiry.WhenIdleAsync(None);
        await kit.Engine.WhenIdleAsync(None);

        Assert.Equal(ComponentStatus.MajorOutage, beforeExpiry);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(StatusIndicator.None, (await kit.Reader.GetSnapshotAsync(page.Id, None))!.Status.Indicator);
        await expiry.StopAsync(None);
    }

    [Fact]
    public async Task ExpirySetOnAnotherHost_IsFoundInTheStoreAtTheNextRescanAndEnded()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null), ("Web", "t2", null));
        var expiry = kit.Get<ManualStatusExpiry>();
        var firstScan = kit.Clock.GetUtcNow();
        Assert.Equal(firstScan + ManualStatusExpiry.RescanInterval, await expiry.RunOnceAsync(None));

        // Another host raises "Web" until 30 minutes from now; this host only sees it in the store.
        var web = (await kit.Store.GetComponentAsync(c[1].Id, None))!;
        await kit.Store.UpdateComponentAsync(web with { ManualStatus = ComponentStatus.PartialOutage, ManualStatusExpiresAt = firstScan.AddMinutes(30) }, None);
        await kit.Engine.RecomputeComponentsAsync([web.Id], "other host", None);
        kit.Clock.Advance(TimeSpan.FromMinutes(45));
        var beforeRescan = await expiry.RunOnceAsync(None);
        var stillRaised = (await kit.Components.GetAsync(web.Id))!.Status;
        kit.Clock.SetUtcNow(beforeRescan);
        await expiry.RunOnceAsync(None);

        Assert.Equal(firstScan + ManualStatusExpiry.RescanInterval, beforeRescan);
        Assert.Equal(ComponentStatus.PartialOutage, stillRaised);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(web.Id))!.Status);
    }

    [Fact]
    public async Task APassThatFailsUnexpectedly_DoesNotStopTheService_WhichEndsLaterExpiries()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var failing = true;
        kit.StoreControl.Before = (method, _) => failing && method == nameof(Abstractions.IStatusStore.ListPagesAsync)
            ? throw new OperationCanceledException("a store call cancelled by something other than the host")
            : null;
        var expiry = kit.Get<ManualStatusExpiry>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await expiry.StartAsync(None);
        await expiry.WhenIdleAsync(timeout.Token);
        failing = false;

        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddMinutes(5));
        kit.Clock.Advance(ManualStatusExpiry.RetryDelay + TimeSpan.FromMinutes(5));
        await expiry.WhenIdleAsync(timeout.Token);
        await kit.Engine.WhenIdleAsync(timeout.Token);

        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        await expiry.StopAsync(None);
    }

    [Fact]
    public async Task ExpiryThatPassedWhileTheHostWasDown_IsEndedByTheFirstPass()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var api = (await kit.Store.GetComponentAsync(c[0].Id, None))!;
        await kit.Store.UpdateComponentAsync(api with { ManualStatus = ComponentStatus.MajorOutage, ManualStatusExpiresAt = kit.Clock.GetUtcNow().AddMinutes(5) }, None);
        await kit.Engine.RecomputeComponentsAsync([api.Id], "before the restart", None);
        var raised = (await kit.Components.GetAsync(api.Id))!.Status;
        kit.Clock.Advance(TimeSpan.FromHours(3));

        await kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        Assert.Equal(ComponentStatus.MajorOutage, raised);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(api.Id))!.Status);
    }
}
