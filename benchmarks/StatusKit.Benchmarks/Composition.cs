using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.InMemory;
using StatusKit.Engine;

namespace StatusKit.Benchmarks;

/// <summary>
/// StatusKit composed the way a host composes it (<c>AddStatusPages()</c>), like <c>StatusKit.TestSupport.StatusKitHarness</c>:
/// loggers are null loggers and no hosted service runs, so only the measured path does work.
/// </summary>
internal static class Composition
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        configure(services);
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// An in-memory store holding page 0 with <paramref name="components"/> components (ten per team), StatusKit composed
    /// over it (<c>AddStatusPages()</c>, then <paramref name="configure"/>), and the page's snapshot built and cached.
    /// </summary>
    public static async Task<WarmPage> WarmPageAsync(int components, Action<IStatusPagesBuilder>? configure = null)
    {
        var store = new InMemoryStatusStore();
        var page = Page(0);
        await store.AddPageAsync(page, CancellationToken.None);
        for (var i = 0; i < components; i++)
        {
            await store.AddComponentAsync(Component(page.Id, i, $"team-{i / 10}"), CancellationToken.None);
        }

        var provider = Build(services =>
        {
            services.AddSingleton<IStatusStore>(store);
            var builder = services.AddStatusPages();
            configure?.Invoke(builder);
        });
        var snapshot = await provider.GetRequiredService<PageSnapshotReader>().RefreshAsync(page.Id, CancellationToken.None)
                       ?? throw new InvalidOperationException("The page has no snapshot.");
        return new WarmPage(provider, store, page, snapshot);
    }

    public static StatusPage Page(int index) => new()
    {
        Id = Guid.CreateVersion7(T0),
        Name = $"Page {index:D3}",
        Slug = $"page-{index:D3}",
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static Component Component(Guid pageId, int index, string team, string? service = null) => new()
    {
        Id = Guid.CreateVersion7(T0),
        PageId = pageId,
        Name = $"Component {index:D5}",
        Description = "An API endpoint of the platform, served from two regions.",
        GroupName = $"Group {index % 5}",
        DisplayOrder = index,
        TeamId = team,
        ServiceIdentifier = service,
        StatusUpdatedAt = T0,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static IncidentSignal Signal(string incidentId, string team, string priority, PlatformIncidentState state, long version) => new()
    {
        IncidentId = incidentId,
        TeamId = team,
        Priority = priority,
        State = state,
        Version = version,
        OccurredAt = T0,
        Title = "Elevated error rates",
    };
}

/// <summary>What <see cref="Composition.WarmPageAsync"/> set up.</summary>
internal sealed record WarmPage(ServiceProvider Provider, IStatusStore Store, StatusPage Page, PageSnapshot Snapshot);
