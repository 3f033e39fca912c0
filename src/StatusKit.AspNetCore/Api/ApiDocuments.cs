namespace StatusKit.AspNetCore.Api;

/// <summary><c>summary.json</c>.</summary>
internal sealed record SummaryDocument(
    ApiPage Page,
    IReadOnlyList<ApiComponent> Components,
    IReadOnlyList<ApiIncident> Incidents,
    IReadOnlyList<ApiScheduledMaintenance> ScheduledMaintenances,
    ApiStatus Status);

/// <summary><c>status.json</c>.</summary>
internal sealed record StatusDocument(ApiPage Page, ApiStatus Status);

/// <summary><c>components.json</c>.</summary>
internal sealed record ComponentsDocument(ApiPage Page, IReadOnlyList<ApiComponent> Components);

/// <summary><c>incidents.json</c> and <c>incidents/unresolved.json</c>.</summary>
internal sealed record IncidentsDocument(ApiPage Page, IReadOnlyList<ApiIncident> Incidents);

/// <summary><c>scheduled-maintenances.json</c> and its <c>upcoming</c> and <c>active</c> variants.</summary>
internal sealed record ScheduledMaintenancesDocument(ApiPage Page, IReadOnlyList<ApiScheduledMaintenance> ScheduledMaintenances);
