using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;

namespace StatusKit.TestSupport;

/// <summary>
/// StatusKit composed through <c>AddStatusPages()</c> over the in-memory store (wrapped so tests can count or disturb
/// store calls) and a manual clock. Dispose to stop the engine.
/// </summary>
public sealed class StatusKitHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public StatusKitHarness(Action<IServiceCollection>? configure = null, DateTimeOffset? start = null)
    {
        Clock = new ManualTimeProvider(start);
        (Store, StoreControl) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Store);
        services.AddStatusPages();
        configure?.Invoke(services);

        // No host here: tests drive the background services' passes themselves.
        services.RemoveAll<IHostedService>();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ManualTimeProvider Clock { get; }

    public IStatusStore Store { get; }

    public InterceptingStatusStore StoreControl { get; }

    public IServiceProvider Services => _provider;

    public IIncidentIntake Intake => Get<IIncidentIntake>();

    public IStatusEngine Engine => Get<IStatusEngine>();

    public IStatusPageReader Reader => Get<IStatusPageReader>();

    public StatusPageService Pages => Get<StatusPageService>();

    public ComponentService Components => Get<ComponentService>();

    public StatusIncidentService Incidents => Get<StatusIncidentService>();

    public SubscriberService Subscribers => Get<SubscriberService>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Creates a page with components, one per (name, team, service).</summary>
    public async Task<(StatusPage Page, IReadOnlyList<Component> Components)> CreatePageAsync(
        string name = "Acme",
        params (string Name, string? Team, string? Service)[] components)
    {
        var page = await Pages.CreateAsync(new CreateStatusPage { Name = name });
        var created = new List<Component>();
        foreach (var (componentName, team, service) in components)
        {
            created.Add(await Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = componentName, TeamId = team, ServiceIdentifier = service }));
        }

        return (page, created);
    }

    /// <summary>A signal for <paramref name="incidentId"/> of <paramref name="team"/> at the clock's time.</summary>
    public IncidentSignal Signal(string incidentId, string team, string priority, PlatformIncidentState state, long version, string? service = null) => new()
    {
        IncidentId = incidentId,
        TeamId = team,
        ServiceIdentifier = service,
        Priority = priority,
        State = state,
        Version = version,
        OccurredAt = Clock.GetUtcNow(),
    };

    /// <summary>Reports a signal and waits until the background recompute finished.</summary>
    public async Task<SignalApplyResult> ReportAndSettleAsync(IncidentSignal signal)
    {
        var result = await Intake.ReportIncidentAsync(signal, CancellationToken.None);
        await Engine.WhenIdleAsync(CancellationToken.None);
        return result;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
