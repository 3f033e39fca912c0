namespace StatusKit.Maintenance;

/// <summary>What a new maintenance window needs.</summary>
public sealed record CreateMaintenanceWindow
{
    /// <summary>The page the window belongs to.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The title shown on the page (required, at most 200 characters).</summary>
    public required string Title { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Start of the first occurrence (a UTC instant).</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>End of the first occurrence; after <see cref="StartsAt"/>. Every occurrence lasts <c>EndsAt - StartsAt</c>.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>The IANA time zone on whose wall clock the recurrence runs. Default <c>UTC</c>.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>
    /// An RFC 5545 RRULE (<c>FREQ=WEEKLY;BYDAY=SU</c>) or a cron expression (<c>0 2 * * 0</c>); null for a one-off
    /// window. The first occurrence is always <see cref="StartsAt"/>; occurrences must not overlap.
    /// </summary>
    public string? Recurrence { get; init; }

    /// <summary>
    /// The starts of occurrences to skip (a holiday, a freeze week), as RFC 5545 EXDATE: wall-clock date-times in
    /// <see cref="TimeZoneId"/> (<see cref="DateTimeKind.Unspecified"/>, whole seconds, no duplicates, at most 100), for a
    /// recurring window only. A start that matches no occurrence is accepted and changes nothing. Default none.
    /// </summary>
    public IReadOnlyList<DateTime> ExcludedOccurrences { get; init; } = [];

    /// <summary>The covered components, all on <see cref="PageId"/>'s page.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>Whether the covered components show Under Maintenance while in progress. Default true.</summary>
    public bool AutoUpdateStatus { get; init; } = true;

    /// <summary>
    /// Whether subscribers get the reminder, started and completed notices. Default true. The components' change to
    /// Under Maintenance and back that the window causes is told by these notices only: without them nobody hears of it.
    /// </summary>
    public bool NotifySubscribers { get; init; } = true;

    /// <summary>
    /// Who creates the window. When null, the caller the audit log names for this change: the signed-in admin on the admin
    /// API (<see cref="StatusKit.Audit.IAuditActorAccessor"/>), else <c>system</c>.
    /// </summary>
    public string? CreatedBy { get; init; }
}
