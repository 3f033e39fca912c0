using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// An event of the change feed: a component, group or page status change, a change of the page's incidents, maintenance or components,
/// a deleted page, or a gap notice for a slow consumer.
/// </summary>
public sealed record StatusChanged
{
    /// <summary>What happened.</summary>
    public required StatusChangeKind Kind { get; init; }

    /// <summary>The page.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The component, for <see cref="StatusChangeKind.Component"/>.</summary>
    public Guid? ComponentId { get; init; }

    /// <summary>The component's name, for <see cref="StatusChangeKind.Component"/>.</summary>
    public string? ComponentName { get; init; }

    /// <summary>The group's name (its heading on the page), for <see cref="StatusChangeKind.Group"/>.</summary>
    public string? GroupName { get; init; }

    /// <summary>The status before.</summary>
    public ComponentStatus OldStatus { get; init; }

    /// <summary>The status after.</summary>
    public ComponentStatus NewStatus { get; init; }

    /// <summary>What caused it.</summary>
    public string? Cause { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The version of the page's snapshot (<see cref="Snapshots.PageSnapshot.Version"/>) this host had built when it told
    /// the change, which shows it (or a later change); null when it had none to tell it from (a failed rebuild, a deleted
    /// page). A consumer that reads the page on hearing the event (a live page refetching itself from any host behind a
    /// load balancer) can tell a lagging answer by its other version.
    /// </summary>
    public string? SnapshotVersion { get; init; }

    /// <summary>A per-process sequence number, increasing; usable as an SSE event id.</summary>
    public long Sequence { get; init; }

    /// <summary>For <see cref="StatusChangeKind.Gap"/>, how many events this consumer lost.</summary>
    public long DroppedCount { get; init; }
}
