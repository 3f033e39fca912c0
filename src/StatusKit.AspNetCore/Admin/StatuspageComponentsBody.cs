using System.Text.Json;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The shape of the body of <c>POST admin/pages/{pageId}/import/statuspage/components</c>, for the OpenAPI document only:
/// Statuspage's <c>components.json</c> (or <c>summary.json</c>) as downloaded. It is read by
/// <see cref="StatuspageComponentsDocument"/>, which ignores the members it does not use.
/// </summary>
/// <param name="Page">Statuspage's <c>page</c> (not used).</param>
/// <param name="Components">Statuspage's components and groups, each with its <c>id</c>, <c>name</c>, <c>position</c>, <c>group</c> and <c>group_id</c>.</param>
internal sealed record StatuspageComponentsBody(JsonElement? Page, IReadOnlyList<JsonElement> Components);
