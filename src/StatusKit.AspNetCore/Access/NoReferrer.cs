using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// <c>Referrer-Policy: no-referrer</c>: a browser sends no <c>Referer</c> from the response's document (its links, images
/// and scripts) nor along a redirect, so a URL that held an access token never reaches another site or a log.
/// </summary>
internal static class NoReferrer
{
    /// <summary>The header's name (not in ASP.NET Core's <c>HeaderNames</c>).</summary>
    public const string HeaderName = "Referrer-Policy";

    /// <summary>Sets the header on <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response) => response.Headers[HeaderName] = "no-referrer";
}
