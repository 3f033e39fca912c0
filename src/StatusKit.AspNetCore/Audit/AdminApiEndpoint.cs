namespace StatusKit.AspNetCore.Audit;

/// <summary>Marks the admin API's endpoints, so the audit log names an unnamed caller there <c>admin-api</c>.</summary>
internal sealed class AdminApiEndpoint
{
    public static readonly AdminApiEndpoint Instance = new();
}
