namespace StatusKit.Maintenance;

/// <summary>What the scheduler does to a window next.</summary>
internal enum MaintenanceTransitionKind
{
    /// <summary>Send the reminder of the next occurrence (the state stays Scheduled).</summary>
    Remind = 0,

    /// <summary>Scheduled → InProgress: the occurrence started.</summary>
    Start = 1,

    /// <summary>InProgress → Scheduled with the next occurrence, or Completed after the last: the occurrence ended.</summary>
    End = 2,

    /// <summary>
    /// A Scheduled occurrence that ended before it could be started (the host was down): recorded without starting it,
    /// so components never flap and no started notice is sent.
    /// </summary>
    Skip = 3,
}
