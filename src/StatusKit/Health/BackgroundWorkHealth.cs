namespace StatusKit.Health;

/// <summary>
/// The failures of StatusKit's background work in this process, as the work reports them: component statuses
/// (recomputes and expiring operator statuses), maintenance transitions, notification dispatch, and the status change
/// backplane. One per container.
/// </summary>
internal sealed class BackgroundWorkHealth
{
    /// <summary>Recomputes of component statuses and page snapshots, and the expiry of operator statuses.</summary>
    public WorkFailures Statuses { get; } = new();

    /// <summary>The maintenance scheduler's passes and each window's transitions.</summary>
    public WorkFailures Maintenance { get; } = new();

    /// <summary>The notification dispatcher's passes over the outbox (not a destination refusing a notice).</summary>
    public WorkFailures Notifications { get; } = new();

    /// <summary>The status change backplane, when one is registered: listening for other hosts' changes, and publishing this host's.</summary>
    public WorkFailures Backplane { get; } = new();
}
