using System.Text.Json;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The shape of the body of the Cachet imports (<c>POST admin/pages/{pageId}/import/cachet/components</c>,
/// <c>…/incidents</c> and <c>…/schedules</c>), for the OpenAPI document only: a list of Cachet's API v1 as downloaded,
/// whose other members are ignored. Each route also takes two lists together, each as downloaded:
/// <c>{ "components": {...}, "groups": {...} }</c>, <c>{ "incidents": {...}, "components": {...} }</c>,
/// <c>{ "schedules": {...}, "components": {...} }</c>.
/// </summary>
/// <param name="Meta">Cachet's <c>meta</c>: its <c>pagination</c> must tell of one page (download with <c>?per_page=10000</c>).</param>
/// <param name="Data">The list's entries (components, groups, incidents or schedules).</param>
internal sealed record CachetListBody(JsonElement? Meta, IReadOnlyList<JsonElement> Data);
