using BenchmarkDotNet.Attributes;
using StatusKit.Recurrence;

namespace StatusKit.Benchmarks;

/// <summary>
/// The RRULE targets of issue 3: the next occurrence of a weekly maintenance window whose DTSTART
/// lies a year back (under 2 µs, at most 4 allocations), and parsing a typical rule (under 2 µs).
/// </summary>
[MemoryDiagnoser]
public class RecurrenceRuleBenchmarks
{
    private const string WeeklyText = "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0";
    private const string TypicalText = "RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1TU;BYHOUR=22;BYMINUTE=30;COUNT=12";

    private readonly TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly RecurrenceRule weekly = RecurrenceRule.Parse(WeeklyText);
    private readonly DateTime start = new(2024, 6, 2, 2, 0, 0, DateTimeKind.Unspecified);
    private readonly DateTimeOffset after = new(2025, 6, 4, 10, 17, 0, TimeSpan.Zero);

    // The next occurrence is 2025-10-26 02:00, ambiguous in Berlin: the exact TimeZoneInfo path.
    private readonly DateTimeOffset beforeFold = new(2025, 10, 25, 12, 0, 0, TimeSpan.Zero);

    [Benchmark]
    public DateTimeOffset? NextWeeklyOccurrenceBerlin() => weekly.GetNextOccurrence(start, berlin, after);

    [Benchmark]
    public DateTimeOffset? NextWeeklyOccurrenceBerlinAtFold() => weekly.GetNextOccurrence(start, berlin, beforeFold);

    [Benchmark]
    public RecurrenceRule ParseTypicalRule() => RecurrenceRule.Parse(TypicalText);

    [Benchmark]
    public RecurrenceRule ParseWeeklyRule() => RecurrenceRule.Parse(WeeklyText);
}
