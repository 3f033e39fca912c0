using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.Testing;
using StatusKit.Uptime;

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

        // Another host raises "Web" until 3 minutes from now; this host only sees it in the store, at its rescan.
        var web = (await kit.Store.GetComponentAsync(c[1].Id, None))!;
        await kit.Store.UpdateComponentAsync(web with { ManualStatus = ComponentStatus.PartialOutage, ManualStatusExpiresAt = firstScan.AddMinutes(3) }, None);
        await kit.Engine.RecomputeComponentsAsync([web.Id], "other host", None);
        kit.Clock.Advance(TimeSpan.FromMinutes(4));
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
    [Fact]
    public async Task ExpiryThatPassedWhileTheHostWasDown_IsRecordedAtTheExpiryNotWhenTheHostCameBack()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiresAt = kit.Clock.GetUtcNow().AddMinutes(5);
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, expiresAt);
        kit.Clock.Advance(TimeSpan.FromHours(3));

        await kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        var last = (await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None))[^1];
        Assert.Equal((ComponentStatus.MajorOutage, ComponentStatus.Operational, expiresAt), (last.OldStatus, last.NewStatus, last.At));
        Assert.Equal(expiresAt, (await kit.Components.GetAsync(c[0].Id))!.StatusUpdatedAt);
        var today = (await kit.Get<IUptimeService>().GetUptimeAsync(c[0].Id, days: 1))!.Days[^1];
        Assert.Equal(TimeSpan.FromMinutes(5), today.Downtime);
    }

    [Fact]
    public async Task ExpiryThatPassedWhileTheHostWasDown_IsRecordedAtTheExpiryByTheStartUpRecompute()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiresAt = kit.Clock.GetUtcNow().AddMinutes(5);
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, expiresAt);
        kit.Clock.Advance(TimeSpan.FromHours(3));

        kit.Get<StatusEngine>().RecomputeAllInBackground("start-up");
        await kit.Engine.WhenIdleAsync(None);

        var last = (await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None))[^1];
        Assert.Equal((ComponentStatus.Operational, expiresAt), (last.NewStatus, last.At));
    }

    [Fact]
    public async Task ExpiryFirstNoticedByAnIncidentsRecompute_IsRecordedWhenThatRecomputeRan()
    {
        // The incident opened after the expiry: its recompute cannot tell when the raised status really ended (the
        // incident's status was hidden under it), so it claims nothing earlier than its own time.
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddMinutes(5));
        kit.Clock.Advance(TimeSpan.FromHours(3));
        var reportedAt = kit.Clock.GetUtcNow();

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "t1", "Medium", PlatformIncidentState.Triggered, 1));

        var last = (await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None))[^1];
        Assert.Equal((ComponentStatus.MajorOutage, ComponentStatus.DegradedPerformance, reportedAt), (last.OldStatus, last.NewStatus, last.At));
    }
    [Fact]
    public async Task ExpiryRecordedAtAnEarlierTime_IsStillNotifiedOnceAndDebouncedFromWhenItWasApplied()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddMinutes(5));
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All, CreatedAt = kit.Clock.GetUtcNow() };
        await kit.Store.AddSubscriberAsync(subscriber, [], None);
        kit.Clock.Advance(TimeSpan.FromHours(3));
        var appliedAt = kit.Clock.GetUtcNow();

        await kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        var notices = (await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 100 }, None))
            .Where(n => n.Content.NewStatus == ComponentStatus.Operational)
            .ToList();
        var notice = Assert.Single(notices);
        Assert.Equal(ComponentStatus.MajorOutage, notice.Content.OldStatus);
        Assert.Equal(appliedAt + new NotificationOptions().DebounceWindow, notice.DueAt);
    }
}
