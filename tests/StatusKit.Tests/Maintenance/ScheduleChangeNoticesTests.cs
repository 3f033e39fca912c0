using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// The pure planner of schedule-change notices: an occurrence subscribers were told is cancelled is announced again
/// when it comes back, and nothing is said about an occurrence in progress whose start they were not told of.
/// </summary>
public sealed class ScheduleChangeNoticesTests
{
    private static readonly DateTimeOffset T0 = TestData.T0; // Monday 5 January 2026, 09:00 UTC
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset First = T0.AddHours(1); // 10:00, the occurrence excluded and brought back
    private static readonly DateTimeOffset Second = T0.AddDays(1).AddHours(1);

    [Fact]
    public void Rescheduled_BringingBackAnOccurrenceSubscribersWereToldIsCancelled_AnnouncesItAgainAndLeavesItsReminderDue()
    {
        var excluded = Excluded(announcedFor: First, reminderSentFor: null);

        var (after, notice) = ScheduleChangeNotices.Rescheduled(excluded, BroughtBack(excluded), Lead, T0);

        var n = Assert.IsType<MaintenanceNotice>(notice);
        Assert.Equal((NotificationKind.MaintenanceScheduled, First, First.AddHours(1), true), (n.Kind, n.OccurrenceStartsAt, n.OccurrenceEndsAt, n.Reinstated));
        Assert.Null(n.Previous);
        Assert.Equal((First, (DateTimeOffset?)null), (after.AnnouncedFor!.Value, after.ReminderSentFor));
        Assert.Equal(MaintenanceTransitionKind.Remind, MaintenanceTransitions.Next(after, Lead, T0)!.Value.Kind);
        Assert.True(ScheduleChangeNotices.SubscribersKnowOf(after, T0));
    }

    [Fact]
    public void Rescheduled_BringingBackAnOccurrenceTheyWereRemindedOfAndToldIsCancelled_IsItsReminderWithinTheLeadTime()
    {
        var excluded = Excluded(announcedFor: null, reminderSentFor: First);
        var now = T0.AddMinutes(40);

        var (after, notice) = ScheduleChangeNotices.Rescheduled(excluded, BroughtBack(excluded), Lead, now);

        Assert.Equal(NotificationKind.MaintenanceScheduled, notice!.Value.Kind);
        Assert.Equal((First, First), (after.AnnouncedFor!.Value, after.ReminderSentFor!.Value));
        Assert.Equal(MaintenanceTransitionKind.Start, MaintenanceTransitions.Next(after, Lead, now)!.Value.Kind);
    }

    [Fact]
    public void Rescheduled_BringingBackAnOccurrenceSubscribersKnewOfButNotOfTheNext_IsNotToldAsAMoveOfTheNext()
    {
        // They know of the next occurrence too (it was announced): it did not move, the one before it is back.
        var excluded = Excluded(announcedFor: First, reminderSentFor: null);
        var before = excluded with { ReminderSentFor = Second };

        var (_, notice) = ScheduleChangeNotices.Rescheduled(before, BroughtBack(before), Lead, T0);

        Assert.Equal((NotificationKind.MaintenanceScheduled, First), (notice!.Value.Kind, notice.Value.OccurrenceStartsAt));
    }

    [Fact]
    public void Remind_OfTheNextOccurrence_KeepsTheMarkOfTheOneToldIsCancelled_SoBringingItBackSaysItIsBackOn()
    {
        // A lead longer than a day: the second occurrence's reminder goes out before the first would have started.
        var lead = TimeSpan.FromHours(30);
        var excluded = Excluded(announcedFor: null, reminderSentFor: First);

        var reminded = MaintenanceTransitions.Apply(excluded, MaintenanceTransitionKind.Remind, null, TimeSpan.FromHours(1), T0);
        var (after, notice) = ScheduleChangeNotices.Rescheduled(reminded, BroughtBack(reminded), lead, T0.AddMinutes(5));

        Assert.Equal((Second, First), (reminded.ReminderSentFor!.Value, reminded.AnnouncedFor!.Value));
        Assert.True(ScheduleChangeNotices.SubscribersKnowOf(reminded, T0));
        Assert.Equal((NotificationKind.MaintenanceScheduled, First, true), (notice!.Value.Kind, notice.Value.OccurrenceStartsAt, notice.Value.Reinstated));
        Assert.Equal((First, First), (after.ReminderSentFor!.Value, after.AnnouncedFor!.Value));
    }

    [Fact]
    public void Rescheduled_MovingTheNextOccurrence_KeepsTheMarkOfTheOneToldIsCancelled_AndItsOwnReminderStaysDue()
    {
        var before = Excluded(announcedFor: First, reminderSentFor: Second);
        var moved = before with { EndsAt = First.AddHours(2), OccurrenceEndsAt = Second.AddHours(2) };

        var (after, notice) = ScheduleChangeNotices.Rescheduled(before, moved, Lead, T0);
        var (_, back) = ScheduleChangeNotices.Rescheduled(after, BroughtBack(after), Lead, T0.AddMinutes(5));

        Assert.Equal(NotificationKind.MaintenanceRescheduled, notice!.Value.Kind);
        Assert.Equal((Second, First), (after.AnnouncedFor!.Value, after.ReminderSentFor!.Value));
        Assert.Equal(MaintenanceTransitionKind.Remind, MaintenanceTransitions.Next(after, Lead, T0)!.Value.Kind);
        Assert.Equal((NotificationKind.MaintenanceScheduled, First, true), (back!.Value.Kind, back.Value.OccurrenceStartsAt, back.Value.Reinstated));
    }

    [Fact]
    public void Rescheduled_BringingBackAnOccurrenceNobodyWasToldOf_SaysNothing()
    {
        var excluded = Excluded(announcedFor: null, reminderSentFor: null);

        var (after, notice) = ScheduleChangeNotices.Rescheduled(excluded, BroughtBack(excluded), Lead, T0);

        Assert.Null(notice);
        Assert.False(ScheduleChangeNotices.SubscribersKnowOf(after, T0));
    }

    [Fact]
    public void Rescheduled_BringingBackATold_CancelledOccurrenceWithoutNotices_ForgetsTheyKnewOfIt()
    {
        // Nobody is told it is back, so for them it is still cancelled: their reminder is due again, and cancelling it
        // later corrects nothing they believe.
        var excluded = Excluded(announcedFor: First, reminderSentFor: First);

        var (after, notice) = ScheduleChangeNotices.Rescheduled(excluded, BroughtBack(excluded) with { NotifySubscribers = false }, Lead, T0.AddMinutes(40));

        Assert.Null(notice);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (after.AnnouncedFor, after.ReminderSentFor));
        Assert.Null(ScheduleChangeNotices.TakenOff(after with { NotifySubscribers = true }, T0.AddMinutes(40)));
    }

    [Fact]
    public void Rescheduled_ExcludingAnOccurrenceTheyKnowOfWithoutNotices_ForgetsTheyKnewOfIt()
    {
        // Not told it is cancelled: bringing it back later is nothing new to them, and says nothing.
        var known = Known() with { NotifySubscribers = true };
        var excludedSilently = known with
        {
            NotifySubscribers = false,
            ExcludedOccurrences = [Day(5)],
            OccurrenceStartsAt = Second,
            OccurrenceEndsAt = Second.AddHours(1),
        };

        var (after, notice) = ScheduleChangeNotices.Rescheduled(known, excludedSilently, Lead, T0);
        var (_, back) = ScheduleChangeNotices.Rescheduled(after, BroughtBack(after), Lead, T0);

        Assert.Null(notice);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (after.AnnouncedFor, after.ReminderSentFor));
        Assert.Null(back);
    }

    [Fact]
    public void Rescheduled_ExcludingTheOccurrenceTheyKnowOf_TellsThemItAloneIsCancelledAndKeepsTheirMarksOnIt()
    {
        var known = Known();
        var excluded = known with { ExcludedOccurrences = [Day(5)], OccurrenceStartsAt = Second, OccurrenceEndsAt = Second.AddHours(1) };

        var (after, notice) = ScheduleChangeNotices.Rescheduled(known, excluded, Lead, T0);

        Assert.Equal((NotificationKind.MaintenanceCancelled, First, true), (notice!.Value.Kind, notice.Value.OccurrenceStartsAt, notice.Value.OnlyThisOccurrence));
        Assert.Equal(First, after.AnnouncedFor);
    }

    [Fact]
    public void Start_OfAWindowThatNotifiesSubscribers_MarksTheStartAnnounced_AndASilentStartClearsTheMark()
    {
        var scheduled = Known(); // announced when it was scheduled
        var announced = MaintenanceTransitions.Apply(scheduled, MaintenanceTransitionKind.Start, OccurrenceSchedule.For(scheduled), TimeSpan.FromHours(1), First);
        var silent = MaintenanceTransitions.Apply(scheduled with { NotifySubscribers = false }, MaintenanceTransitionKind.Start, OccurrenceSchedule.For(scheduled), TimeSpan.FromHours(1), First);

        Assert.Equal(First, announced.AnnouncedFor);
        Assert.True(ScheduleChangeNotices.StartWasAnnounced(announced));
        Assert.Null(silent.AnnouncedFor);
        Assert.False(ScheduleChangeNotices.StartWasAnnounced(silent with { NotifySubscribers = true }));
    }

    [Fact]
    public void EndMoved_OfAnOccurrenceStartedSilentlyAndSwitchedToNotify_SaysNothing()
    {
        var running = Running(startAnnounced: false);

        var (_, notice) = ScheduleChangeNotices.Rescheduled(running, running with { OccurrenceEndsAt = First.AddHours(3) }, Lead, First.AddMinutes(30));

        Assert.Null(notice);
    }

    [Fact]
    public void EndMoved_OfAnOccurrenceWhoseStartWasAnnounced_TellsTheNewEnd()
    {
        var running = Running(startAnnounced: true);

        var (_, notice) = ScheduleChangeNotices.Rescheduled(running, running with { OccurrenceEndsAt = First.AddHours(3) }, Lead, First.AddMinutes(30));

        Assert.Equal((NotificationKind.MaintenanceRescheduled, First.AddHours(3)), (notice!.Value.Kind, notice.Value.OccurrenceEndsAt));
    }

    [Fact]
    public void TakenOff_AnOccurrenceInProgressStartedSilently_SaysNothing_AndOneAnnouncedIsCompletedNow()
    {
        var now = First.AddMinutes(30);

        Assert.Null(ScheduleChangeNotices.TakenOff(Running(startAnnounced: false), now));
        Assert.Equal(
            new MaintenanceNotice(NotificationKind.MaintenanceCompleted, First, now),
            ScheduleChangeNotices.TakenOff(Running(startAnnounced: true), now));
    }

    [Fact]
    public void Completed_OfAnOccurrenceStartedSilently_IsNotTold_AndOfOneAnnouncedIsTold()
    {
        Assert.Null(ScheduleChangeNotices.Completed(Running(startAnnounced: false), First.AddHours(1)));
        Assert.Equal(
            new MaintenanceNotice(NotificationKind.MaintenanceCompleted, First, First.AddHours(1)),
            ScheduleChangeNotices.Completed(Running(startAnnounced: true), First.AddHours(1)));
    }

    /// <summary>Daily 10:00-11:00 UTC from T0's day, notifying subscribers, at its first occurrence, announced when scheduled.</summary>
    private static MaintenanceWindow Known() => TestData.Window(Guid.NewGuid(), occurrenceStartsAt: First) with
    {
        StartsAt = First,
        EndsAt = First.AddHours(1),
        TimeZoneId = "UTC",
        Recurrence = "FREQ=DAILY",
        ExcludedOccurrences = [],
        NotifySubscribers = true,
        ReminderSentFor = null,
        AnnouncedFor = First,
    };

    /// <summary>The window with its first occurrence excluded, now at the second, with the marks it kept of the first.</summary>
    private static MaintenanceWindow Excluded(DateTimeOffset? announcedFor, DateTimeOffset? reminderSentFor) => Known() with
    {
        ExcludedOccurrences = [Day(5)],
        OccurrenceStartsAt = Second,
        OccurrenceEndsAt = Second.AddHours(1),
        AnnouncedFor = announcedFor,
        ReminderSentFor = reminderSentFor,
    };

    /// <summary><paramref name="excluded"/> with its exclusions cleared: back at its first occurrence.</summary>
    private static MaintenanceWindow BroughtBack(MaintenanceWindow excluded) => excluded with
    {
        ExcludedOccurrences = [],
        OccurrenceStartsAt = First,
        OccurrenceEndsAt = First.AddHours(1),
    };

    /// <summary>The window in progress since 10:00, notifying subscribers now; its start was told or not.</summary>
    private static MaintenanceWindow Running(bool startAnnounced) => Known() with
    {
        State = MaintenanceState.InProgress,
        AnnouncedFor = startAnnounced ? First : null,
    };

    private static DateTime Day(int day, int hour = 10) => new(2026, 1, day, hour, 0, 0);
}
