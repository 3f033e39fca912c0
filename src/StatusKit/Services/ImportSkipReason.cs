namespace StatusKit.Services;

/// <summary>Why an incident of an import was not recorded (<see cref="SkippedImport"/>).</summary>
public enum ImportSkipReason
{
    /// <summary>It is not resolved: an import records history, never what the page says now.</summary>
    Unresolved = 0,

    /// <summary>The page already has it (an earlier import of the same Statuspage incident).</summary>
    AlreadyImported = 1,

    /// <summary>It breaks a rule of a past incident (a time in the future, an empty title, a timeline not resolved …): <see cref="SkippedImport.Message"/> says which.</summary>
    Invalid = 2,

    /// <summary>
    /// It is a scheduled maintenance (<see cref="ImportedIncident.IsScheduledMaintenance"/>), which the maintenance
    /// import (<see cref="MaintenanceImportService"/>) records as a maintenance window instead of an incident.
    /// </summary>
    ScheduledMaintenance = 3,

    /// <summary>
    /// It is not public on the page it comes from (Cachet's <c>visible: 0</c>, shown only to the team signed in): the Cachet
    /// import leaves it out rather than publish it, as StatusKit's incidents are public.
    /// </summary>
    NotPublic = 4,
}
