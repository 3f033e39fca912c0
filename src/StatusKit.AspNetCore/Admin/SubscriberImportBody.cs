namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The JSON shape of the body of <c>POST admin/pages/{pageId}/import/subscribers</c>, for the OpenAPI document only (the
/// route takes a CSV too); read by <see cref="SubscriberImportDocument"/>.
/// </summary>
/// <param name="Subscribers">The subscribers to import.</param>
internal sealed record SubscriberImportBody(IReadOnlyList<SubscriberImportRow> Subscribers);
