using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The headers every HTML document StatusKit serves carries: a <c>Content-Security-Policy</c> that lets the document run
/// only its own inline script (<see cref="PageStyles.Script"/>, by its hash), load images only from its own origin,
/// <c>data:</c> and its page's logo's origin (<see cref="PageBrand.LogoOrigin"/>) and nothing else from elsewhere, open
/// its live updates and post its forms only to its own origin; and <c>X-Content-Type-Options: nosniff</c>. So markup that
/// slipped past encoding could run no script and send nothing anywhere. Styles may be inline (the page's style elements:
/// its stylesheet and its accent); framing is left to the host, which may embed its status page.
/// </summary>
internal static class DocumentSecurityHeaders
{
    private static readonly string Before =
        "default-src 'none'; " +
        $"script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageStyles.Script)))}'; " +
        "style-src 'unsafe-inline'; img-src 'self' data:";

    private const string After = "; connect-src 'self'; form-action 'self'; base-uri 'none'";

    /// <summary>The policy of a document whose images come from its own origin, <c>data:</c> and <paramref name="logoOrigin"/>.</summary>
    public static string Policy(string? logoOrigin) => logoOrigin is null ? Before + After : string.Concat(Before, " ", logoOrigin, After);

    /// <summary>Sets both headers on <paramref name="response"/>, the policy allowing images from <paramref name="logoOrigin"/> too.</summary>
    public static void Apply(HttpResponse response, string? logoOrigin)
    {
        response.Headers.ContentSecurityPolicy = Policy(logoOrigin);
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
