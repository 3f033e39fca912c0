namespace StatusKit.Engine;

/// <summary>
/// What one host tells the others about one page (see <see cref="IStatusChangeBackplane"/>): its content changed, with
/// the change-feed events the change caused (a <see cref="StatusChangeKind.Content"/> event alone for an incident
/// update; none when only other content changed, e.g. a component's name).
/// </summary>
public sealed record PageChange
{
    /// <summary>
    /// The marker an <see cref="IStatusChangeBackplane"/> yields from <see cref="IStatusChangeBackplane.SubscribeAsync"/>
    /// as soon as it listens (the first time, and again after a lost connection): not a change of one page, but word that
    /// changes sent before may not have reached this host. The host then rebuilds every page snapshot it holds from the
    /// store and passes what they reveal to its change feed.
    /// </summary>
    public static PageChange Resync { get; } = new() { PageId = Guid.Empty, IsResync = true };

    /// <summary>The page whose snapshot the receiving hosts rebuild (<see cref="Guid.Empty"/> for <see cref="Resync"/>).</summary>
    public required Guid PageId { get; init; }

    /// <summary>The feed events, in order; their <see cref="StatusChanged.Sequence"/> is the sender's and is replaced on receipt.</summary>
    public IReadOnlyList<StatusChanged> Changes { get; init; } = [];

    /// <summary>Whether this is the <see cref="Resync"/> marker rather than a page's change. Default false.</summary>
    public bool IsResync { get; init; }
}
