using BenchmarkDotNet.Attributes;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Benchmarks;

/// <summary>
/// Issue 8, target 1: the statuses of C components from I open incidents. <see cref="Indexed"/> is
/// <see cref="StatusCalculator.ComputeIncidentStatuses(IReadOnlyList{Component}, IReadOnlyList{IncidentSignal}, PriorityStatusMap, Span{ComponentStatus})"/>
/// (index the incidents once, O(C + I)) including the result array; the baseline scans every incident per component.
/// The largest shape (10,000 x 100,000) runs without the baseline in <see cref="StatusComputationScalingBenchmarks"/>:
/// the naive scan costs 20-60 s per operation there, more than the whole short run may take.
/// </summary>
[MemoryDiagnoser]
public class StatusComputationBenchmarks
{
    private Component[] components = [];
    private IncidentSignal[] signals = [];
    private readonly PriorityStatusMap map = PriorityStatusMap.Default;

    public static IEnumerable<Shape> Shapes() => [new(100, 1_000), new(1_000, 10_000)];

    [ParamsSource(nameof(Shapes))]
    public Shape Size { get; set; }

    [GlobalSetup]
    public void Setup() => (components, signals) = StatusData.Build(Size.Components, Size.Incidents, seed: 42);

    [Benchmark(Baseline = true)]
    public ComponentStatus[] NaivePerComponentScan() => NaiveStatusScan.IncidentStatuses(components, signals, map);

    [Benchmark]
    public ComponentStatus[] Indexed()
    {
        var result = new ComponentStatus[components.Length];
        StatusCalculator.ComputeIncidentStatuses(components, signals, map, result);
        return result;
    }
}

/// <summary>
/// The indexed computation alone, across C with I fixed at 10,000 (the allocation column then differs only by the
/// result array: four bytes per component) and at the largest shape, 10,000 x 100,000.
/// </summary>
[MemoryDiagnoser]
public class StatusComputationScalingBenchmarks
{
    private Component[] components = [];
    private IncidentSignal[] signals = [];
    private readonly PriorityStatusMap map = PriorityStatusMap.Default;

    public static IEnumerable<Shape> Shapes() => [new(100, 10_000), new(1_000, 10_000), new(10_000, 10_000), new(10_000, 100_000)];

    [ParamsSource(nameof(Shapes))]
    public Shape Size { get; set; }

    [GlobalSetup]
    public void Setup() => (components, signals) = StatusData.Build(Size.Components, Size.Incidents, seed: 42);

    [Benchmark]
    public ComponentStatus[] Indexed()
    {
        var result = new ComponentStatus[components.Length];
        StatusCalculator.ComputeIncidentStatuses(components, signals, map, result);
        return result;
    }
}

/// <summary>A (components, incidents) pair, shown as "C x I" in the reports.</summary>
public readonly record struct Shape(int Components, int Incidents)
{
    public override string ToString() => $"{Components} x {Incidents}";
}
