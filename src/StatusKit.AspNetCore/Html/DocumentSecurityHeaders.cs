using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The headers every HTML document StatusKit serves carries: a <c>Content-Security-Policy</c> that lets the document run
/// only its own inline script (<see cref="PageStyles.Script"/>, by its hash), load nothing from elsewhere, open its live
/// updates and post its forms only to its own origin; and <c>X-Content-Type-Options: nosniff</c>. So markup that slipped
/// past encoding could run no script and send nothing anywhere. Styles may be inline (the page's one style element and
/// its own rules); framing is left to the host, which may embed its status page.
/// </summary>
internal static class DocumentSecurityHeaders
{
    /// <summary>The policy's value: constant, so a cached or conditional answer carries the same one.</summary>
    public static string Policy { get; } =
        "default-src 'none'; " +
        $"script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageStyles.Script)))}'; " +
        "style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'";

    /// <summary>Sets both headers on <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
