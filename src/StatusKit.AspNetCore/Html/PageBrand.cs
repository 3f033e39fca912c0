using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// A page's branding in its HTML (<see cref="PageSnapshot.HomepageUrl"/>, <see cref="PageSnapshot.LogoUrl"/>,
/// <see cref="PageSnapshot.AccentColor"/>): the heading's logo and link, the footer's way back to the organisation's
/// website, and the accent's custom properties. Each is written only when its value is what the page service accepts
/// (an absolute http(s) homepage, an https logo, <c>#rrggbb</c>), so a value written to the store some other way never
/// becomes a <c>javascript:</c> link or a style rule; and every value goes through the writer's encoding.
/// </summary>
internal static class PageBrand
{
    /// <summary>
    /// The <c>style</c> element that gives the page its accent in <paramref name="scheme"/>, after the page's style sheet
    /// (<see cref="PageTheme"/>); nothing without one, so an unbranded page looks as it always has.
    /// </summary>
    public static HtmlWriter AccentStyle(this HtmlWriter html, string? accentColor, PageColorScheme scheme) =>
        PageTheme.AccentProperties(accentColor, scheme) is { } properties
            ? html.Raw("<style>").Raw(properties).Raw(PageStyles.AccentRules).Raw("</style>")
            : html;

    /// <summary>
    /// The content of the page's <c>h1</c>: the logo (its alternative text the page's name, which the browser shows when
    /// the image does not load) or the name, linking to the organisation's website when the page has one, else to
    /// <paramref name="fallbackHref"/> (none: not a link).
    /// </summary>
    public static HtmlWriter Heading(this HtmlWriter html, PageSnapshot snapshot, string? fallbackHref)
    {
        var href = HomepageUri(snapshot)?.OriginalString ?? fallbackHref;
        if (href is not null)
        {
            html.Raw("<a class=\"home\"").Attribute("href", href).Raw(">");
        }

        if (LogoUri(snapshot) is { } logo)
        {
            html.Raw("<img class=\"logo\"").Attribute("src", logo.OriginalString).Attribute("alt", snapshot.Name).Raw(">");
        }
        else
        {
            html.Text(snapshot.Name);
        }

        return href is null ? html : html.Raw("</a>");
    }

    /// <summary>The footer's "Back to example.com" paragraph, when the page has a homepage.</summary>
    public static HtmlWriter BackToHomepage(this HtmlWriter html, PageSnapshot snapshot) =>
        HomepageUri(snapshot) is { } homepage
            ? html.Raw("<p class=\"back\"><a").Attribute("href", homepage.OriginalString).Raw(">").Text(html.Texts.Format(html.Texts.BackTo, HostName(homepage))).Raw("</a></p>")
            : html;

    /// <summary>The host a reader recognises: without its <c>www.</c>, in Unicode for an internationalised name.</summary>
    public static string HostName(Uri homepage)
    {
        var host = homepage.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && host.Length > 4 ? host[4..] : host;
    }

    /// <summary>
    /// The origin of the logo <see cref="Heading"/> shows (<c>https://host[:port]</c>, the host in ASCII as a
    /// Content-Security-Policy source names it); null when it shows none.
    /// </summary>
    public static string? LogoOrigin(PageSnapshot snapshot) =>
        LogoUri(snapshot) is { } logo ? $"{logo.Scheme}://{logo.IdnHost}{(logo.IsDefaultPort ? "" : ":" + logo.Port)}" : null;

    private static Uri? HomepageUri(PageSnapshot snapshot) => Absolute(snapshot.HomepageUrl, allowHttp: true);

    // Not one at an IPv6 address (the page service refuses it now): no Content-Security-Policy source can name it.
    private static Uri? LogoUri(PageSnapshot snapshot) =>
        Absolute(snapshot.LogoUrl, allowHttp: false) is { HostNameType: not UriHostNameType.IPv6 } logo ? logo : null;

    // What the page service accepts (BrandingGuard reads it the same way, and refuses user information too).
    private static Uri? Absolute(string? url, bool allowHttp) => BrandingUrl.Parse(url, allowHttp) is { UserInfo.Length: 0 } uri ? uri : null;
}
