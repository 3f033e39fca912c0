using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>What a maintenance notice tells the subscriber.</summary>
public sealed class MaintenanceNoticesTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public void Plan_PageInBerlin_GivesTheTimesOnTheBerlinClock_AsThePageShowsThem()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");

        var notice = Assert.Single(MaintenanceNotices.Plan(page, window, NotificationKind.MaintenanceReminder, T0, T0.AddHours(1), [subscriber], T0));

        Assert.Equal(
            "Primary database moves to a new major version\n\n2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)",
            notice.Content.Body);
    }

    [Fact]
    public void Plan_OccurrenceAcrossAClockChange_NamesTheOffsetOfEachEnd()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");
        var start = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

        var notice = Assert.Single(MaintenanceNotices.Plan(page, window, NotificationKind.MaintenanceStarted, start, start.AddHours(2), [subscriber], start));

        Assert.EndsWith("2026-03-29 01:30 UTC+01:00 - 2026-03-29 04:30 UTC+02:00 Europe/Berlin", notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_PageInUtc_GivesUtcTimes()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var notice = Assert.Single(MaintenanceNotices.Plan(page, window, NotificationKind.MaintenanceCompleted, T0, T0.AddHours(1), [subscriber], T0));

        Assert.EndsWith("2026-01-05 09:00 - 2026-01-05 10:00 UTC", notice.Content.Body, StringComparison.Ordinal);
    }

    private static (StatusPage Page, MaintenanceWindow Window, Subscriber Subscriber) Arrange(string pageTimeZone)
    {
        var page = TestData.Page() with { TimeZoneId = pageTimeZone };
        var window = TestData.Window(page.Id, componentIds: []);
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Email) with { IsVerified = true, IsActive = true };
        return (page, window, subscriber);
    }
}
