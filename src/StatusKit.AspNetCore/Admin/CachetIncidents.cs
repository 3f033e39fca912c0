using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>What <see cref="CachetIncidentsDocument"/> read of Cachet's incidents.</summary>
/// <param name="Incidents">The public incidents, for <see cref="IncidentImportService.ImportAsync"/> (ids <c>cachet-{id}</c>).</param>
/// <param name="NotPublic">The Cachet ids of the incidents not public on Cachet (<c>visible: 0</c>), left out, in the document's order.</param>
/// <param name="ComponentsGiven">Whether the body brought Cachet's components, by which an incident's <c>component_id</c> is named.</param>
/// <param name="MissingComponents">
/// Of each public incident whose <c>component_id</c> the body's components lack (every one when it brought none), that
/// id, by the incident's import id: those incidents are imported without that component.
/// </param>
internal sealed record CachetIncidents(
    IReadOnlyList<ImportedIncident> Incidents, IReadOnlyList<string> NotPublic, bool ComponentsGiven, IReadOnlyDictionary<string, string> MissingComponents)
{
    /// <summary>The missing component ids of the incidents an import recorded, each once, in their order.</summary>
    public IReadOnlyList<string> NotFoundFor(IncidentImportReport report) =>
        [.. report.Imported.Select(i => MissingComponents.GetValueOrDefault(i.StatuspageId)).OfType<string>().Distinct(StringComparer.Ordinal)];
}
