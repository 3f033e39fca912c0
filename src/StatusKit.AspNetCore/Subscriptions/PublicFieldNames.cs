namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The public subscription routes' names for the fields StatusKit's services name: their bodies take
/// <c>components</c> where the services (and the admin API) say <c>componentIds</c>, so a refusal names the member the
/// caller sent.
/// </summary>
internal static class PublicFieldNames
{
    public static string? Of(string? field) => field == "componentIds" ? "components" : field;
}
