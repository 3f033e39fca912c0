using StatusKit.Model;

namespace StatusKit.Snapshots;

/// <summary>One occurrence of a maintenance window, as shown on a page (recurring windows are expanded).</summary>
/// <param name="WindowId">The window.</param>
/// <param name="Title">The window's title.</param>
/// <param name="Description">The window's description.</param>
/// <param name="StartsAt">Start of this occurrence.</param>
/// <param name="EndsAt">End of this occurrence.</param>
/// <param name="State">Scheduled or InProgress for this occurrence.</param>
/// <param name="ComponentIds">The covered components.</param>
/// <param name="Recurrence">The window's recurrence text, if recurring.</param>
/// <param name="TimeZoneId">The window's time zone.</param>
/// <param name="UpdatedAt">
/// When the window last changed (an operator's edit, or the scheduler starting or ending an occurrence); null in a
/// snapshot made before it was kept.
/// </param>
public sealed record MaintenanceOccurrence(
    Guid WindowId,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    MaintenanceState State,
    IReadOnlyList<Guid> ComponentIds,
    string? Recurrence,
    string TimeZoneId,
    DateTimeOffset? UpdatedAt = null);
