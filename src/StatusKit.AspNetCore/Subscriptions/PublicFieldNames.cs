namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The public subscription routes' names for the fields StatusKit's services name: their bodies take
/// <c>components</c> and <c>incident</c> where the services (and the admin API) say <c>componentIds</c> and
/// <c>incidentId</c>, so a refusal names the member the caller sent.
/// </summary>
internal static class PublicFieldNames
{
    public static string? Of(string? field) => field switch
    {
        "componentIds" => "components",
        "incidentId" => "incident",
        _ => field,
    };
}
