namespace StatusKit.Maintenance;

/// <summary>Component notices held back by maintenance that are due at another time (<see cref="HeldNoticeMoves"/>, <see cref="CommittedHolds"/>).</summary>
/// <param name="HeldUntil">The due time they were held until: the old end of their maintenance.</param>
/// <param name="DueAt">Their new due time: the new end, or the moment their maintenance ended.</param>
/// <param name="ComponentIds">The components whose notices move.</param>
internal sealed record HeldNoticeMove(DateTimeOffset HeldUntil, DateTimeOffset DueAt, IReadOnlyList<Guid> ComponentIds);
