using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The strong entity tag of a versioned record (page, component, status incident, subscriber, maintenance window): its
/// version in quotes, <c>"3"</c>. It versions what an operator edits; a component's computed status can change without
/// it (see <c>IStatusStore</c>).
/// </summary>
internal static class EntityTags
{
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version whose tag is exactly <paramref name="opaque"/> (between the quotes): the strong comparison is
    /// character by character, so <c>"01"</c> is not the tag of version 1.
    /// </summary>
    public static bool TryParseVersion(ReadOnlySpan<char> opaque, out long version)
    {
        version = 0;
        return opaque.Length > 0
               && (opaque.Length == 1 || opaque[0] != '0')
               && long.TryParse(opaque, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>The admin API's JSON of <paramref name="body"/> with the <c>ETag</c> of <paramref name="version"/>.</summary>
    public static IResult Json<T>(T body, long version, int statusCode = StatusCodes.Status200OK) =>
        new TaggedResult(AdminJson.Json(body, statusCode), Of(version), null);

    /// <summary>
    /// A <c>201 Created</c> of <paramref name="body"/> with the <c>ETag</c> of <paramref name="version"/> and the
    /// <c>Location</c> where the admin API reads it (<see cref="AdminLocations"/>).
    /// </summary>
    public static IResult Created<T>(T body, long version, string location) =>
        new TaggedResult(AdminJson.Json(body, StatusCodes.Status201Created), Of(version), location);

    private sealed class TaggedResult(IResult inner, string etag, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            return inner.ExecuteAsync(httpContext);
        }
    }
}
