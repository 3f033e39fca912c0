namespace StatusKit.AspNetCore.Api;

/// <summary>The Statuspage v2 documents a page serves.</summary>
internal enum ApiDocument
{
    Summary,
    Status,
    Components,
    Incidents,
    UnresolvedIncidents,
    ScheduledMaintenances,
    UpcomingMaintenances,
    ActiveMaintenances,
}
