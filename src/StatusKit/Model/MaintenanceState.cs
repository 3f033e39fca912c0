namespace StatusKit.Model;

/// <summary>The lifecycle of a maintenance window: Scheduled → InProgress → Completed, or Cancelled.</summary>
public enum MaintenanceState
{
    /// <summary>Waiting for its (next) occurrence to start.</summary>
    Scheduled = 0,

    /// <summary>An occurrence is under way.</summary>
    InProgress = 1,

    /// <summary>The last occurrence ended.</summary>
    Completed = 2,

    /// <summary>Cancelled by an operator before or during an occurrence.</summary>
    Cancelled = 3,
}
