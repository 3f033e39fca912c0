namespace StatusKit.Engine;

/// <summary>
/// What one host tells the others about one page (see <see cref="IStatusChangeBackplane"/>): its content changed, with
/// the change-feed events the change caused (none when only descriptive content changed, e.g. an incident update).
/// </summary>
public sealed record PageChange
{
    /// <summary>The page whose snapshot the receiving hosts rebuild.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The feed events, in order; their <see cref="StatusChanged.Sequence"/> is the sender's and is replaced on receipt.</summary>
    public IReadOnlyList<StatusChanged> Changes { get; init; } = [];
}
