namespace StatusKit.Services;

/// <summary>An incident an import recorded.</summary>
/// <param name="StatuspageId">Its id on Statuspage.</param>
/// <param name="IncidentId">Its id on the page (<see cref="Model.StatusIncident.Id"/>).</param>
public sealed record ImportedIncidentRecord(string StatuspageId, Guid IncidentId);
