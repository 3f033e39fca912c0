namespace StatusKit.Engine;

/// <summary>A maintenance occurrence that put its components under maintenance until <paramref name="EndedAt"/>, its planned end.</summary>
/// <param name="EndedAt">When the occurrence ended.</param>
/// <param name="ComponentIds">The components it covered (with auto-update on).</param>
internal sealed record EndedMaintenance(DateTimeOffset EndedAt, IReadOnlyList<Guid> ComponentIds);
