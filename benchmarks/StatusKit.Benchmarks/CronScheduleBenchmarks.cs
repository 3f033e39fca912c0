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

    [Benchmark]
    public DateTimeOffset? NextSundayUtc() => sundays.GetNextOccurrence(after, TimeZoneInfo.Utc);

    [Benchmark]
    public DateTimeOffset? NextSundayBerlin() => sundays.GetNextOccurrence(after, berlin);
}
