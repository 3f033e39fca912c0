using System.Text.RegularExpressions;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// The checks of a page's branding (<see cref="Model.StatusPage.HomepageUrl"/>, <see cref="Model.StatusPage.LogoUrl"/>,
/// <see cref="Model.StatusPage.AccentColor"/>): each returns the value to store (null for null, empty or blank, which
/// clears it) or throws a <see cref="StatusKitValidationException"/> that names the field and what it expects.
/// </summary>
internal static partial class BrandingGuard
{
    /// <summary>The longest URL kept: what every browser and proxy handles.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>
    /// An absolute <c>http</c> or <c>https</c> URL: a company's own website may still be plain HTTP, and following a link
    /// to it loads nothing into the status page.
    /// </summary>
    public static string? HomepageUrl(string? value) => Url(value, "homepageUrl", allowHttp: true);

    /// <summary>
    /// An absolute <c>https</c> URL only: the logo is loaded by the status page itself, and a plain-HTTP image on an
    /// HTTPS page is mixed content that browsers upgrade or block (and anyone on the path could swap it).
    /// </summary>
    public static string? LogoUrl(string? value) => Url(value, "logoUrl", allowHttp: false);

    /// <summary><c>#rrggbb</c> in any case, stored in lowercase.</summary>
    public static string? AccentColor(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (!ColorPattern().IsMatch(trimmed))
        {
            throw new StatusKitValidationException(
                "accentColor", $"The accentColor must be a colour written #rrggbb, six hex digits such as '#0969da' (was '{QuotedValue.Of(trimmed)}').");
        }

        return trimmed.ToLowerInvariant();
    }

    // The URL as given (trimmed), not as System.Uri rewrites it: what the operator typed is what they read back. The
    // pages encode it where they write it, so quotes or angle brackets in it stay inside their attribute.
    private static string? Url(string? value, string field, bool allowHttp)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var expected = allowHttp ? "an absolute http or https URL such as 'https://www.example.com/'" : "an absolute https URL such as 'https://www.example.com/logo.svg'";
        if (trimmed.Length > MaxUrlLength)
        {
            throw new StatusKitValidationException(field, $"The {field} must be at most {MaxUrlLength} characters (was {trimmed.Length}).", ValidationCodes.TextTooLong);
        }

        if (trimmed.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new StatusKitValidationException(field, $"The {field} must be {expected}, without spaces or control characters (percent-encode them).");
        }

        if (BrandingUrl.Parse(trimmed, allowHttp) is not { } uri)
        {
            throw new StatusKitValidationException(field, $"The {field} must be {expected} (was '{QuotedValue.Of(trimmed)}').");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new StatusKitValidationException(field, $"The {field} must not carry a user name or password before its host (was '{QuotedValue.Of(trimmed)}').");
        }

        // The page's Content-Security-Policy allows the logo by its origin, and a CSP source cannot name an IPv6 address
        // (browsers drop "https://[::1]" as invalid), so such a logo would be accepted and never shown.
        if (!allowHttp && uri.HostNameType == UriHostNameType.IPv6)
        {
            throw new StatusKitValidationException(
                field, $"The {field} must name its host by a domain name or an IPv4 address, not an IPv6 address, which the page's Content-Security-Policy cannot allow (was '{QuotedValue.Of(trimmed)}').");
        }

        return trimmed;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
