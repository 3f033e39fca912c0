namespace StatusKit.Model;

/// <summary>
/// A planned maintenance window, one-off or recurring. <see cref="StartsAt"/>/<see cref="EndsAt"/> are the first
/// occurrence; <see cref="OccurrenceStartsAt"/>/<see cref="OccurrenceEndsAt"/> the current or next one.
/// </summary>
public sealed record MaintenanceWindow
{
    /// <summary>The window id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page the window belongs to.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The title shown on the page.</summary>
    public required string Title { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Start of the first occurrence (UTC instant).</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>End of the first occurrence (UTC instant); after <see cref="StartsAt"/>.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>The IANA time zone on whose wall clock recurrence is evaluated. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>An RFC 5545 RRULE or a cron expression; null for a one-off window.</summary>
    public string? Recurrence { get; init; }

    /// <summary>
    /// The starts of the occurrences that do not take place (RFC 5545 EXDATE): wall-clock date-times in
    /// <see cref="TimeZoneId"/> (<see cref="DateTimeKind.Unspecified"/>, whole seconds), ascending, without duplicates,
    /// at most 100. Each is turned into an instant as RFC 5545 turns a local time into one (a time skipped by a DST gap
    /// uses the offset before the gap, a repeated one its first instant), and the occurrence that starts at that instant
    /// is skipped; one that matches no occurrence is harmless. Only recurring windows have any. Empty by default.
    /// </summary>
    public IReadOnlyList<DateTime> ExcludedOccurrences { get; init; } = [];

    /// <summary>Whether the covered components show Under Maintenance while in progress. Default true.</summary>
    public bool AutoUpdateStatus { get; init; } = true;

    /// <summary>
    /// Whether subscribers are told about the window (reminder, start, end; those whose
    /// <see cref="Subscriber.NotifyOn"/> has <see cref="NotificationEvents.Maintenance"/>). Default true. Its components'
    /// change to Under Maintenance at its start and back at its end is told by these notices only, so a window that does
    /// not notify subscribers is quiet.
    /// </summary>
    public bool NotifySubscribers { get; init; } = true;

    /// <summary>The lifecycle state.</summary>
    public MaintenanceState State { get; init; } = MaintenanceState.Scheduled;

    /// <summary>Start of the current (InProgress) or next (Scheduled) occurrence.</summary>
    public required DateTimeOffset OccurrenceStartsAt { get; init; }

    /// <summary>End of the current or next occurrence.</summary>
    public required DateTimeOffset OccurrenceEndsAt { get; init; }

    /// <summary>
    /// The occurrence start for which the reminder was last sent, so it is sent once per occurrence. A rescheduled notice
    /// sent within the reminder lead time of the new start sets it too: that notice is the new occurrence's reminder.
    /// </summary>
    public DateTimeOffset? ReminderSentFor { get; init; }

    /// <summary>
    /// The occurrence start subscribers were last told of by a notice other than its reminder: the
    /// <see cref="Notifications.NotificationKind.MaintenanceScheduled"/> notice of a new window or of an occurrence brought
    /// back, the <see cref="Notifications.NotificationKind.MaintenanceRescheduled"/> notice that moved the occurrence
    /// there, or the <see cref="Notifications.NotificationKind.MaintenanceStarted"/> notice of the occurrence in progress.
    /// Null when there was none. Subscribers know of a Scheduled window's current occurrence when this or
    /// <see cref="ReminderSentFor"/> equals <see cref="OccurrenceStartsAt"/>, and are then told when it moves again or is
    /// cancelled; both marks stay on an occurrence excluded after they were told it is cancelled, and bringing it back
    /// tells them it is on again. Each start sets it to the occurrence's start when the started notice goes out and to
    /// null when it does not (<see cref="NotifySubscribers"/> off), so subscribers of an InProgress window hear of a move
    /// of its end, and of its completion, only when this equals <see cref="OccurrenceStartsAt"/>.
    /// </summary>
    public DateTimeOffset? AnnouncedFor { get; init; }

    /// <summary>
    /// When the window last switched its components into or out of Under Maintenance by a start or an end of an
    /// occurrence with <see cref="AutoUpdateStatus"/> on (the moment the transition was applied): the change its own
    /// started or completed notice tells, so a recompute that commits that change, whichever it is, tells it as no
    /// component change. Null before its first start, after a start or end with <see cref="AutoUpdateStatus"/> off, and
    /// once its <see cref="ComponentIds"/> or <see cref="AutoUpdateStatus"/> change (no notice of the window tells the
    /// change that causes). Set by the same compare-and-set as the transition.
    /// </summary>
    public DateTimeOffset? StatusSwitchedAt { get; init; }

    /// <summary>The components the window covers; all on the window's page.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>Who created the window.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When the window was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the window was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version. Stores accept an update only when it matches the stored version and
    /// then increment it, which makes every state change a compare-and-set.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The length of one occurrence.</summary>
    public TimeSpan Duration => EndsAt - StartsAt;
}
