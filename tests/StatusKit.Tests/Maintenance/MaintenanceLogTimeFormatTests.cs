using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// A reader of the maintenance scheduler's log text sees every instant in one unambiguous format, ISO 8601 in UTC
/// (<c>2026-01-05T10:00:00Z</c>), whatever the offset the instant carried (a window's occurrences are computed on its
/// zone's wall clock) and whatever the host's culture.
/// </summary>
public sealed partial class MaintenanceLogTimeFormatTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    // 21:00 on Lord Howe's wall clock in January (+11:00) is 10:00Z.
    private static readonly DateTimeOffset LordHoweNine = new(2026, 1, 5, 21, 0, 0, TimeSpan.FromHours(11));

    public static TheoryData<int> EventsWithInstants => [1200, 1203, 1204, 1205, 1206];

    [Fact]
    public async Task The_scheduler_renders_the_instants_of_a_window_in_another_zone_as_ISO_8601_UTC()
    {
        using var _ = new CultureScope("de-DE");
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(
            time, configure: o => (o.ReminderLeadTime, o.RescanInterval) = (TimeSpan.Zero, TimeSpan.FromHours(1)), runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        // The first occurrence passes while the scheduler is not running; the loop starts and completes the second.
        await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, LordHoweNine, LordHoweNine.AddHours(1)) with { TimeZoneId = "Australia/Lord_Howe", Recurrence = "FREQ=DAILY;COUNT=3" });
        time.SetUtcNow(T0.AddHours(3));
        await host.StartLoopAsync();
        await host.RunUntilAsync(T0.AddDays(1).AddHours(2));

        var messages = MaintenanceMessages(host.Logs);
        Assert.Contains(messages, m => m.Contains("the occurrence 2026-01-05T10:00:00Z - 2026-01-05T11:00:00Z passed while the scheduler was not running", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith(": Start applied for the occurrence starting 2026-01-06T10:00:00Z; now InProgress", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith(": End applied for the occurrence starting 2026-01-06T10:00:00Z; now Scheduled", StringComparison.Ordinal));
        Assert.Contains("Maintenance scheduler: 1 transition(s) applied; next wake-up at 2026-01-05T13:00:00Z", messages);
        AssertOnlyIsoUtcInstants(messages);
    }

    [Fact]
    public async Task A_failing_transition_renders_when_it_is_tried_again_as_ISO_8601_UTC()
    {
        using var _ = new CultureScope("en-US");
        var time = new ManualTimeProvider(T0);
        var chaos = new ChaosStatusStore(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, chaos.Store, o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        time.SetUtcNow(T0.AddHours(1));
        chaos.FailMaintenanceWindowUpdates(int.MaxValue);

        var run = host.Port.RunDueTransitionsAsync(CancellationToken.None);
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        time.Advance(TimeSpan.FromSeconds(2));
        await run;

        var messages = MaintenanceMessages(host.Logs);
        Assert.Contains(messages, m => m.EndsWith(": the transition failed after every attempt; it is tried again at 2026-01-05T10:00:04Z", StringComparison.Ordinal));
        AssertOnlyIsoUtcInstants(messages);
    }

    [Theory]
    [MemberData(nameof(EventsWithInstants))]
    public void Each_event_with_an_instant_renders_it_as_ISO_8601_UTC_whatever_its_offset(int eventId)
    {
        using var _ = new CultureScope("fr-FR");
        var logs = new ListLoggerProvider();
        var logger = logs.CreateLogger("StatusKit.Maintenance.MaintenanceScheduler");
        var windowId = Guid.NewGuid();
        var later = LordHoweNine.AddHours(1).AddTicks(1_234_500);

        switch (eventId)
        {
            case 1200: Log.TransitionApplied(logger, windowId, MaintenanceTransitionKind.Start, LordHoweNine, MaintenanceState.InProgress); break;
            case 1203: Log.TransitionFailed(logger, windowId, LordHoweNine, new TimeoutException()); break;
            case 1204: Log.OccurrenceMissed(logger, windowId, LordHoweNine, later); break;
            case 1205: Log.PassCompleted(logger, 1, LordHoweNine); break;
            case 1206: Log.PassFailed(logger, LordHoweNine, new TimeoutException()); break;
        }

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(eventId, entry.EventId.Id);
        Assert.Contains("2026-01-05T10:00:00Z", entry.Message, StringComparison.Ordinal);
        if (eventId == 1204)
        {
            Assert.Contains("2026-01-05T11:00:00.12345Z", entry.Message, StringComparison.Ordinal);
        }

        AssertOnlyIsoUtcInstants([entry.Message]);
    }

    private static List<string> MaintenanceMessages(ListLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category.StartsWith("StatusKit.Maintenance", StringComparison.Ordinal)).Select(e => e.Message).ToList();

    private static void AssertOnlyIsoUtcInstants(IReadOnlyList<string> messages)
    {
        Assert.Contains(messages, m => Instant().IsMatch(m));
        Assert.All(messages, m => Assert.DoesNotMatch(OtherDate(), Instant().Replace(m, "<instant>")));
    }

    // ISO 8601 in UTC, to the second, with a fraction only when there is one.
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z\b")]
    private static partial Regex Instant();

    // Anything else that looks like a date, or an offset.
    [GeneratedRegex(@"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[+-]\d{2}:\d{2}\b")]
    private static partial Regex OtherDate();

    /// <summary>Sets the current culture (which flows into the scheduler's work) until disposed.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
