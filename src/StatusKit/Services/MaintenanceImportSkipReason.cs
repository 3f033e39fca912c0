namespace StatusKit.Services;

/// <summary>Why a maintenance of an import was not recorded (<see cref="SkippedMaintenance"/>).</summary>
public enum MaintenanceImportSkipReason
{
    /// <summary>The page already has it (an earlier import of the same Statuspage maintenance).</summary>
    AlreadyImported = 0,

    /// <summary>
    /// It is in progress on Statuspage (<c>in_progress</c> or <c>verifying</c>): StatusKit starts and ends its windows
    /// itself, so it cannot take over one under way. Complete it on Statuspage and import it again, or schedule what is
    /// left of it with the admin API.
    /// </summary>
    InProgress = 1,

    /// <summary>
    /// It is still scheduled on Statuspage but its start has passed: Statuspage has not started it, and StatusKit would
    /// not start it either (a window is created with a start to come). Finish it on Statuspage and import it again, or
    /// create it by hand.
    /// </summary>
    StartPassed = 2,

    /// <summary>It breaks a rule of a window (an end before its start, an empty title …): <see cref="SkippedMaintenance.Message"/> says which.</summary>
    Invalid = 3,

    /// <summary>
    /// It is not public on the page it comes from (a Cachet schedule deleted there, <c>deleted_at</c> set, which Cachet
    /// shows to nobody): the Cachet import leaves it out rather than publish it.
    /// </summary>
    NotPublic = 4,
}
