using BenchmarkDotNet.Attributes;
using StatusKit.Recurrence;

namespace StatusKit.Benchmarks;

/// <summary>The cron targets of issue 3: <c>0 2 * * SUN</c> in UTC (under 300 ns, no allocation) and in Europe/Berlin (under 1 µs).</summary>
[MemoryDiagnoser]
public class CronScheduleBenchmarks
{
    private readonly CronSchedule sundays = CronSchedule.Parse("0 2 * * SUN");
    private readonly TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly DateTimeOffset after = new(2025, 6, 4, 10, 17, 0, TimeSpan.Zero);

    // The Saturday before the autumn fold: the next occurrence (02:00) is an ambiguous wall time,
    // so this measures the exact path through TimeZoneInfo, not the steady-offset cache.
    private readonly DateTimeOffset beforeFold = new(2025, 10, 25, 12, 0, 0, TimeSpan.Zero);

    [Benchmark]
    public DateTimeOffset? NextSundayUtc() => sundays.GetNextOccurrence(after, TimeZoneInfo.Utc);

    [Benchmark]
    public DateTimeOffset? NextSundayBerlin() => sundays.GetNextOccurrence(after, berlin);

    [Benchmark]
    public DateTimeOffset? NextSundayBerlinAtFold() => sundays.GetNextOccurrence(beforeFold, berlin);
}
