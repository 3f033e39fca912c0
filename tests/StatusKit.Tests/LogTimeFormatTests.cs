using System.Globalization;
using Microsoft.Extensions.Logging;
using StatusKit.TestSupport.Fakes;
using DispatchLog = StatusKit.Notifications.Dispatching.Log;
using EngineLog = StatusKit.Engine.Log;

namespace StatusKit.Tests;

/// <summary>
/// The engine's and the notification dispatcher's log text gives every instant as the maintenance scheduler's does: ISO
/// 8601 in UTC (<c>2026-01-05T10:00:00Z</c>), whatever offset the instant carried and whatever the host's culture, so a
/// reader of a host's logs sees one format.
/// </summary>
public sealed class LogTimeFormatTests
{
    // 21:00 on Lord Howe's wall clock in January (+11:00) is 10:00Z.
    private static readonly DateTimeOffset LordHoweNine = new(2026, 1, 5, 21, 0, 0, TimeSpan.FromHours(11));

    public static TheoryData<int> EventsWithInstants => [1006, 1015, 1018, 1443, 1305, 1308];

    [Theory]
    [MemberData(nameof(EventsWithInstants))]
    public void Each_event_with_an_instant_renders_it_as_ISO_8601_UTC_whatever_its_offset_and_culture(int eventId)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var logs = new ListLoggerProvider();
            var logger = logs.CreateLogger("StatusKit.Tests");
            var later = LordHoweNine.AddMinutes(90).AddTicks(1_234_500);

            switch (eventId)
            {
                case 1006: EngineLog.ServingStaleSnapshot(logger, Guid.NewGuid(), LordHoweNine, new TimeoutException()); break;
                case 1015: EngineLog.ManualStatusExpiryFailed(logger, LordHoweNine, new TimeoutException()); break;
                case 1018: EngineLog.UnverifiedSubscriberCleanupFailed(logger, LordHoweNine, new TimeoutException()); break;
                case 1443: EngineLog.HeldNoticesFollowed(logger, "team 'payments'", 2, LordHoweNine, later); break;
                case 1305: DispatchLog.RetryScheduled(logger, Guid.NewGuid(), 2, "timeout", LordHoweNine); break;
                case 1308: DispatchLog.Deferred(logger, Guid.NewGuid(), Guid.NewGuid(), 10, LordHoweNine); break;
            }

            var entry = Assert.Single(logs.Entries);
            Assert.Equal(eventId, entry.EventId.Id);
            Assert.Contains("2026-01-05T10:00:00Z", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("+11:00", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("05.01.2026", entry.Message, StringComparison.Ordinal);
            if (eventId == 1443)
            {
                Assert.Contains("to 2026-01-05T11:30:00.12345Z", entry.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
