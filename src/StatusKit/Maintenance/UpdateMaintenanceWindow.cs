using System.Text.Json.Serialization;

namespace StatusKit.Maintenance;

/// <summary>
/// Changes to a maintenance window; a null property leaves that field as it is. A Scheduled window may change
/// anything (new times reschedule it); an InProgress window may change its <see cref="EndsAt"/> (extend or shorten the
/// current occurrence) and its descriptive fields, not its start, zone or recurrence.
/// </summary>
public sealed record UpdateMaintenanceWindow
{
    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>A new description (an empty string removes it).</summary>
    public string? Description { get; init; }

    /// <summary>A new start of the first occurrence (Scheduled windows only).</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>A new end: of the first occurrence for a Scheduled window, of the current occurrence for an InProgress one.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>A new IANA time zone (Scheduled windows only).</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>A new RRULE or cron expression; an empty string makes the window one-off (Scheduled windows only).</summary>
    public string? Recurrence { get; init; }

    /// <summary>
    /// A new list of excluded occurrence starts (see <see cref="CreateMaintenanceWindow.ExcludedOccurrences"/>), replacing
    /// the stored one; an empty list removes them all. A Scheduled window moves to its first occurrence still to come
    /// that is not excluded; an InProgress window keeps its current occurrence, which cannot be excluded. A window made
    /// one-off without a new list loses its exclusions.
    /// </summary>
    public IReadOnlyList<DateTime>? ExcludedOccurrences { get; init; }

    /// <summary>A new list of covered components.</summary>
    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>Whether the covered components show Under Maintenance while in progress.</summary>
    public bool? AutoUpdateStatus { get; init; }

    /// <summary>Whether subscribers get the maintenance notices.</summary>
    public bool? NotifySubscribers { get; init; }

    /// <summary>
    /// The <see cref="Model.MaintenanceWindow.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given
    /// and no longer stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when
    /// null, a concurrent change (a transition, another edit) is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
