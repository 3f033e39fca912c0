using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Benchmarks;

/// <summary>
/// Issue 8, target 2: one incident signal for one team on an in-memory store holding <see cref="TotalComponents"/>
/// components across 100 pages, until the team's new statuses are persisted (and, as the engine always does next, the
/// touched page's snapshot rebuilt and cached). Every invocation flips the incident between Triggered (Critical) and
/// Resolved, so each one changes the team's 10 components and commits 10 history rows.
/// </summary>
/// <remarks>
/// The hot team's 10 components sit on a page of 100 components in both sizes (the average page at 10,000
/// components), so the two sizes differ only in the rest of the store: 99 other pages, one team per 10 components,
/// and one open Low incident for every other team. <see cref="IntakeToSettled"/> is the public path
/// (<c>IIncidentIntake.ReportIncidentAsync</c> + <c>IStatusEngine.WhenIdleAsync</c>, through the engine's queue and
/// pump, which the waiting caller runs itself when no pool thread has started it yet); <see cref="RecomputeTeam"/> stores the signal and calls the internal <c>StatusRecomputer</c> for the
/// team scope directly (no queue, no thread hop). <see cref="SignalToCommit"/> stops where the statuses are persisted:
/// the store's part of a recompute alone, through the public port and the pure calculator.
/// </remarks>
[MemoryDiagnoser]
public class IncrementalRecomputeBenchmarks
{
    private const string HotTeam = "team-hot";
    private const int Pages = 100;
    private const int HotPageSize = 100;
    private const int HotTeamSize = 10;

    private ServiceProvider provider = null!;
    private IIncidentIntake intake = null!;
    private IStatusEngine engine = null!;
    private IStatusStore store = null!;
    private StatusRecomputer recomputer = null!;
    private readonly StatusScope scope = StatusScope.ForTeam(HotTeam);
    private long version;

    [Params(1_000, 10_000)]
    public int TotalComponents { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var memory = new InMemoryStatusStore();
        await SeedAsync(memory, TotalComponents);
        provider = Composition.Build(services =>
        {
            services.AddSingleton<IStatusStore>(memory);
            services.AddStatusPages();
        });
        store = memory;
        intake = provider.GetRequiredService<IIncidentIntake>();
        engine = provider.GetRequiredService<IStatusEngine>();
        recomputer = provider.GetRequiredService<StatusRecomputer>();

        // Warm the page snapshots, as a running host's warm-up service does.
        await engine.RecomputeAllAsync(CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await provider.DisposeAsync();

    [Benchmark]
    public async Task IntakeToSettled()
    {
        await intake.ReportIncidentAsync(NextSignal(), CancellationToken.None);
        await engine.WhenIdleAsync(CancellationToken.None);
    }

    [Benchmark]
    public async Task<int> RecomputeTeam()
    {
        await store.ApplySignalAsync(NextSignal(), CancellationToken.None);
        var changes = await recomputer.RecomputeAsync(scope, "incident INC-hot", causedByIncidents: true, CancellationToken.None);
        return changes.Count;
    }

    /// <summary>
    /// The persisted point: store the signal, load the team's inputs, compute with the pure calculator and commit the
    /// changes (compare-and-set, with their history rows). What the recomputer does before its confirming load, its
    /// log, notification plan, change feed and the snapshot rebuild, which the two benchmarks above include.
    /// </summary>
    [Benchmark]
    public async Task<int> SignalToCommit()
    {
        await store.ApplySignalAsync(NextSignal(), CancellationToken.None);
        var inputs = await store.LoadStatusInputsAsync(scope, CancellationToken.None);
        var now = Composition.T0.AddTicks(version);
        var statuses = StatusCalculator.ComputeEffectiveStatuses(inputs, PriorityStatusMap.Default, now);
        var changes = new List<ComponentStatusChange>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var component = inputs.Components[i];
            if (component.Status != statuses[i])
            {
                changes.Add(new ComponentStatusChange(component.PageId, component.Id, component.Status, statuses[i], now, "incident INC-hot"));
            }
        }

        if (!await store.CommitStatusAsync(new StatusCommit(changes, []), CancellationToken.None))
        {
            throw new InvalidOperationException("The commit lost a compare-and-set race that cannot happen here.");
        }

        return changes.Count;
    }

    private IncidentSignal NextSignal()
    {
        var next = ++version;
        var state = next % 2 == 1 ? PlatformIncidentState.Triggered : PlatformIncidentState.Resolved;
        return Composition.Signal("INC-hot", HotTeam, "Critical", state, next);
    }

    internal static async Task SeedAsync(IStatusStore store, int total)
    {
        var pages = new StatusPage[Pages];
        for (var p = 0; p < Pages; p++)
        {
            pages[p] = Composition.Page(p);
            await store.AddPageAsync(pages[p], CancellationToken.None);
        }

        var index = 0;
        for (var i = 0; i < HotTeamSize; i++)
        {
            await store.AddComponentAsync(Composition.Component(pages[0].Id, index++, HotTeam, i % 2 == 0 ? null : "api"), CancellationToken.None);
        }

        var others = 0;
        while (index < total)
        {
            var page = index < HotPageSize ? pages[0] : pages[1 + (others++ % (Pages - 1))];
            var team = $"team-{index / 10:D5}";
            await store.AddComponentAsync(Composition.Component(page.Id, index, team), CancellationToken.None);
            if (index % 10 == 0)
            {
                await store.ApplySignalAsync(Composition.Signal($"INC-{index}", team, "Low", PlatformIncidentState.Triggered, 1), CancellationToken.None);
            }

            index++;
        }
    }
}
