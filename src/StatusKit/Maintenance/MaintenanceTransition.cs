namespace StatusKit.Maintenance;

/// <summary>The next transition of a window and when it falls due.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="DueAt">When it happens; due when at or before now.</param>
internal readonly record struct MaintenanceTransition(MaintenanceTransitionKind Kind, DateTimeOffset DueAt)
{
    /// <summary>Whether the transition is due at <paramref name="now"/>.</summary>
    public bool IsDueAt(DateTimeOffset now) => DueAt <= now;
}
