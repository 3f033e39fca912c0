using StatusKit.Status;

namespace StatusKit.Model;

/// <summary>
/// A component of a status page (an API, a region, a product feature). Its <see cref="Status"/> is computed by
/// StatusKit from the incidents of its team, maintenance, public status incidents and the operator's manual status.
/// </summary>
public sealed record Component
{
    /// <summary>The component id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page the component belongs to.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The name; unique within the page.</summary>
    public required string Name { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Position on the page, ascending.</summary>
    public int DisplayOrder { get; init; }

    /// <summary>An optional group heading under which the component is shown.</summary>
    public string? GroupName { get; init; }

    /// <summary>The team whose incidents affect this component; null means incidents never affect it.</summary>
    public string? TeamId { get; init; }

    /// <summary>When set, only the team's incidents for this service identifier affect the component.</summary>
    public string? ServiceIdentifier { get; init; }

    /// <summary>
    /// Whether the public page and JSON API leave the component out while its <see cref="Status"/> is
    /// <see cref="ComponentStatus.Operational"/>, showing it as soon as it is anything else (Statuspage's
    /// <c>only_show_if_degraded</c>). An operator's field, like <see cref="Name"/>. Default false: always shown. The admin
    /// API always shows it.
    /// </summary>
    public bool OnlyShowIfDegraded { get; init; }

    /// <summary>
    /// The https URL of a Statuspage-compatible <c>summary.json</c> the component follows (a third-party component: an
    /// Atlassian Statuspage page's <c>https://&lt;page&gt;/api/v2/summary.json</c>, or another StatusKit page's
    /// <c>{prefix}/{slug}/api/v2/summary.json</c>); null when it follows none. An operator's field: it moves the
    /// <see cref="Version"/>. While set, the status last read there (<see cref="UpstreamStatus"/>) counts in the
    /// component's <see cref="Status"/> like an incident's.
    /// </summary>
    public string? UpstreamUrl { get; init; }

    /// <summary>
    /// The id of the component the upstream page lists (its <c>components[].id</c>) whose <c>status</c> this component
    /// follows; null follows the upstream page's overall status (its <c>status.indicator</c>, and maintenance in
    /// progress). An operator's field, meaningful only with <see cref="UpstreamUrl"/>.
    /// </summary>
    public string? UpstreamComponentId { get; init; }

    /// <summary>
    /// The status last read from <see cref="UpstreamUrl"/>; null until it was first read (it then counts as
    /// <see cref="ComponentStatus.Operational"/>). Written by the upstream poller, never by an edit: like
    /// <see cref="Status"/>, it does not move the <see cref="Version"/>, and it goes back to null when the upstream URL or
    /// component id changes. A failed read leaves it as it was.
    /// </summary>
    public ComponentStatus? UpstreamStatus { get; init; }

    /// <summary>When <see cref="UpstreamStatus"/> was last read successfully; null until it was first read.</summary>
    public DateTimeOffset? UpstreamReadAt { get; init; }

    /// <summary>The current effective status, written only by the status engine.</summary>
    public ComponentStatus Status { get; init; } = ComponentStatus.Operational;

    /// <summary>When <see cref="Status"/> last changed.</summary>
    public required DateTimeOffset StatusUpdatedAt { get; init; }

    /// <summary>A status set by an operator; it can raise the computed status but never lower it.</summary>
    public ComponentStatus? ManualStatus { get; init; }

    /// <summary>
    /// When the manual status stops applying; null means it applies until cleared. At that time StatusKit ends it by
    /// itself: the status changes back, then both are cleared (moving the <see cref="Version"/>, as an operator's clear
    /// does) and the end is recorded in the audit log as made by <c>system</c>.
    /// </summary>
    public DateTimeOffset? ManualStatusExpiresAt { get; init; }

    /// <summary>When the component was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the component's descriptive fields were last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version of the operator's fields (those <see cref="Abstractions.IStatusStore.UpdateComponentAsync"/> writes, and the display order). The computed <see cref="Status"/> does not move it, so an edit never fails because the engine recomputed. A store adds the record at version 1 and accepts an update only
    /// when it carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>).
    /// </summary>
    public long Version { get; init; }
}
