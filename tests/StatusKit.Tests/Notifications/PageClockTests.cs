using StatusKit.Notifications;

namespace StatusKit.Tests.Notifications;

/// <summary>Times in notifications, on the page's clock.</summary>
public sealed class PageClockTests
{
    [Fact]
    public void Times_OfAZoneStoredInAnotherCase_AreOnThatZonesClock_UnderItsOwnId()
    {
        // A zone no other test reads, so the process has not cached it under its own id before.
        var at = new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-01-05 00:00 Pacific/Marquesas (UTC-09:30)", PageClock.Instant(at, "pacific/marquesas"));
        Assert.Equal(
            "2026-01-05 00:00 - 2026-01-05 01:00 Pacific/Marquesas (UTC-09:30)", PageClock.Range(at, at.AddHours(1), "PACIFIC/MARQUESAS"));
    }
}
