using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Caching;
using StatusKit.Configuration;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;
using StatusKit.Uptime;

namespace StatusKit.Tests.DependencyInjection;

public sealed class AddStatusPagesTests
{
    [Fact]
    public void AddStatusPages_Twice_AddsNoDescriptorTwice()
    {
        var once = new ServiceCollection().AddLogging();
        once.AddStatusPages();
        var twice = new ServiceCollection().AddLogging();
        twice.AddStatusPages();

        twice.AddStatusPages();

        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(
            once.Select(d => d.ServiceType.FullName).Order(StringComparer.Ordinal),
            twice.Select(d => d.ServiceType.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddStatusPages_Twice_AppliesBothConfigurations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStatusPages(o => o.SnapshotTimeToLive = TimeSpan.FromMinutes(1));
        services.AddStatusPages(o => o.ChangeFeedBufferSize = 9);

        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<StatusPagesOptions>>().Value;

        Assert.Equal((TimeSpan.FromMinutes(1), 9), (options.SnapshotTimeToLive, options.ChangeFeedBufferSize));
    }

    [Fact]
    public async Task PortsTheHostRegisteredFirst_Win()
    {
        var store = new InMemoryStatusStore();
        var cache = new CountingCache();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IStatusStore>(store);
        services.AddSingleton<IStatusCache>(cache);

        services.AddStatusPages();

        await using var provider = services.BuildServiceProvider();
        Assert.Same(store, provider.GetRequiredService<IStatusStore>());
        Assert.Same(cache, provider.GetRequiredService<IStatusCache>());
        Assert.Single(services, d => d.ServiceType == typeof(IStatusStore));
        Assert.Single(services, d => d.ServiceType == typeof(IStatusCache));
        var page = await provider.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme" });
        Assert.NotNull(await store.GetPageAsync(page.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Defaults_AreTheInMemoryStoreAndTheInProcessCache_AndTheSystemClock()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStatusPages();

        await using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryStatusStore>(provider.GetRequiredService<IStatusStore>());
        Assert.IsType<InProcessStatusCache>(provider.GetRequiredService<IStatusCache>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task UseInMemoryStore_ReplacesAStoreRegisteredBefore_AndTwiceIsHarmless()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IStatusStore>(InterceptingStatusStore.Wrap(new InMemoryStatusStore()).Store);

        services.AddStatusPages().UseInMemoryStore().UseInMemoryStore();

        Assert.Single(services, d => d.ServiceType == typeof(IStatusStore));
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<InMemoryStatusStore>(provider.GetRequiredService<IStatusStore>());
    }

    [Fact]
    public async Task UseMemoryCache_And_UseDistributedCache_ReplaceTheCache()
    {
        var memory = new ServiceCollection().AddLogging().AddMemoryCache();
        memory.AddSingleton<IStatusCache>(new CountingCache());
        memory.AddStatusPages().UseMemoryCache().UseMemoryCache();
        var distributed = new ServiceCollection().AddLogging().AddDistributedMemoryCache();
        distributed.AddStatusPages().UseMemoryCache().UseDistributedCache();

        await using var memoryProvider = memory.BuildServiceProvider();
        await using var distributedProvider = distributed.BuildServiceProvider();

        Assert.Single(memory, d => d.ServiceType == typeof(IStatusCache));
        Assert.IsType<MemoryStatusCache>(memoryProvider.GetRequiredService<IStatusCache>());
        Assert.Single(distributed, d => d.ServiceType == typeof(IStatusCache));
        Assert.IsType<DistributedStatusCache>(distributedProvider.GetRequiredService<IStatusCache>());
    }

    [Fact]
    public async Task AHostWithOnlyAddStatusPages_StartsResolvesEveryPublicServiceAndWorks()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddStatusPages();
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var sp = host.Services;
            Type[] publicServices =
            [
                typeof(StatusPageService), typeof(ComponentService), typeof(StatusIncidentService), typeof(SubscriberService),
                typeof(MaintenanceService), typeof(IIncidentIntake), typeof(IStatusEngine), typeof(IStatusPageReader),
                typeof(IStatusChangeFeed), typeof(IUptimeService), typeof(IStatusStore), typeof(IStatusCache),
                typeof(IMaintenanceScheduler), typeof(TimeProvider),
            ];
            Assert.All(publicServices, t => Assert.NotNull(sp.GetRequiredService(t)));

            // Every public StatusKit type registered as a service resolves.
            var registered = builder.Services
                .Where(d => d.ServiceType.Assembly == typeof(StatusPageService).Assembly && d.ServiceType.IsPublic && !d.ServiceType.IsGenericTypeDefinition)
                .Select(d => d.ServiceType)
                .Distinct()
                .ToList();
            Assert.All(registered, t => Assert.NotEmpty(sp.GetServices(t)));
            Assert.Contains(sp.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Webhook);
            Assert.Contains(sp.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Slack);
            Assert.Contains(sp.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Teams);
            Assert.Contains(sp.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Discord);
            Assert.DoesNotContain(sp.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Email);

            var page = await sp.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme" });
            var component = await sp.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "t" });
            var snapshot = await sp.GetRequiredService<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None);
            Assert.Equal(component.Id, Assert.Single(snapshot!.Components).Id);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class CountingCache : IStatusCache
    {
        public ValueTask<Snapshots.PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken) => ValueTask.FromResult<Snapshots.PageSnapshot?>(null);

        public ValueTask SetAsync(Snapshots.PageSnapshot snapshot, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
