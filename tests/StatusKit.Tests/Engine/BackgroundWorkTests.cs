using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Caching;
using StatusKit.Hosting;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Http;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Engine;

public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task ARecomputeThatFailsAfterTheSignalIsStored_DoesNotSurface_AndIsRetriedLater()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var failures = 2;
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.LoadStatusInputsAsync) && Interlocked.Decrement(ref failures) >= 0
                ? throw new TimeoutException("database busy")
                : null;

        var result = await kit.Intake.ReportIncidentAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1), CancellationToken.None);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        var afterFailure = (await kit.Components.GetAsync(components[0].Id))!.Status;
        kit.Clock.Advance(TimeSpan.FromSeconds(5)); // the first retry fails too
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromSeconds(5));
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(SignalApplyResult.Applied, result);
        Assert.Equal(ComponentStatus.Operational, afterFailure);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(components[0].Id))!.Status);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task ARecomputeFindingADisposedServiceOnceTheHostIsStopping_IsNeitherLoggedNorRetried(bool stopping, bool failureExpected)
    {
        var logs = new ListLoggerProvider();
        using var lifetime = new StoppableLifetime();
        await using var kit = new StatusKitHarness(s =>
        {
            s.AddLogging(l => l.AddProvider(logs));
            s.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(lifetime);
        });
        await kit.CreatePageAsync("Acme", ("API", "a", null));
        var timersBefore = kit.Clock.ActiveTimerCount;
        if (stopping)
        {
            lifetime.Stop();
        }

        // The container is torn down under the recompute: its next read finds a disposed service.
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.LoadStatusInputsAsync) ? throw new ObjectDisposedException("IServiceProvider") : null;
        await kit.Intake.ReportIncidentAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1), CancellationToken.None);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(failureExpected, logs.Has(1004));
        Assert.Equal(failureExpected, kit.Clock.ActiveTimerCount > timersBefore);
    }

    [Fact]
    public async Task ARecomputeThatGivesUpWhileSignalsKeepArriving_StillShowsWhatItCommitted()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var feed = kit.Get<StatusKit.Engine.IStatusChangeFeed>();
        using var stop = new CancellationTokenSource();
        var events = new List<StatusKit.Engine.StatusChanged>();
        var listening = Task.Run(async () =>
        {
            await foreach (var e in feed.SubscribeAsync(page.Id, stop.Token))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
        await WaitUntilAsync(() => kit.Get<StatusKit.Engine.StatusChangeFeed>().ConsumerCount == 1);

        // Every load of the team's inputs sees a new signal that flips the incident, so each of the recompute's passes
        // commits a change, and the recompute gives up after its last pass (and is retried).
        var loads = 0;
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(IStatusStore.LoadStatusInputsAsync))
            {
                return null;
            }

            var version = Interlocked.Increment(ref loads);
            return version is >= 2 and <= 5
                ? kit.Intake.ReportIncidentAsync(
                    kit.Signal("INC-1", "a", "Critical", version % 2 == 0 ? PlatformIncidentState.Resolved : PlatformIncidentState.Triggered, version),
                    CancellationToken.None)
                : null;
        };
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        kit.Clock.Advance(TimeSpan.FromSeconds(5));
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        var stored = (await kit.Store.GetComponentAsync(components[0].Id, CancellationToken.None))!.Status;
        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        await WaitUntilAsync(() =>
        {
            lock (events)
            {
                return events.Count(e => e.Kind == StatusKit.Engine.StatusChangeKind.Component) >= 5;
            }
        });
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listening);

        Assert.True(loads > 5);
        Assert.Equal(ComponentStatus.MajorOutage, stored);
        Assert.Equal(ComponentStatus.MajorOutage, snapshot!.Components[0].Status);
        Assert.Equal(5, events.Count(e => e.Kind == StatusKit.Engine.StatusChangeKind.Component));
    }

    [Fact]
    public async Task AnOperatorsChangeWhoseRecomputeFails_Surfaces_AndItsStatusStillArrivesWithTheRetry()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var failures = 1;
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.LoadStatusInputsAsync) && Interlocked.Decrement(ref failures) >= 0
                ? throw new TimeoutException("database busy")
                : null;

        // The incident is stored (customers read it) before its components' recompute fails.
        await Assert.ThrowsAsync<TimeoutException>(() => kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Errors", Message = "Looking", Severity = StatusIncidentSeverity.Critical,
            ComponentIds = [components[0].Id], NotifySubscribers = false,
        }));
        kit.Clock.Advance(TimeSpan.FromSeconds(5));
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Single(await kit.Incidents.ListAsync(page.Id));
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(components[0].Id))!.Status);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Single().Status);
    }

    [Fact]
    public async Task AFailingSignalWrite_Surfaces()
    {
        await using var kit = new StatusKitHarness();
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.ApplySignalAsync) ? throw new TimeoutException("database down") : null;

        await Assert.ThrowsAsync<TimeoutException>(() =>
            kit.Intake.ReportIncidentAsync(kit.Signal("INC-1", "a", "High", PlatformIncidentState.Triggered, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Warmup_BuildsEveryPagesSnapshotIntoTheCache()
    {
        await using var kit = new StatusKitHarness();
        var (first, _) = await kit.CreatePageAsync("One", ("API", "a", null));
        var (second, _) = await kit.CreatePageAsync("Two");
        var cache = kit.Get<IStatusCache>();
        await cache.RemoveAsync(first.Id, CancellationToken.None);
        await cache.RemoveAsync(second.Id, CancellationToken.None);
        var warmup = kit.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SnapshotWarmupService>().SingleOrDefault()
            ?? ActivatorUtilities.CreateInstance<SnapshotWarmupService>(kit.Services, new NoLifetime());

        var warmed = await warmup.WarmAsync(CancellationToken.None);

        Assert.Equal(2, warmed);
        Assert.NotNull(await cache.GetAsync(first.Id, CancellationToken.None));
        Assert.NotNull(await cache.GetAsync(second.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(true, 119)]
    [InlineData(false, 2)]
    public async Task IncidentNotificationsDuringMaintenance_AreHeldBackUntilItsPlannedEndOnlyWhenTheOptionSaysSo(bool suppress, int dueAfterMinutes)
    {
        var (kit, page, api) = await MaintenanceWithSubscriberAsync(suppress);
        await using var _ = kit;
        var started = kit.Clock.GetUtcNow();

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));

        var outage = Assert.Single(await OutageRowsAsync(kit, page.Id));
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(api.Id))!.Status);
        Assert.Equal(started.AddMinutes(dueAfterMinutes), outage.DueAt);
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_IsToldWhenTheMaintenanceEnds_AndOneOverByThenIsNot()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, page, _) = await MaintenanceWithSubscriberAsync(suppress: true, webhooks);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(NotificationState.Pending, Assert.Single(await OutageRowsAsync(kit, page.Id)).State); // still held back

        // Over before the end: the held row coalesces back into Under Maintenance, a flap that says nothing.
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2));
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Empty(webhooks.Attempts);

        // Another outage that outlasts the maintenance is told at its planned end.
        await kit.ReportAndSettleAsync(kit.Signal("INC-2", "a", "Critical", PlatformIncidentState.Triggered, 1));
        kit.Clock.Advance(TimeSpan.FromMinutes(60));
        await dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Empty(webhooks.Attempts);
        kit.Clock.Advance(TimeSpan.FromMinutes(30)); // past the planned end, 2 hours after the window was created
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var told = Assert.Single(webhooks.Delivered);
        Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage), (told.Content.OldStatus, told.Content.NewStatus));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a subscriber who chose the component (and so is one of its followers, not all of the page's)
    public async Task AnOutageHeldBackDuringMaintenance_WaitsForTheExtendedEnd_AndIsToldOnce(bool followsOnlyTheComponent)
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, page, _, window) = await HeldOutageAsync(webhooks, followsOnlyTheComponent);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        kit.Clock.Advance(TimeSpan.FromMinutes(30));

        await kit.Get<MaintenanceService>().UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = window.OccurrenceEndsAt.AddHours(1) });
        kit.Clock.Advance(TimeSpan.FromMinutes(100)); // past the planned end, still inside the extended window
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var heldDuringExtension = webhooks.Attempts.Count;
        kit.Clock.Advance(TimeSpan.FromMinutes(60)); // past the extended end
        await dispatcher.RunOnceAsync(CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(60));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, heldDuringExtension);
        var told = Assert.Single(webhooks.Delivered);
        Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage), (told.Content.OldStatus, told.Content.NewStatus));
        Assert.Equal(window.OccurrenceEndsAt.AddHours(1), Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_IsToldWhenTheMaintenanceIsCompletedEarly_Once()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, _, _, window) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        kit.Clock.Advance(TimeSpan.FromMinutes(30));

        await kit.Get<MaintenanceService>().CompleteNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var toldAtCompletion = webhooks.Delivered.Count;
        kit.Clock.Advance(TimeSpan.FromHours(2)); // past the planned end
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, toldAtCompletion);
        var told = Assert.Single(webhooks.Delivered);
        Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage), (told.Content.OldStatus, told.Content.NewStatus));
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_CompletedEarlyWithinItsDebounce_IsToldWhenTheDebounceEnds_NotAtOnce()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, page, _, window) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        var outageAt = kit.Clock.GetUtcNow();
        kit.Clock.Advance(TimeSpan.FromSeconds(30));

        await kit.Get<MaintenanceService>().CompleteNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);
        var toldAtCompletion = webhooks.Attempts.Count;
        kit.Clock.Advance(TimeSpan.FromSeconds(90)); // the debounce (2 minutes) after the outage
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, toldAtCompletion);
        Assert.Equal(outageAt.AddMinutes(2), Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
        var told = Assert.Single(webhooks.Delivered);
        Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage), (told.Content.OldStatus, told.Content.NewStatus));
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_ThatIsOverWithinItsDebounce_AfterAnEarlyCompletion_SendsNothing()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, _, _, window) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        kit.Clock.Advance(TimeSpan.FromSeconds(30));
        await kit.Get<MaintenanceService>().CompleteNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        kit.Clock.Advance(TimeSpan.FromSeconds(30)); // a flap: resolved within the debounce of the outage
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2));
        for (var i = 0; i < 4; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            await dispatcher.RunOnceAsync(CancellationToken.None);
        }

        Assert.Empty(webhooks.Delivered);
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_ThatChangedJustBeforeAnEarlyCompletion_AndIsOverWithinTheDebounceOfThatChange_SendsNothing()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, _, _, window) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var dispatcher = kit.Get<NotificationDispatcher>();
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Medium", PlatformIncidentState.Triggered, 2)); // lowered: Degraded, still held
        kit.Clock.Advance(TimeSpan.FromSeconds(30));
        await kit.Get<MaintenanceService>().CompleteNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        kit.Clock.Advance(TimeSpan.FromSeconds(30)); // a flap: resolved within the debounce of its last change
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Medium", PlatformIncidentState.Resolved, 3));
        for (var i = 0; i < 4; i++)
        {
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
            await dispatcher.RunOnceAsync(CancellationToken.None);
        }

        Assert.Empty(webhooks.Delivered);
    }

    [Fact]
    public async Task AnOutageHeldBackDuringMaintenance_IsHeldUntilALaterWindowOfItsComponentEnds_WhenTheFirstIsCompletedEarly()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, page, api, window) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var maintenance = kit.Get<MaintenanceService>();
        var now = kit.Clock.GetUtcNow();
        var longer = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Network upgrade", StartsAt = now.AddMinutes(1), EndsAt = window.OccurrenceEndsAt.AddHours(1),
            ComponentIds = [api.Id], NotifySubscribers = false,
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await maintenance.StartNowAsync(longer.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        await maintenance.CompleteNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(longer.OccurrenceEndsAt, Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
    }

    [Fact]
    public async Task AnOutageHeldBackDuringTwoWindows_WhoseEndsMoveAtOnce_IsHeldUntilTheLaterOfTheirNewEnds()
    {
        var webhooks = new RecordingNotifier(SubscriberChannel.Webhook);
        var (kit, page, api, first) = await HeldOutageAsync(webhooks);
        await using var _ = kit;
        var maintenance = kit.Get<MaintenanceService>();
        var second = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Network upgrade", StartsAt = kit.Clock.GetUtcNow().AddMinutes(1), EndsAt = first.OccurrenceEndsAt.AddHours(1),
            ComponentIds = [api.Id], NotifySubscribers = false,
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await maintenance.StartNowAsync(second.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        Assert.Equal(second.OccurrenceEndsAt, Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.RescheduleHeldNotificationsAsync) && paused.TrySetResult() ? release.Task : null;

        try
        {
            // One host shortens the second window and reads both windows, but moves the notices only after another host
            // extended the first one and ran its own move (which found nothing held until the end it read).
            var shorten = maintenance.UpdateAsync(second.Id, new UpdateMaintenanceWindow { EndsAt = first.OccurrenceEndsAt.AddMinutes(-30) });
            await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await maintenance.UpdateAsync(first.Id, new UpdateMaintenanceWindow { EndsAt = first.OccurrenceEndsAt.AddMinutes(30) }).WaitAsync(TimeSpan.FromSeconds(30));
            release.SetResult();
            await shorten.WaitAsync(TimeSpan.FromSeconds(30));
            await kit.Engine.WhenIdleAsync(CancellationToken.None);
        }
        finally
        {
            release.TrySetResult();
        }

        Assert.Equal(first.OccurrenceEndsAt.AddMinutes(30), Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
    }

    [Theory]
    [InlineData(60)] // extended
    [InlineData(-60)] // shortened
    public async Task AnOutageHeldBackByARecomputeThatReadTheWindowBeforeItsEndMoved_IsHeldUntilTheNewEnd(int minutes)
    {
        var logs = new ListLoggerProvider();
        var (kit, page, _) = await MaintenanceWithSubscriberAsync(suppress: true, logs: logs);
        await using var _ = kit;
        var maintenance = kit.Get<MaintenanceService>();
        var window = Assert.Single(await maintenance.ListAsync(page.Id, MaintenanceState.InProgress));
        var atCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.CommitStatusAsync) && atCommit.TrySetResult() ? release.Task : null;

        MaintenanceWindow moved;
        try
        {
            // The incident's recompute reads the window as it is, then pauses before committing its held notice.
            await kit.Intake.ReportIncidentAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1), CancellationToken.None);
            await atCommit.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Meanwhile the window's end moves, and the notices held until its old end (none yet) move with it, before
            // the update waits for the page's refresh behind the recompute.
            var update = maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = window.OccurrenceEndsAt.AddMinutes(minutes) });
            await WaitUntilAsync(() => kit.StoreControl.Calls(nameof(IStatusStore.RescheduleHeldNotificationsAsync)) > 0);
            Assert.Equal(1, kit.StoreControl.Calls(nameof(IStatusStore.RescheduleHeldNotificationsAsync)));
            release.SetResult();
            moved = await update;
            await kit.Engine.WhenIdleAsync(CancellationToken.None);
        }
        finally
        {
            // A failed step must not leave the recompute paused: disposing the harness would wait for it for ever.
            release.TrySetResult();
        }

        Assert.Equal(window.OccurrenceEndsAt.AddMinutes(minutes), moved.OccurrenceEndsAt);
        Assert.Equal(moved.OccurrenceEndsAt, Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
        Assert.Equal(1, logs.Count(1443)); // HeldNoticesFollowed
    }

    // A Critical incident opened on the API while its maintenance runs, told to nobody yet: held back until the window's end.
    private static async Task<(StatusKitHarness Kit, StatusPage Page, Component Api, MaintenanceWindow Window)> HeldOutageAsync(
        INotifier webhooks, bool followsOnlyTheComponent = false)
    {
        var (kit, page, api) = await MaintenanceWithSubscriberAsync(suppress: true, webhooks, followsOnlyTheComponent);
        var window = Assert.Single(await kit.Get<MaintenanceService>().ListAsync(page.Id, MaintenanceState.InProgress));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        Assert.Equal(window.OccurrenceEndsAt, Assert.Single(await OutageRowsAsync(kit, page.Id)).DueAt);
        return (kit, page, api, window);
    }

    private static async Task<(StatusKitHarness Kit, StatusPage Page, Component Api)> MaintenanceWithSubscriberAsync(
        bool suppress, INotifier? webhooks = null, bool followsOnlyTheComponent = false, ListLoggerProvider? logs = null)
    {
        var kit = new StatusKitHarness(services =>
        {
            if (webhooks is not null)
            {
                services.AddSingleton(webhooks);
            }

            if (logs is not null)
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            }

            services.Configure<NotificationOptions>(o => o.SuppressIncidentNotificationsDuringMaintenance = suppress);
            services.Configure<WebhookAddressGuardOptions>(o => o.AllowPrivateNetworks = true); // no DNS in tests
        });
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "http://127.0.0.1:9/status-hook", PreVerified = true,
            ComponentIds = followsOnlyTheComponent ? [components[0].Id] : [],
        });
        var maintenance = kit.Get<MaintenanceService>();
        var now = kit.Clock.GetUtcNow();
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = now.AddMinutes(1), EndsAt = now.AddHours(2),
            ComponentIds = [components[0].Id], NotifySubscribers = false,
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await maintenance.StartNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        return (kit, page, components[0]);
    }

    private static async Task<List<Notification>> OutageRowsAsync(StatusKitHarness kit, Guid pageId) =>
        [.. (await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId }, CancellationToken.None)).Where(n => n.Content.Event == NotificationEvents.Outage)];

    /// <summary>
    /// Waits until <paramref name="condition"/> holds (background work this host runs on the thread pool); the bound
    /// only guards against a hang, and a wait that reaches it fails here rather than at a later, puzzling assertion.
    /// </summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The condition was not met within 30 seconds.");
            await Task.Delay(5);
        }
    }

    private sealed class StoppableLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Stop() => _stopping.Cancel();

        public void StopApplication() => Stop();

        public void Dispose() => _stopping.Dispose();
    }

    private sealed class NoLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
