namespace StatusKit.Maintenance;

/// <summary>Options of the maintenance scheduler: reminders and the retry of failing transitions.</summary>
public sealed class MaintenanceOptions
{
    /// <summary>
    /// How long before each occurrence starts the reminder notice is sent (windows with
    /// <see cref="Model.MaintenanceWindow.NotifySubscribers"/> on). Default 60 minutes; <see cref="TimeSpan.Zero"/> turns
    /// reminders off. Must not be negative. An occurrence whose reminder would be due by the end of the occurrence before
    /// it (a window recurring more often than this) gets none of its own: that occurrence's completed notice names it.
    /// </summary>
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Whether subscribers are told when a window is scheduled (<see cref="Notifications.NotificationKind.MaintenanceScheduled"/>,
    /// for windows with <see cref="Model.MaintenanceWindow.NotifySubscribers"/> on), as well as reminded before each
    /// occurrence. Default true: planned work is announced when it is planned, so subscribers can plan around it (the
    /// reminder comes only <see cref="ReminderLeadTime"/> ahead), and a later move or cancellation of the window is then
    /// told too. False announces a window only by its reminder.
    /// </summary>
    public bool NotifyWhenScheduled { get; set; } = true;

    /// <summary>
    /// How many times a transition that throws is tried in one wake-up before it is logged as failed and left for the
    /// next wake-up. Default 3; at least 1.
    /// </summary>
    public int TransitionRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The delay before the first retry of a failing transition; each further retry waits twice as long (exponential
    /// backoff). A transition that still fails is tried again one more doubling later. Default 1 second; greater than zero.
    /// </summary>
    public TimeSpan TransitionRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest the scheduler sleeps without reading the store's open windows. A window created or changed through
    /// this host wakes it at once; one created or changed through another host sharing the store is seen within this
    /// interval, so when the host that planned a window stops, another starts, reminds and ends it at most this late.
    /// Each read lists the open windows (scheduled or in progress) once. Default 1 minute; from 1 second to 1 hour.
    /// </summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);
}
