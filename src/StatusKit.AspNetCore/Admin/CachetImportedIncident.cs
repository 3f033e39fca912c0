namespace StatusKit.AspNetCore.Admin;

/// <summary>An incident the Cachet import recorded.</summary>
/// <param name="CachetId">Its id on Cachet.</param>
/// <param name="IncidentId">Its id on the page.</param>
internal sealed record CachetImportedIncident(string CachetId, Guid IncidentId);
