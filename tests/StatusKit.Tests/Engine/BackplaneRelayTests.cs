using StatusKit.Testing;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Health;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Engine;

public sealed class BackplaneRelayTests
{
    [Fact]
    public async Task AChangeCommittedOnOneHost_ReachesTheOtherHostsFeedAndSnapshot_WithoutWaitingForTheCache()
    {
        var hub = new BackplaneHub();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, components) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.Equal(StatusIndicator.None, (await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        await hub.WaitForSubscribersAsync(2, cts.Token);

        await a.ReportAndSettleAsync(a.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));

        Assert.True(await first);
        var component = feed.Current;
        Assert.True(await feed.MoveNextAsync());
        var pageEvent = feed.Current;
        await feed.DisposeAsync();
        Assert.Equal((StatusChangeKind.Component, components[0].Id, ComponentStatus.MajorOutage, "API"), (component.Kind, component.ComponentId!.Value, component.NewStatus, component.ComponentName));
        Assert.Equal((StatusChangeKind.Page, ComponentStatus.MajorOutage), (pageEvent.Kind, pageEvent.NewStatus));
        Assert.True(pageEvent.Sequence > component.Sequence);
        var shown = (await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.Equal(StatusIndicator.Critical, shown.Status.Indicator);
        // Both name the snapshot this host rebuilt, which a live page that refetches on hearing them gets from it.
        Assert.Equal((shown.Version, shown.Version), (component.SnapshotVersion, pageEvent.SnapshotVersion));
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task APageContentChange_IsSentWithOneContentEvent_AndNoStatusEvents()
    {
        var hub = new BackplaneHub();
        var received = hub.Tap();
        await using var a = Host(hub);
        var (page, _) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);

        await a.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });

        var sent = await NextWithEventsAsync(received, cts.Token);
        Assert.Equal(page.Id, sent.PageId);
        Assert.Equal(StatusChangeKind.Content, Assert.Single(sent.Changes).Kind);
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AStatusIncidentPostedOnOneHost_IsToldAsContentOnTheFeedOfAnotherHostThatServedThePage()
    {
        var hub = new BackplaneHub();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, _) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        await hub.WaitForSubscribersAsync(2, cts.Token);

        await a.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });

        Assert.True(await first);
        var told = feed.Current;
        await feed.DisposeAsync();
        Assert.Equal((StatusChangeKind.Content, page.Id), (told.Kind, told.PageId));
        Assert.Equal("Slow logins", Assert.Single((await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.UnresolvedIncidents).Title);
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AResyncAndAnotherHostsContentEvent_ThatBothSawOneChange_TellItOnce(bool resyncFirst)
    {
        var hub = new BackplaneHub();
        var sent = hub.Tap();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, _) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        var feed = FeedRecording.Start(b, page.Id, cts.Token);
        await a.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });
        var change = await NextWithEventsAsync(sent, cts.Token);
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);

        // Host B listens again (a resync, whose rebuild shows the incident) just before or after host A's event arrives.
        var relay = b.Get<BackplaneRelay>();
        if (resyncFirst)
        {
            await relay.ResyncAsync([page.Id], cts.Token);
            await relay.ApplyAsync(change, cts.Token);
        }
        else
        {
            await relay.ApplyAsync(change, cts.Token);
            await relay.ResyncAsync([page.Id], cts.Token);
        }

        var heard = await feed.HeardAsync();
        var told = Assert.Single(heard);
        Assert.Equal(StatusChangeKind.Content, told.Kind);
        Assert.Equal(resyncFirst, told.Cause == BackplaneRelay.ResyncCause);
    }

    [Fact]
    public async Task AnotherHostsContentEvent_ThatThisHostsFeedToldAlready_IsNotToldAgain_ButALaterOneIs()
    {
        var hub = new BackplaneHub();
        var sent = hub.Tap();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, _) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        var feed = FeedRecording.Start(b, page.Id, cts.Token);
        var incident = await a.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });
        var posted = await NextWithEventsAsync(sent, cts.Token);
        await a.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "We identified the cause");
        var updated = await NextWithEventsAsync(sent, cts.Token);

        // Both events arrive after the update: the first one's rebuild already shows the update, so the second tells nothing.
        var relay = b.Get<BackplaneRelay>();
        await relay.ApplyAsync(posted, cts.Token);
        await relay.ApplyAsync(updated, cts.Token);
        await a.Incidents.ResolveAsync(incident.Id, "Fixed");
        await relay.ApplyAsync(await NextWithEventsAsync(sent, cts.Token), cts.Token);
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);

        var heard = await feed.HeardAsync();
        Assert.Equal([StatusChangeKind.Content, StatusChangeKind.Content], heard.Select(e => e.Kind));
        Assert.Empty((await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.UnresolvedIncidents);
    }

    [Fact]
    public async Task APageDeletedOnOneHost_IsForgottenByTheOtherHost_WithoutWaitingForTheCache()
    {
        var hub = new BackplaneHub();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        // Created on host B, so the only change host B hears of is the deletion.
        var (page, _) = await b.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        await hub.WaitForSubscribersAsync(2, cts.Token);

        await a.Pages.DeleteAsync(page.Id);

        var forgotten = b.Get<PageSnapshotReader>();
        while (forgotten.LastKnown(page.Id) is not null)
        {
            await Task.Delay(10, cts.Token);
        }

        Assert.Null(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task APageDeletedOnOneHost_IsToldAsDeletedOnTheFeedOfAnotherHostThatServedIt()
    {
        var hub = new BackplaneHub();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, _) = await b.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await b.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await a.Get<BackplaneRelay>().StartAsync(cts.Token);
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        await hub.WaitForSubscribersAsync(2, cts.Token);
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync(); // subscribes

        await a.Pages.DeleteAsync(page.Id);

        Assert.True(await first);
        Assert.Equal((StatusChangeKind.PageDeleted, page.Id), (feed.Current.Kind, feed.Current.PageId));
        await feed.DisposeAsync();
        await a.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AChangeOfAPageThisHostNeverServed_ReachesItsFeed_WithoutAStoreRead()
    {
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 0);
        await using var kit = new StatusKitHarness(s => s.AddStatusPages().UseStatusChangeBackplane(_ => backplane));
        var pageId = Guid.NewGuid();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(pageId, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await kit.Get<BackplaneRelay>().StartAsync(cts.Token);
        await backplane.SubscribeAttempted(1).WaitAsync(cts.Token);

        backplane.Deliver(new PageChange
        {
            PageId = pageId,
            Changes = [new StatusChanged { Kind = StatusChangeKind.Page, PageId = pageId, NewStatus = ComponentStatus.MajorOutage, SnapshotVersion = "senders" }],
        });

        Assert.True(await first);
        Assert.Equal(ComponentStatus.MajorOutage, feed.Current.NewStatus);
        Assert.Equal("senders", feed.Current.SnapshotVersion); // no snapshot here to name instead
        await feed.DisposeAsync();
        await kit.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)));
    }

    [Fact]
    public async Task AFailingPublish_IsLogged_AndTheRecomputeStillCommits()
    {
        var logs = new ListLoggerProvider();
        var backplane = new FailingBackplane(failPublish: true, failSubscribeTimes: 0);
        await using var kit = new StatusKitHarness(s =>
        {
            s.AddLogging(l => l.AddProvider(logs));
            s.AddStatusPages().UseStatusChangeBackplane(_ => backplane);
        });
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await kit.Get<BackplaneRelay>().StartAsync(cts.Token);

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        await backplane.PublishAttempted.Task.WaitAsync(cts.Token);
        await kit.Get<BackplaneRelay>().StopAsync(CancellationToken.None);

        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(components[0].Id))!.Status);
        Assert.Equal(StatusIndicator.Critical, (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        Assert.True(logs.Has(1010));
        var health = await BackgroundHealthAsync(kit);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith("Status change backplane: 1 failing since", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSubscription_DegradesTheBackgroundHealthCheck_UntilTheBackplaneListensAgain()
    {
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 1);
        await using var kit = new StatusKitHarness(s =>
            s.AddStatusPages(o => o.BackplaneRetryDelay = TimeSpan.FromSeconds(7)).UseStatusChangeBackplane(_ => backplane));
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await kit.Get<BackplaneRelay>().StartAsync(cts.Token);
        await backplane.SubscribeAttempted(1).WaitAsync(cts.Token);
        await WaitForTimerAsync(kit.Clock, cts.Token);
        var failing = await BackgroundHealthAsync(kit);

        kit.Clock.Advance(TimeSpan.FromSeconds(7));
        await backplane.SubscribeAttempted(2).WaitAsync(cts.Token);
        backplane.Deliver(PageChange.Resync);
        backplane.Deliver(new PageChange
        {
            PageId = page.Id,
            Changes = [new StatusChanged { Kind = StatusChangeKind.Page, PageId = page.Id, NewStatus = ComponentStatus.PartialOutage, Sequence = 1 }],
        });
        Assert.True(await first); // the change after the resync reached the feed, so the resync was handled
        var listening = await BackgroundHealthAsync(kit);
        await feed.DisposeAsync();
        await kit.Get<BackplaneRelay>().StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Equal(1, failing.Data["backplane.failing"]);
        Assert.Equal(HealthStatus.Healthy, listening.Status);
    }

    private static Task<HealthCheckResult> BackgroundHealthAsync(StatusKitHarness kit)
    {
        var check = kit.Get<StatusKitBackgroundHealthCheck>();
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration(StatusKitHealthChecks.BackgroundName, check, null, null) });
    }

    [Fact]
    public async Task AFailedSubscription_IsLogged_AndRetriedAfterTheDelayOnTheClock()
    {
        var logs = new ListLoggerProvider();
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 1);
        await using var kit = new StatusKitHarness(s =>
        {
            s.AddLogging(l => l.AddProvider(logs));
            s.AddStatusPages(o => o.BackplaneRetryDelay = TimeSpan.FromSeconds(7)).UseStatusChangeBackplane(_ => backplane);
        });
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();
        await kit.Get<BackplaneRelay>().StartAsync(cts.Token);
        await backplane.SubscribeAttempted(1).WaitAsync(cts.Token);
        await WaitForTimerAsync(kit.Clock, cts.Token);

        kit.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, backplane.SubscribeCount);
        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        await backplane.SubscribeAttempted(2).WaitAsync(cts.Token);
        backplane.Deliver(new PageChange
        {
            PageId = page.Id,
            Changes = [new StatusChanged { Kind = StatusChangeKind.Page, PageId = page.Id, NewStatus = ComponentStatus.PartialOutage, Sequence = 999 }],
        });

        Assert.True(await first);
        Assert.Equal(ComponentStatus.PartialOutage, feed.Current.NewStatus);
        Assert.NotEqual(999, feed.Current.Sequence);
        await feed.DisposeAsync();
        await kit.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        Assert.True(logs.Has(1011));
    }

    [Fact]
    public async Task WhenTheBackplaneListensAgain_EveryPageThisHostHoldsIsRebuilt_ItsFeedHearsWhatChanged_AndTheGapIsLogged()
    {
        var logs = new ListLoggerProvider();
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 1);
        // Host A has no backplane: what it commits never reaches host B, as if B had not been listening then.
        await using var a = new StatusKitHarness();
        await using var b = new StatusKitHarness(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(a.Store));
            s.AddLogging(l => l.AddProvider(logs));
            s.AddStatusPages(o => o.BackplaneRetryDelay = TimeSpan.FromSeconds(7)).UseStatusChangeBackplane(_ => backplane);
        });
        var (served, components) = await a.CreatePageAsync("Served", ("API", "team-a", null), ("Web", "team-b", null));
        var (deleted, _) = await a.CreatePageAsync("Deleted", ("Docs", "team-a", null));
        var (neverServed, _) = await a.CreatePageAsync("Never served", ("Billing", "team-a", null));
        Assert.Equal(StatusIndicator.None, (await b.Reader.GetSnapshotAsync(served.Id, CancellationToken.None))!.Status.Indicator);
        Assert.NotNull(await b.Reader.GetSnapshotAsync(deleted.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = b.Get<IStatusChangeFeed>().SubscribeAsync(null, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = feed.MoveNextAsync();
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        await backplane.SubscribeAttempted(1).WaitAsync(cts.Token);
        await WaitForTimerAsync(b.Clock, cts.Token);
        await a.ReportAndSettleAsync(a.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        await a.Pages.DeleteAsync(deleted.Id);
        Assert.Equal(StatusIndicator.None, (await b.Reader.GetSnapshotAsync(served.Id, CancellationToken.None))!.Status.Indicator);

        b.Clock.Advance(TimeSpan.FromSeconds(7));
        await backplane.SubscribeAttempted(2).WaitAsync(cts.Token);
        backplane.Deliver(PageChange.Resync);
        // The relay takes the backplane's messages in order: once this one reaches the feed, the resync is done.
        var barrier = Guid.NewGuid();
        backplane.Deliver(new PageChange { PageId = barrier, Changes = [new StatusChanged { Kind = StatusChangeKind.Page, PageId = barrier }] });

        var heard = new List<StatusChanged>();
        while (await next && feed.Current.PageId != barrier)
        {
            heard.Add(feed.Current);
            next = feed.MoveNextAsync();
        }

        await feed.DisposeAsync();
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);
        Assert.Equal(
            [
                (StatusChangeKind.Component, served.Id, (Guid?)components[0].Id, "API", ComponentStatus.Operational, ComponentStatus.MajorOutage),
                (StatusChangeKind.Page, served.Id, null, null, ComponentStatus.Operational, ComponentStatus.MajorOutage),
            ],
            heard.Where(e => e.Kind != StatusChangeKind.PageDeleted).Select(e => (e.Kind, e.PageId, e.ComponentId, e.ComponentName, e.OldStatus, e.NewStatus)));
        Assert.All(heard.Where(e => e.Kind != StatusChangeKind.PageDeleted), e => Assert.Equal(BackplaneRelay.ResyncCause, e.Cause));

        // The page found gone is told as deleted, so what the feed's consumers keep for it goes too.
        Assert.Equal(deleted.Id, Assert.Single(heard, e => e.Kind == StatusChangeKind.PageDeleted).PageId);
        Assert.Equal(StatusIndicator.Critical, (await b.Reader.GetSnapshotAsync(served.Id, CancellationToken.None))!.Status.Indicator);
        Assert.Null(b.Get<PageSnapshotReader>().LastKnown(deleted.Id));
        Assert.Null(b.Get<PageSnapshotReader>().LastKnown(neverServed.Id));
        var reconnected = Assert.Single(logs.Entries, e => e.EventId.Id == 1430);
        Assert.Contains("again, 00:00:07 after", reconnected.Message, StringComparison.Ordinal);
        Assert.Equal(1, logs.Count(1431));
    }

    [Fact]
    public async Task AResyncThatRacesALocalRecompute_TellsTheFeedEachChangeOnce()
    {
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 0);
        await using var kit = new StatusKitHarness(s => s.AddStatusPages().UseStatusChangeBackplane(_ => backplane));
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        // The backplane listens again (a resync) just after the recompute committed, before it told the feed.
        var resync = AfterCommitBeforeConfirm.Install(kit.StoreControl, () => kit.Get<BackplaneRelay>().ResyncAsync([page.Id], cts.Token));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        Assert.True(resync.Ran);
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [(StatusChangeKind.Component, ComponentStatus.MajorOutage), (StatusChangeKind.Page, ComponentStatus.MajorOutage)],
            heard.Select(e => (e.Kind, e.NewStatus)));
        Assert.Equal(components[0].Id, heard[0].ComponentId);
    }

    [Fact]
    public async Task AResyncBetweenTwoCommitsOfOneRecompute_TellsTheStatusItSaw_ThenTheRecomputeTellsTheLastOne_EachOnce()
    {
        var backplane = new FailingBackplane(failPublish: false, failSubscribeTimes: 0);
        await using var kit = new StatusKitHarness(s => s.AddStatusPages().UseStatusChangeBackplane(_ => backplane));
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        // The recompute commits the outage; before it checks again, the backplane listens again (a resync, which sees
        // the outage) and the incident is resolved, so the same recompute commits the return to Operational.
        var flap = AfterCommitBeforeConfirm.Install(kit.StoreControl, ResyncThenResolveAsync);
        async Task ResyncThenResolveAsync()
        {
            await kit.Get<BackplaneRelay>().ResyncAsync([page.Id], cts.Token);
            await kit.Store.ApplySignalAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2), cts.Token);
        }

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        await kit.Engine.WhenIdleAsync(cts.Token);
        Assert.True(flap.Ran);
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [
                (StatusChangeKind.Component, ComponentStatus.MajorOutage, true),
                (StatusChangeKind.Page, ComponentStatus.MajorOutage, true),
                (StatusChangeKind.Component, ComponentStatus.Operational, false),
                (StatusChangeKind.Page, ComponentStatus.Operational, false),
            ],
            heard.Select(e => (e.Kind, e.NewStatus, ToldByResync: e.Cause == BackplaneRelay.ResyncCause)));
        Assert.All(heard.Where(e => e.Kind == StatusChangeKind.Component), e => Assert.Equal(components[0].Id, e.ComponentId));
    }

    [Fact]
    public async Task AnotherHostsChangeBack_ArrivingBetweenALocalCommitAndItsTelling_LeavesTheLivePageOnTheStoredStatus()
    {
        var hub = new BackplaneHub();
        var sent = hub.Tap();
        await using var a = Host(hub);
        await using var b = SecondHost(a, hub);
        var (page, components) = await a.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await a.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await b.Get<BackplaneRelay>().StartAsync(cts.Token);
        var feed = FeedRecording.Start(a, page.Id, cts.Token);

        // Host A commits the outage; before it tells its feed, host B commits the incident's resolution, and B's page
        // change (the component back to Operational) reaches A.
        var changeBack = AfterCommitBeforeConfirm.Install(a.StoreControl, HostBResolvesAsync);
        async Task HostBResolvesAsync()
        {
            await b.ReportAndSettleAsync(b.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2));
            await a.Get<BackplaneRelay>().ApplyAsync(await sent.ReadAsync(cts.Token), cts.Token);
        }

        await a.ReportAndSettleAsync(a.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        Assert.True(changeBack.Ran);
        var heard = await feed.HeardAsync();
        await b.Get<BackplaneRelay>().StopAsync(CancellationToken.None);

        var stored = (await a.Store.GetComponentAsync(components[0].Id, CancellationToken.None))!.Status;
        Assert.Equal(ComponentStatus.Operational, stored);
        Assert.Equal(stored, heard.Last(e => e.Kind == StatusChangeKind.Component).NewStatus);
        Assert.Equal(ComponentStatus.Operational, (await a.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components[0].Status);
    }

    [Fact]
    public async Task WithoutABackplane_TheRelayDoesNothing()
    {
        await using var kit = new StatusKitHarness();
        var relay = kit.Get<BackplaneRelay>();

        await relay.StartAsync(CancellationToken.None);
        await relay.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(relay.ExecuteTask.IsCompletedSuccessfully);
        relay.Send(new PageChange { PageId = Guid.NewGuid() });
        await relay.StopAsync(CancellationToken.None);
    }

    // The next page change that carries feed events: the ones sent when the page and its components were created carry none.
    private static async Task<PageChange> NextWithEventsAsync(ChannelReader<PageChange> sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            var change = await sent.ReadAsync(cancellationToken);
            if (change.Changes.Count > 0)
            {
                return change;
            }
        }
    }

    // A host connected to hub, with its own in-memory store.
    private static StatusKitHarness Host(BackplaneHub hub) => new(s => s.AddStatusPages().UseStatusChangeBackplane(_ => hub.Connect()));

    // Another host connected to hub, sharing first's store (as hosts share one database).
    private static StatusKitHarness SecondHost(StatusKitHarness first, BackplaneHub hub) => new(s =>
    {
        s.Replace(ServiceDescriptor.Singleton(first.Store));
        s.AddStatusPages().UseStatusChangeBackplane(_ => hub.Connect());
    });

    private static async Task WaitForTimerAsync(ManualTimeProvider clock, CancellationToken cancellationToken)
    {
        while (clock.ActiveTimerCount == 0)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>An in-process stand-in for a message bus: each connection receives what the others publish.</summary>
    private sealed class BackplaneHub
    {
        private readonly Lock _lock = new();
        private readonly List<Channel<PageChange>> _taps = [];
        private readonly List<(Connection Owner, Channel<PageChange> Channel)> _subscribers = [];

        public IStatusChangeBackplane Connect() => new Connection(this);

        public ChannelReader<PageChange> Tap()
        {
            var channel = Channel.CreateUnbounded<PageChange>();
            lock (_lock)
            {
                _taps.Add(channel);
            }

            return channel.Reader;
        }

        public async Task WaitForSubscribersAsync(int count, CancellationToken cancellationToken)
        {
            while (true)
            {
                lock (_lock)
                {
                    if (_subscribers.Count >= count)
                    {
                        return;
                    }
                }

                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        private void Publish(Connection from, PageChange change)
        {
            lock (_lock)
            {
                foreach (var tap in _taps)
                {
                    tap.Writer.TryWrite(change);
                }

                foreach (var (owner, channel) in _subscribers)
                {
                    if (owner != from)
                    {
                        channel.Writer.TryWrite(change);
                    }
                }
            }
        }

        private sealed class Connection(BackplaneHub hub) : IStatusChangeBackplane
        {
            public Task PublishAsync(PageChange change, CancellationToken cancellationToken)
            {
                hub.Publish(this, change);
                return Task.CompletedTask;
            }

            public async IAsyncEnumerable<PageChange> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                var channel = Channel.CreateUnbounded<PageChange>();
                lock (hub._lock)
                {
                    hub._subscribers.Add((this, channel));
                }

                await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    yield return change;
                }
            }
        }
    }

    /// <summary>A backplane whose publish always fails, or whose first subscriptions fail, and which delivers what the test hands it.</summary>
    private sealed class FailingBackplane(bool failPublish, int failSubscribeTimes) : IStatusChangeBackplane
    {
        private readonly Channel<PageChange> _incoming = Channel.CreateUnbounded<PageChange>();
        private readonly TaskCompletionSource[] _subscribed = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        private int _subscribeCount;

        public TaskCompletionSource PublishAttempted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int SubscribeCount => Volatile.Read(ref _subscribeCount);

        public Task SubscribeAttempted(int count) => _subscribed[count - 1].Task;

        public void Deliver(PageChange change) => _incoming.Writer.TryWrite(change);

        public Task PublishAsync(PageChange change, CancellationToken cancellationToken)
        {
            PublishAttempted.TrySetResult();
            return failPublish ? Task.FromException(new IOException("the bus is down")) : Task.CompletedTask;
        }

        public async IAsyncEnumerable<PageChange> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _subscribeCount);
            if (attempt <= _subscribed.Length)
            {
                _subscribed[attempt - 1].TrySetResult();
            }

            if (attempt <= failSubscribeTimes)
            {
                throw new IOException("the connection was reset");
            }

            await foreach (var change in _incoming.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
    }
}
