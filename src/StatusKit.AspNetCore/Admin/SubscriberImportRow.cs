namespace StatusKit.AspNetCore.Admin;

/// <summary>One subscriber of <see cref="SubscriberImportBody"/>, for the OpenAPI document only.</summary>
/// <param name="Channel">email (the default), slack, webhook, teams or discord.</param>
/// <param name="Destination">The email address or URL.</param>
/// <param name="Components">The names of the components to follow (as the page names them, in any case); absent or empty follows all.</param>
/// <param name="NotifyOn">The events to hear about (degraded, outage, maintenance, resolved, or all); absent is all.</param>
internal sealed record SubscriberImportRow(string? Channel, string Destination, IReadOnlyList<string>? Components, IReadOnlyList<string>? NotifyOn);
