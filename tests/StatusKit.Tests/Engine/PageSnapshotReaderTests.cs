using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

public sealed class PageSnapshotReaderTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1_000)]
    public async Task ConcurrentReadersOfAColdPage_CauseExactlyOneStoreLoad(int readers)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.Get<IStatusCache>().RemoveAsync(page.Id, CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loadsBefore = kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync));
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadPageContentAsync) ? gate.Task : null;

        var reads = Enumerable.Range(0, readers).Select(_ => Task.Run(() => kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None).AsTask())).ToList();
        await WaitUntilAsync(() => kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)) > loadsBefore);
        gate.SetResult();
        var snapshots = await Task.WhenAll(reads);

        Assert.Equal(1, kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)) - loadsBefore);
        Assert.All(snapshots, s => Assert.Equal(page.Id, s!.PageId));
    }

    [Fact]
    public async Task ACancelledWindow_LeavesThePagesMaintenance_AndItsCancelIsThePagesLatestChange()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var maintenance = kit.Get<MaintenanceService>();
        var start = kit.Clock.GetUtcNow().AddHours(2);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [components[0].Id],
        }, CancellationToken.None);
        Assert.Single((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.UpcomingMaintenance);
        kit.Clock.Advance(TimeSpan.FromMinutes(30));

        await maintenance.CancelAsync(window.Id, CancellationToken.None);
        await kit.Engine.WhenIdleAsync(CancellationToken.None);
        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Empty(snapshot!.UpcomingMaintenance);
        Assert.Empty(snapshot.ActiveMaintenance);
        Assert.Equal(kit.Clock.GetUtcNow(), snapshot.UpdatedAt);
    }

    [Fact]
    public async Task WhenTheStoreFails_AStaleSnapshotIsServed_AndTheStoreIsRetriedAtMostEveryThrottle()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var good = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(6)); // past the 5-minute cache TTL
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadPageContentAsync) ? throw new TimeoutException("database down") : null;

        var first = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        var callsAfterFirst = kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync));
        kit.Clock.Advance(TimeSpan.FromSeconds(10));
        var second = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        var callsWithinThrottle = kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)) - callsAfterFirst;
        kit.Clock.Advance(TimeSpan.FromSeconds(30));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        var callsAfterThrottle = kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)) - callsAfterFirst;

        Assert.Equal(good!.Version, first!.Version);
        Assert.Equal(good.Version, second!.Version);
        Assert.Equal(0, callsWithinThrottle);
        Assert.Equal(1, callsAfterThrottle);
    }

    [Fact]
    public async Task WhenTheStoreFailsAndNothingIsCached_TheFailureSurfaces()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        kit.Clock.Advance(TimeSpan.FromDays(2));
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadPageContentAsync) ? throw new TimeoutException("database down") : null;

        await Assert.ThrowsAsync<TimeoutException>(() => kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task WhenTheCacheFails_ReadsGoThroughToTheStore()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IStatusCache, FailingCache>());
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));

        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Equal("API", Assert.Single(snapshot!.Components).Name);
    }

    [Fact]
    public async Task BySlug_FindsThePage_AndAnUnknownSlugIsNull()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        Assert.Equal(page.Id, (await kit.Reader.GetSnapshotBySlugAsync(page.Slug, CancellationToken.None))!.PageId);
        Assert.Null(await kit.Reader.GetSnapshotBySlugAsync("no-such-page", CancellationToken.None));
    }

    [Fact]
    public async Task Version_ChangesExactlyWhenTheContentChanges()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var first = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Engine.RecomputePageAsync(page.Id, CancellationToken.None);
        await kit.Pages.UpdateAsync(page.Id, new() { Description = null });
        var unchanged = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        await kit.Components.UpdateAsync(components[0].Id, new() { Name = "Public API" });
        var renamed = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Equal(first!.Version, unchanged!.Version);
        Assert.NotEqual(first.Version, renamed!.Version);
        Assert.Equal("Public API", renamed.Components[0].Name);
    }

    [Fact]
    public async Task Snapshot_CarriesItsUtf8Json()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));

        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        var roundTripped = StatusKit.Serialization.PageSnapshotSerializer.FromUtf8Json(snapshot!.Utf8Json);

        Assert.False(snapshot.Utf8Json.IsEmpty);
        Assert.Equal(snapshot.Version, roundTripped.Version);
        Assert.Equal(snapshot.Components, roundTripped.Components);
    }

    [Fact]
    public async Task ALoadEveryReaderGaveUpOn_IsNotServedLater_SoADeletedPageStaysGone()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.Get<IStatusCache>().RemoveAsync(page.Id, CancellationToken.None);
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(IStatusStore.LoadPageContentAsync))
            {
                return null;
            }

            loading.TrySetResult();
            return gate.Task;
        };
        using var abandoned = new CancellationTokenSource();
        var read = kit.Reader.GetSnapshotAsync(page.Id, abandoned.Token).AsTask();
        await loading.Task;
        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        kit.StoreControl.Before = null;
        gate.SetResult();
        await SharedLoadOf(kit, page.Id);

        Assert.True(await kit.Pages.DeleteAsync(page.Id));

        Assert.Null(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FailSafeThrottle_RunsFromTheFailure_NotFromTheStartOfAnAttemptThatHungUntilATimeout()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var good = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(6));
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(IStatusStore.LoadPageContentAsync))
            {
                return null;
            }

            kit.Clock.Advance(TimeSpan.FromSeconds(60)); // the store hangs until its timeout, then fails
            throw new TimeoutException("database down");
        };

        var first = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        var callsAfterFirst = kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync));
        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Equal(good!.Version, first!.Version);
        Assert.Equal(good.Version, second!.Version);
        Assert.Equal(callsAfterFirst, kit.StoreControl.Calls(nameof(IStatusStore.LoadPageContentAsync)));
    }

    [Fact]
    public async Task FailSafe_OnASharedCache_ServesTheNewestSnapshotThisHostRead()
    {
        var (shared, hostA, hostB) = TwoHostsSharingStoreAndCache();
        await using var disposeA = hostA;
        await using var disposeB = hostB;
        var (page, components) = await hostA.CreatePageAsync("Acme", ("API", "a", null));
        var first = await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        hostA.Clock.Advance(TimeSpan.FromHours(1));
        hostB.Clock.Advance(TimeSpan.FromHours(1));
        await hostA.Components.UpdateAsync(components[0].Id, new() { Name = "Public API" });
        var latest = await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        // The shared entry is evicted and the database goes down: B falls back to what it served last.
        await shared.RemoveAsync("statuskit:page:" + page.Id.ToString("N"));
        hostA.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadPageContentAsync) ? throw new TimeoutException("database down") : null;
        var failSafe = await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Equal("API", first!.Components[0].Name);
        Assert.Equal("Public API", latest!.Components[0].Name);
        Assert.Equal(latest.Version, failSafe!.Version);
    }

    [Fact]
    public async Task WithoutABackplane_AHostThatServedAnotherHostsChangeFromTheSharedCache_TellsItsFeedWhenItChangesBack()
    {
        var (shared, hostA, hostB) = TwoHostsSharingStoreAndCache();
        await using var disposeA = hostA;
        await using var disposeB = hostB;
        var (page, components) = await hostA.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.Equal(StatusIndicator.None, (await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        hostA.Clock.Advance(TimeSpan.FromMinutes(1));
        await hostA.ReportAndSettleAsync(hostA.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        Assert.Equal(StatusIndicator.Critical, (await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(hostB, page.Id, cts.Token);

        hostB.Clock.Advance(TimeSpan.FromMinutes(2));
        await hostB.ReportAndSettleAsync(hostB.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2));
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [(StatusChangeKind.Component, ComponentStatus.Operational), (StatusChangeKind.Page, ComponentStatus.Operational)],
            heard.Select(e => (e.Kind, e.NewStatus)));
        Assert.Equal(components[0].Id, heard[0].ComponentId);
    }

    [Fact]
    public async Task WithoutABackplane_AHostThatServesAnotherHostsNewerSnapshotBetweenItsCommitAndItsPublish_StillTellsItsFeedTheChange()
    {
        var (_, hostA, hostB) = TwoHostsSharingStoreAndCache();
        await using var disposeA = hostA;
        await using var disposeB = hostB;
        var (page, components) = await hostA.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.Equal(StatusIndicator.None, (await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(hostB, page.Id, cts.Token);

        // B's recompute commits the outage, then pauses on its check that nothing else changed, before it tells its feed.
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AfterCommitBeforeConfirm.Install(hostA.StoreControl, () =>
        {
            paused.TrySetResult();
            return resume.Task;
        });
        hostA.Clock.Advance(TimeSpan.FromMinutes(1));
        hostB.Clock.Advance(TimeSpan.FromMinutes(1));
        await hostB.Intake.ReportIncidentAsync(hostB.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1), CancellationToken.None);
        try
        {
            await paused.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // Meanwhile A rebuilds the page from the store (the outage included) into the shared cache, and B serves that.
            hostA.Clock.Advance(TimeSpan.FromMinutes(1));
            await hostA.Components.UpdateAsync(components[0].Id, new() { Name = "Public API" });
            Assert.Equal(StatusIndicator.Critical, (await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        }
        finally
        {
            resume.TrySetResult();
        }

        await hostB.Engine.WhenIdleAsync(CancellationToken.None);
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [(StatusChangeKind.Component, ComponentStatus.MajorOutage), (StatusChangeKind.Page, ComponentStatus.MajorOutage), (StatusChangeKind.Content, ComponentStatus.Operational)],
            heard.Select(e => (e.Kind, e.NewStatus)));
        Assert.Equal(components[0].Id, heard[0].ComponentId);
        Assert.Equal(ComponentStatus.Operational, heard[1].OldStatus);

        // Last, the rename A's rebuild brought, which the pages B served before show under the old name.
        Assert.Null(heard[2].ComponentId);
    }

    [Fact]
    public async Task WithoutABackplane_AHostWhoseClockIsAhead_StillTellsItsFeedTheChangeBackFromAnotherHostsChangeItServed()
    {
        var (_, hostA, hostB) = TwoHostsSharingStoreAndCache();
        await using var disposeA = hostA;
        await using var disposeB = hostB;
        hostB.Clock.Advance(TimeSpan.FromMinutes(10));
        var (page, components) = await hostA.CreatePageAsync("Acme", ("API", "team-a", null));
        await hostB.Components.UpdateAsync(components[0].Id, new() { Name = "Public API" }); // B's own snapshot, on B's clock
        hostA.Clock.Advance(TimeSpan.FromMinutes(1));
        await hostA.ReportAndSettleAsync(hostA.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));

        // A's snapshot is stamped before B's own, yet it is the one B serves now.
        Assert.Equal(StatusIndicator.Critical, (await hostB.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(hostB, page.Id, cts.Token);
        hostB.Clock.Advance(TimeSpan.FromMinutes(2));
        await hostB.ReportAndSettleAsync(hostB.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2));
        var heard = await feed.HeardAsync();
        Assert.Equal(
            [(StatusChangeKind.Component, ComponentStatus.Operational), (StatusChangeKind.Page, ComponentStatus.Operational)],
            heard.Select(e => (e.Kind, e.NewStatus)));
        Assert.Equal(ComponentStatus.MajorOutage, heard[1].OldStatus);
    }

    private static Task SharedLoadOf(StatusKitHarness kit, Guid pageId)
    {
        var field = typeof(PageSnapshotReader).GetField("_loads", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var loads = (System.Collections.Concurrent.ConcurrentDictionary<Guid, Lazy<Task<PageSnapshot?>>>)field.GetValue(kit.Get<PageSnapshotReader>())!;
        return loads.TryGetValue(pageId, out var load) ? load.Value : Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; the bound only guards against a hang.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The condition was not met within 30 seconds.");
            await Task.Delay(5);
        }
    }

    private sealed class FailingCache : IStatusCache
    {
        public ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken) => throw new InvalidOperationException("cache down");

        public ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken) => throw new InvalidOperationException("cache down");

        public ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken) => throw new InvalidOperationException("cache down");
    }

    [Fact]
    public async Task APageDeletedWhileItsSnapshotIsBeingBuilt_LeavesNothingOfItBehind()
    {
        var cache = new GatedCache();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IStatusCache>(cache));
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var reader = kit.Get<PageSnapshotReader>();
        var builder = kit.Get<PageSnapshotBuilder>();
        var gate = new TaskCompletionSource();
        cache.Gate = gate.Task;

        // The build has read the page and is writing its snapshot to the cache when the page is deleted.
        var refresh = reader.RefreshAsync(page.Id, CancellationToken.None);
        await cache.Entered.Task;
        Assert.True(await kit.Pages.DeleteAsync(page.Id));
        gate.SetResult();

        Assert.Null(await refresh);
        Assert.Null(reader.LastKnown(page.Id));
        Assert.Equal(0, builder.PagesKept);
        Assert.Null(await cache.GetAsync(page.Id, CancellationToken.None));
        Assert.Null(await reader.GetSnapshotAsync(page.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ASnapshotBuiltBeforeAResolve_NeverReplacesTheOneBuiltAfterIt()
    {
        var cache = new GatedCache();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IStatusCache>(cache));
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        await cache.RemoveAsync(page.Id, CancellationToken.None); // its time to live ended
        var gate = new TaskCompletionSource();
        cache.Gate = gate.Task;

        // A reader's cold load has built the outage and is writing it to the cache when the incident is resolved: the
        // engine's snapshot of the resolve is written first, the reader's older one after it.
        var read = kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None).AsTask();
        await cache.Entered.Task;
        cache.Gate = null;
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2));
        gate.SetResult();
        await read;

        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.Equal(StatusIndicator.None, snapshot!.Status.Indicator);
        Assert.Equal(StatusIndicator.None, kit.Get<PageSnapshotReader>().LastKnown(page.Id)!.Status.Indicator);
    }

    /// <summary>An in-process cache whose writes can be held at a gate, to interleave a page delete with a build.</summary>
    private sealed class GatedCache : IStatusCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, PageSnapshot> _entries = new();

        public Task? Gate { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_entries.GetValueOrDefault(pageId));

        public async ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken)
        {
            if (Gate is { } gate)
            {
                Entered.TrySetResult();
                await gate;
            }

            _entries[snapshot.PageId] = snapshot;
        }

        public ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken)
        {
            _entries.TryRemove(pageId, out _);
            return ValueTask.CompletedTask;
        }
    }

    // Two hosts without a backplane that share one store and one distributed cache.
    private static (MemoryDistributedCache Shared, StatusKitHarness HostA, StatusKitHarness HostB) TwoHostsSharingStoreAndCache()
    {
        var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var hostA = new StatusKitHarness(services =>
        {
            services.AddSingleton<IDistributedCache>(shared);
            services.AddStatusPages().UseDistributedCache();
        });
        var hostB = new StatusKitHarness(services =>
        {
            services.AddSingleton(hostA.Store);
            services.AddSingleton<IDistributedCache>(shared);
            services.AddStatusPages().UseDistributedCache();
        });
        return (shared, hostA, hostB);
    }
}
