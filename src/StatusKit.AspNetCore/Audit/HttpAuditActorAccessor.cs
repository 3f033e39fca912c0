using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using StatusKit.Audit;

namespace StatusKit.AspNetCore.Audit;

/// <summary>
/// Names the caller of the current request for the audit log: the authenticated user's name
/// (<see cref="System.Security.Principal.IIdentity.Name"/>), else their <see cref="ClaimTypes.NameIdentifier"/> claim;
/// without either, <c>admin-api</c> on the admin API and <c>anonymous</c> elsewhere (the public subscribe form);
/// <c>system</c> outside a request (background work, a host's own code).
/// </summary>
internal sealed class HttpAuditActorAccessor(IHttpContextAccessor contexts) : IAuditActorAccessor
{
    public const string AdminApi = "admin-api";
    public const string Anonymous = "anonymous";

    public string? GetActor()
    {
        if (contexts.HttpContext is not { } context)
        {
            return "system";
        }

        var user = context.User;
        if (user.Identity is { IsAuthenticated: true } identity)
        {
            if (!string.IsNullOrWhiteSpace(identity.Name))
            {
                return identity.Name;
            }

            if (user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id && !string.IsNullOrWhiteSpace(id))
            {
                return id;
            }
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<AdminApiEndpoint>() is null ? Anonymous : AdminApi;
    }
}
