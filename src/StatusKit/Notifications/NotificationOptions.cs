namespace StatusKit.Notifications;

/// <summary>Options of the notification pipeline (planning, debounce, storm control, dispatching). Validated at start-up.</summary>
public sealed class NotificationOptions
{
    /// <summary>Changes of one component for one subscriber within this window coalesce into one notification. Default 2 minutes.</summary>
    public TimeSpan DebounceWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a coalesced notification is held back while the component keeps changing. Default 10 minutes.</summary>
    public TimeSpan MaxDebounceDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many notifications per subscriber per clock hour; the rest are folded into one digest at the end of the hour. Zero turns the cap off. Default 10.</summary>
    public int MaxNotificationsPerHour { get; set; } = 10;

    /// <summary>
    /// Whether incident-driven component notifications are held back for components inside an in-progress maintenance
    /// window: such a change is due when the maintenance ends instead of after the debounce, so an outage still there
    /// then is told at the end, and one over by then sends nothing. It is held until the window's planned end, and moves
    /// with it: to the new end when the window in progress is extended or shortened, due at once when it is completed,
    /// cancelled or deleted early. Default false.
    /// </summary>
    public bool SuppressIncidentNotificationsDuringMaintenance { get; set; }

    /// <summary>
    /// The delay before each retry; the row is dead-lettered after the last. Default, modelled on Stripe's webhooks:
    /// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then 24 h three times (about three days in all).
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; } =
    [
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(24),
    ];

    /// <summary>
    /// A subscriber whose last this many completed notices (delivered or dead-lettered, in the order they were written;
    /// superseded and pending ones do not count) were all dead-lettered, with no delivery in between, is deactivated
    /// when the last of them is, as one whose destination answered 410 Gone is at once: a removed Slack webhook, a
    /// deleted Teams workflow or Discord webhook, or a webhook receiver that was shut down stops costing a dead letter per notice. An
    /// operator turns it back on with <see cref="Services.SubscriberService.ReactivateAsync"/>. Only confirmed
    /// subscribers count. Null turns the rule off; when set, 1 to 1000. Default 5.
    /// </summary>
    public int? DeactivateAfterDeadLetters { get; set; } = 5;

    /// <summary>The largest <see cref="DeactivateAfterDeadLetters"/> accepted.</summary>
    internal const int MaxDeactivateAfterDeadLetters = 1000;

    /// <summary>Random spread added to each retry delay, as a fraction of it (0 to 1). Default 0.2.</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>How long a dispatcher holds a claimed row before another may take it over. Default 1 minute.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many rows a dispatcher claims at once. Default 20.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How many notifications one dispatcher sends at the same time. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often the dispatcher looks for due rows when it was not woken. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
