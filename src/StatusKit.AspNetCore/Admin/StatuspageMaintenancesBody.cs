using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The shape of the body of <c>POST admin/pages/{pageId}/import/statuspage/maintenances</c>, for the OpenAPI document only:
/// Statuspage's <c>scheduled-maintenances.json</c> (or <c>upcoming.json</c>, <c>active.json</c>, <c>summary.json</c>) as
/// downloaded. It is read by <see cref="StatuspageMaintenancesDocument"/>, which ignores the members it does not use.
/// </summary>
/// <param name="Page">Statuspage's <c>page</c> (not used).</param>
/// <param name="ScheduledMaintenances">Statuspage's scheduled maintenances, each with its <c>incident_updates</c> and <c>components</c>.</param>
internal sealed record StatuspageMaintenancesBody(
    JsonElement? Page, [property: JsonPropertyName("scheduled_maintenances")] IReadOnlyList<JsonElement> ScheduledMaintenances);
