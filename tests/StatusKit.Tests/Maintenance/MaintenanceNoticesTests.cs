using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Notifications.Webhooks;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>What a maintenance notice tells the subscriber.</summary>
public sealed class MaintenanceNoticesTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    // The times a rescheduled occurrence had before it moved.
    private static readonly OccurrenceSpan Earlier = new(TestData.T0, TestData.T0.AddHours(1));

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

    [Fact]
    public void Plan_Cancelled_SaysTheOccurrenceWillNotTakePlace_WithItsTimesOnThePageClock()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");

        var oneOff = window with { Recurrence = null };

        var notice = Assert.Single(MaintenanceNotices.Plan(page, oneOff, NotificationKind.MaintenanceCancelled, T0, T0.AddHours(1), [subscriber], T0));

        Assert.Equal($"[{page.Name}] Maintenance cancelled: Database upgrade", notice.Content.Subject);
        Assert.Equal(
            "Primary database moves to a new major version\n\nCancelled: this maintenance will not take place.\n\n"
            + "2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)",
            notice.Content.Body);
        Assert.Equal(window.Id, notice.Content.MaintenanceWindowId);
    }

    [Fact]
    public void Plan_CancelledRecurringWindow_SaysItsLaterOccurrencesAreCancelledToo()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = "FREQ=WEEKLY" }, NotificationKind.MaintenanceCancelled, T0, T0.AddHours(1), [subscriber], T0));

        Assert.Contains("Cancelled: this maintenance and its later occurrences will not take place.", notice.Content.Body, StringComparison.Ordinal);
        Assert.EndsWith("2026-01-05 09:00 - 2026-01-05 10:00 UTC", notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_RendersInEmailSlackTeamsAndWebhook_LikeTheOtherMaintenanceNotices_WithThePageLink()
    {
        var (page, window, subscriber) = Arrange("UTC");
        var content = Assert.Single(MaintenanceNotices.Plan(page, window with { Recurrence = null }, NotificationKind.MaintenanceCancelled, T0, T0.AddHours(1), [subscriber], T0)).Content
            with { Link = "https://status.acme.test/acme" };

        var text = EmailRenderer.Text(content, null);
        Assert.StartsWith($"{content.Subject}\n\n{content.Body}\n\nView it on the status page: https://status.acme.test/acme", text, StringComparison.Ordinal);
        Assert.Contains("Cancelled: this maintenance will not take place.", EmailRenderer.Html(content, null), StringComparison.Ordinal);

        var slack = SlackMessageBuilder.Build(content, "View status page");
        Assert.Equal(content.Subject, slack.Text);
        Assert.Equal(["header", "section", "context"], slack.Blocks.Select(b => b.Type));
        Assert.Contains("2026-01-05 09:00 - 2026-01-05 10:00 UTC", slack.Blocks[1].Text!.Text, StringComparison.Ordinal);
        Assert.EndsWith("<https://status.acme.test/acme|View status page>", slack.Blocks[2].Elements![0].Text, StringComparison.Ordinal);

        var teams = TeamsCardBuilder.Build(content, "View status page").Attachments[0].Content;
        Assert.Equal(content.Subject, teams.Body[0].Inlines[0].Text);
        Assert.Contains(teams.Body, b => b.Inlines[0].Text.Contains("2026-01-05 09:00 - 2026-01-05 10:00 UTC", StringComparison.Ordinal));
        Assert.Equal([("View status page", "https://status.acme.test/acme")], teams.Actions.Select(a => (a.Title, a.Url)));

        Assert.Equal("maintenance.cancelled", WebhookEventNames.TypeOf(NotificationKind.MaintenanceCancelled));
    }

    [Fact]
    public void Plan_Rescheduled_SaysTheOldTimesAndEndsWithTheNewOnes_OnThePageClock()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");
        var oneOff = window with { Recurrence = null };

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, oneOff, NotificationKind.MaintenanceRescheduled, T0.AddHours(4), T0.AddHours(5), [subscriber], T0, Earlier));

        Assert.Equal($"[{page.Name}] Maintenance rescheduled: Database upgrade", notice.Content.Subject);
        Assert.Equal(
            "Primary database moves to a new major version\n\n"
            + "Rescheduled: this maintenance moved from 2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00) to:\n\n"
            + "2026-01-05 14:00 - 2026-01-05 15:00 Europe/Berlin (UTC+01:00)",
            notice.Content.Body);
        Assert.Equal(
            (T0.AddHours(4), T0.AddHours(5), T0, T0.AddHours(1)),
            (notice.Content.OccurrenceStartsAt, notice.Content.OccurrenceEndsAt, notice.Content.PreviousOccurrenceStartsAt, notice.Content.PreviousOccurrenceEndsAt));
        Assert.Equal(window.Id, notice.Content.MaintenanceWindowId);
    }

    [Fact]
    public void Plan_RescheduledRecurringWindow_SaysItsNextOccurrenceMoved()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = "FREQ=WEEKLY" }, NotificationKind.MaintenanceRescheduled, T0.AddHours(4), T0.AddHours(5), [subscriber], T0, Earlier));

        Assert.Contains(
            "Rescheduled: the next occurrence of this maintenance moved from 2026-01-05 09:00 - 2026-01-05 10:00 UTC to:",
            notice.Content.Body,
            StringComparison.Ordinal);
        Assert.EndsWith("2026-01-05 13:00 - 2026-01-05 14:00 UTC", notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Rescheduled_KeysItsDeduplicationByTheWindowVersionItReplaces_SoEveryMoveIsTold()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var there = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Version = 7 }, NotificationKind.MaintenanceRescheduled, T0.AddHours(4), T0.AddHours(5), [subscriber], T0, Earlier));
        var backThereAgain = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Version = 9 }, NotificationKind.MaintenanceRescheduled, T0.AddHours(4), T0.AddHours(5), [subscriber], T0, Earlier));

        Assert.Equal($"maintenance|{window.Id:N}|{T0.AddHours(4).UtcTicks}|rescheduled|7|{subscriber.Id:N}", there.DeduplicationKey);
        Assert.NotEqual(there.DeduplicationKey, backThereAgain.DeduplicationKey);
    }

    [Fact]
    public void Plan_Scheduled_NamesTheWindowAndEndsWithItsTimesOnThePageClock()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = null }, NotificationKind.MaintenanceScheduled, T0, T0.AddHours(1), [subscriber], T0.AddDays(-2)));

        Assert.Equal($"[{page.Name}] Maintenance scheduled: Database upgrade", notice.Content.Subject);
        Assert.Equal(
            "Primary database moves to a new major version\n\n2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)",
            notice.Content.Body);
        Assert.Equal($"maintenance|{window.Id:N}|{T0.UtcTicks}|scheduled|{subscriber.Id:N}", notice.DeduplicationKey);
        Assert.Equal("maintenance.scheduled", WebhookEventNames.TypeOf(NotificationKind.MaintenanceScheduled));
    }

    [Fact]
    public void Plan_ScheduledOccurrenceBroughtBack_SaysItTakesPlaceAfterAll_KeyedByTheWindowVersionItReplaces()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var recurring = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = "FREQ=DAILY", Version = 4 }, NotificationKind.MaintenanceScheduled, T0, T0.AddHours(1), [subscriber], T0.AddDays(-1), reinstated: true));
        var oneOff = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = null, Version = 6 }, NotificationKind.MaintenanceScheduled, T0, T0.AddHours(1), [subscriber], T0.AddDays(-1), reinstated: true));

        Assert.Equal($"[{page.Name}] Maintenance scheduled: Database upgrade", recurring.Content.Subject);
        Assert.EndsWith(
            "Back on: this occurrence of the maintenance, cancelled earlier, will take place after all.\n\n2026-01-05 09:00 - 2026-01-05 10:00 UTC",
            recurring.Content.Body,
            StringComparison.Ordinal);
        Assert.Contains("Back on: this maintenance, cancelled earlier, will take place after all.", oneOff.Content.Body, StringComparison.Ordinal);
        Assert.Equal($"maintenance|{window.Id:N}|{T0.UtcTicks}|scheduled|4|{subscriber.Id:N}", recurring.DeduplicationKey);
        Assert.Throws<ArgumentException>(() => MaintenanceNotices.Plan(
            page, window, NotificationKind.MaintenanceReminder, T0, T0.AddHours(1), [subscriber], T0, reinstated: true));
    }

    [Fact]
    public void Plan_CancelledOccurrenceAlone_IsKeyedByTheWindowVersionItReplaces_SoExcludingItAgainIsTold()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Version = 5 }, NotificationKind.MaintenanceCancelled, T0, T0.AddHours(1), [subscriber], T0, onlyThisOccurrence: true));

        Assert.Equal($"maintenance|{window.Id:N}|{T0.UtcTicks}|cancelled|5|{subscriber.Id:N}", notice.DeduplicationKey);
    }

    [Fact]
    public void Plan_ScheduledRecurringWindow_SaysItRecursBeforeTheTimesOfItsNextOccurrence()
    {
        var (page, window, subscriber) = Arrange("UTC");

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = "FREQ=WEEKLY" }, NotificationKind.MaintenanceScheduled, T0, T0.AddHours(1), [subscriber], T0.AddDays(-2)));

        Assert.EndsWith("This maintenance recurs; its next occurrence:\n\n2026-01-05 09:00 - 2026-01-05 10:00 UTC", notice.Content.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationKind.MaintenanceReminder)]
    [InlineData(NotificationKind.MaintenanceStarted)]
    [InlineData(NotificationKind.MaintenanceCompleted)]
    [InlineData(NotificationKind.MaintenanceCancelled)]
    [InlineData(NotificationKind.MaintenanceScheduled)]
    public void Plan_AnyMaintenanceNotice_CarriesTheOccurrenceTimes_AndNoPreviousOnes(NotificationKind kind)
    {
        var (page, window, subscriber) = Arrange("UTC");

        var content = Assert.Single(MaintenanceNotices.Plan(page, window, kind, T0, T0.AddHours(1), [subscriber], T0)).Content;

        Assert.Equal((T0, T0.AddHours(1)), (content.OccurrenceStartsAt, content.OccurrenceEndsAt));
        Assert.Null(content.PreviousOccurrenceStartsAt);
        Assert.Null(content.PreviousOccurrenceEndsAt);
    }

    [Fact]
    public void Rescheduled_RendersInEmailSlackTeamsAndWebhook_WithTheNewTimesOnThePageClock()
    {
        var (page, window, subscriber) = Arrange("Europe/Berlin");
        var content = Assert.Single(MaintenanceNotices.Plan(
                page, window with { Recurrence = null }, NotificationKind.MaintenanceRescheduled, T0.AddHours(4), T0.AddHours(5), [subscriber], T0, Earlier))
            .Content with { Link = "https://status.acme.test/acme" };
        const string NewTimes = "2026-01-05 14:00 - 2026-01-05 15:00 Europe/Berlin (UTC+01:00)";

        var text = EmailRenderer.Text(content, null);
        Assert.StartsWith($"{content.Subject}\n\n{content.Body}\n\nView it on the status page: https://status.acme.test/acme", text, StringComparison.Ordinal);
        Assert.Contains(NewTimes, EmailRenderer.Html(content, null), StringComparison.Ordinal);

        var slack = SlackMessageBuilder.Build(content, "View status page");
        Assert.Equal(content.Subject, slack.Text);
        Assert.Equal(["header", "section", "context"], slack.Blocks.Select(b => b.Type));
        Assert.EndsWith(NewTimes, slack.Blocks[1].Text!.Text, StringComparison.Ordinal);

        var teams = TeamsCardBuilder.Build(content, "View status page").Attachments[0].Content;
        Assert.Equal(content.Subject, teams.Body[0].Inlines[0].Text);
        Assert.EndsWith(NewTimes, teams.Body[^2].Inlines[0].Text, StringComparison.Ordinal);

        Assert.Equal("maintenance.rescheduled", WebhookEventNames.TypeOf(NotificationKind.MaintenanceRescheduled));
    }

    [Theory]
    [InlineData(NotificationKind.MaintenanceReminder)]
    [InlineData(NotificationKind.MaintenanceStarted)]
    [InlineData(NotificationKind.MaintenanceCompleted)]
    [InlineData(NotificationKind.MaintenanceCancelled)]
    [InlineData(NotificationKind.MaintenanceRescheduled)]
    [InlineData(NotificationKind.MaintenanceScheduled)]
    public void Plan_SubscriberWithoutTheMaintenanceEvent_GetsNoNotice(NotificationKind kind)
    {
        var (page, window, maintenanceToo) = Arrange("UTC");
        var allButMaintenance = maintenanceToo with
        {
            Id = Guid.NewGuid(),
            NotifyOn = NotificationEvents.All & ~NotificationEvents.Maintenance,
        };

        var notices = MaintenanceNotices.Plan(page, window, kind, T0, T0.AddHours(1), [maintenanceToo, allButMaintenance], T0,
            kind == NotificationKind.MaintenanceRescheduled ? Earlier : null);

        Assert.Equal([maintenanceToo.Id], notices.Select(n => n.SubscriberId));
    }

    [Fact]
    public void Plan_SubscriberWithTheMaintenanceEvent_GetsTheNoticeOnlyWhenItFollowsAComponentOfTheWindow()
    {
        var (page, window, subscriber) = Arrange("UTC");
        var covered = Guid.NewGuid();
        var followsTheCoveredComponent = subscriber with { Id = Guid.NewGuid(), ComponentIds = [covered, Guid.NewGuid()] };
        var followsEveryComponent = subscriber with { Id = Guid.NewGuid(), ComponentIds = [] };
        var followsAnotherComponent = subscriber with { Id = Guid.NewGuid(), ComponentIds = [Guid.NewGuid()], NotifyOn = NotificationEvents.All };

        var notices = MaintenanceNotices.Plan(
            page,
            window with { ComponentIds = [covered] },
            NotificationKind.MaintenanceReminder,
            T0,
            T0.AddHours(1),
            [followsTheCoveredComponent, followsEveryComponent, followsAnotherComponent],
            T0);

        Assert.Equal([followsTheCoveredComponent.Id, followsEveryComponent.Id], notices.Select(n => n.SubscriberId));
    }

    private static (StatusPage Page, MaintenanceWindow Window, Subscriber Subscriber) Arrange(string pageTimeZone)
    {
        var page = TestData.Page() with { TimeZoneId = pageTimeZone };
        var window = TestData.Window(page.Id, componentIds: []);
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Email) with
        {
            IsVerified = true,
            IsActive = true,
            NotifyOn = NotificationEvents.Maintenance,
        };
        return (page, window, subscriber);
    }
}
