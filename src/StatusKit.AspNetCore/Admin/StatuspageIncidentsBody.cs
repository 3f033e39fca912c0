using System.Text.Json;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The shape of the body of <c>POST admin/pages/{pageId}/import/statuspage</c>, for the OpenAPI document only: Statuspage's
/// <c>incidents.json</c> as downloaded. It is read by <see cref="StatuspageIncidentsDocument"/>, which ignores the members it
/// does not use.
/// </summary>
/// <param name="Page">Statuspage's <c>page</c> (not used).</param>
/// <param name="Incidents">Statuspage's incidents, each with its <c>incident_updates</c> and <c>components</c>.</param>
internal sealed record StatuspageIncidentsBody(JsonElement? Page, IReadOnlyList<JsonElement> Incidents);
