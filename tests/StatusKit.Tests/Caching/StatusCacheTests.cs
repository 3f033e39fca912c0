using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StatusKit.Caching;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Serialization;
using StatusKit.Services;
using StatusKit.Snapshots;
using StatusKit.TestSupport;
using StatusKit.Testing;

namespace StatusKit.Tests.Caching;

public sealed class StatusCacheTests
{
    private static readonly IOptions<StatusPagesOptions> FiveMinutes = Options.Create(new StatusPagesOptions());

    [Fact]
    public async Task InProcessCache_KeepsASnapshotForTheTimeToLive_OnTheInjectedClock()
    {
        var clock = new ManualTimeProvider();
        var cache = new InProcessStatusCache(FiveMinutes, clock);
        var snapshot = await SnapshotAsync();

        await cache.SetAsync(snapshot, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        var justBefore = await cache.GetAsync(snapshot.PageId, CancellationToken.None);
        clock.Advance(TimeSpan.FromTicks(1));
        var atExpiry = await cache.GetAsync(snapshot.PageId, CancellationToken.None);

        Assert.Same(snapshot, justBefore);
        Assert.Null(atExpiry);
    }

    [Fact]
    public async Task InProcessCache_SetReplacesAndRestartsTheTimeToLive_AndRemoveForgets()
    {
        var clock = new ManualTimeProvider();
        var cache = new InProcessStatusCache(FiveMinutes, clock);
        var first = await SnapshotAsync();
        var second = first with { Version = "v2" };
        var other = first with { PageId = Guid.NewGuid() };

        await cache.SetAsync(first, CancellationToken.None);
        await cache.SetAsync(other, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        await cache.SetAsync(second, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Same(second, await cache.GetAsync(first.PageId, CancellationToken.None));
        Assert.Null(await cache.GetAsync(other.PageId, CancellationToken.None));
        await cache.RemoveAsync(first.PageId, CancellationToken.None);
        Assert.Null(await cache.GetAsync(first.PageId, CancellationToken.None));
    }

    [Fact]
    public async Task MemoryCache_RoundTripsAndExpiresOnTheMemoryCachesClock()
    {
        var clock = new ManualTimeProvider();
        using var memory = new MemoryCache(new MemoryCacheOptions { Clock = new SystemClockAdapter(clock) });
        var cache = new MemoryStatusCache(memory, FiveMinutes);
        var snapshot = await SnapshotAsync();

        await cache.SetAsync(snapshot, CancellationToken.None);
        var hit = await cache.GetAsync(snapshot.PageId, CancellationToken.None);
        var miss = await cache.GetAsync(Guid.NewGuid(), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var expired = await cache.GetAsync(snapshot.PageId, CancellationToken.None);

        Assert.Same(snapshot, hit);
        Assert.Null(miss);
        Assert.Null(expired);
    }

    [Fact]
    public async Task MemoryCache_Remove_Forgets()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new MemoryStatusCache(memory, FiveMinutes);
        var snapshot = await SnapshotAsync();
        await cache.SetAsync(snapshot, CancellationToken.None);

        await cache.RemoveAsync(snapshot.PageId, CancellationToken.None);

        Assert.Null(await cache.GetAsync(snapshot.PageId, CancellationToken.None));
    }

    [Fact]
    public async Task DistributedCache_RoundTripsASnapshotThroughItsUtf8Json()
    {
        var distributed = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var cache = new DistributedStatusCache(distributed, FiveMinutes);
        var snapshot = await SnapshotAsync();

        await cache.SetAsync(snapshot, CancellationToken.None);
        var read = await cache.GetAsync(snapshot.PageId, CancellationToken.None);

        Assert.NotNull(read);
        Assert.NotSame(snapshot, read);
        Assert.Equal(PageSnapshotSerializer.ToUtf8Json(snapshot).ToArray(), read.Utf8Json.ToArray());
        Assert.Equal((snapshot.PageId, snapshot.Slug, snapshot.Version, snapshot.Status), (read.PageId, read.Slug, read.Version, read.Status));
        Assert.Equal(snapshot.Components, read.Components);
        Assert.Equal(snapshot.UnresolvedIncidents.Select(i => (i.Id, i.Title, i.Updates.Count)), read.UnresolvedIncidents.Select(i => (i.Id, i.Title, i.Updates.Count)));
        Assert.Null(await cache.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task DistributedCache_SetsTheTimeToLive_AndRemoveForgets()
    {
        var distributed = new RecordingDistributedCache();
        var cache = new DistributedStatusCache(distributed, Options.Create(new StatusPagesOptions { SnapshotTimeToLive = TimeSpan.FromSeconds(42) }));
        var snapshot = await SnapshotAsync();

        await cache.SetAsync(snapshot, CancellationToken.None);
        await cache.RemoveAsync(snapshot.PageId, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(42), distributed.LastOptions!.AbsoluteExpirationRelativeToNow);
        Assert.Null(await cache.GetAsync(snapshot.PageId, CancellationToken.None));
    }

    /// <summary>A real snapshot with components and an unresolved incident, built through the engine.</summary>
    private static async Task<PageSnapshot> SnapshotAsync()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "t", null), ("Web", null, null));
        await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking", Severity = StatusIncidentSeverity.Major, ComponentIds = [components[0].Id],
        });
        return (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
    }

#pragma warning disable CS0618 // ISystemClock is what MemoryCacheOptions.Clock takes.
    private sealed class SystemClockAdapter(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618

    private sealed class RecordingDistributedCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

        public DistributedCacheEntryOptions? LastOptions { get; private set; }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            LastOptions = options;
            _inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            LastOptions = options;
            return _inner.SetAsync(key, value, options, token);
        }
    }
}
