namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The public subscription routes' names for the fields StatusKit's services name: their bodies take
/// <c>components</c> and <c>incident</c> where the services (and the admin API) say <c>componentIds</c> and
/// <c>incidentId</c>, so a refusal names the member the caller sent. A member the body does not take
/// (<see cref="ValidationCodes.MemberUnknown"/>) is named by the JSON reader as the body spelt it, and is left as it is:
/// <c>componentIds</c> sent to a public route is the admin API's name, which the public body does not take, and named
/// <c>components</c> it would point the client at the member it should have sent as the one it got wrong.
/// </summary>
internal static class PublicFieldNames
{
    /// <summary>The field <paramref name="refusal"/> names, as the public routes' bodies name it.</summary>
    public static string? Of(StatusKitException refusal) =>
        refusal is StatusKitValidationException { Code: ValidationCodes.MemberUnknown } ? refusal.Field : Of(refusal.Field);

    private static string? Of(string? field) => field switch
    {
        "componentIds" => "components",
        "incidentId" => "incident",
        _ => field,
    };
}
