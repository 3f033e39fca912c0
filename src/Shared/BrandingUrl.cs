namespace StatusKit.Shared;

/// <summary>
/// The one reading of a page's homepage and logo URLs: the page service accepts only what this reads (and refuses user
/// information besides), and the pages render only what it reads, so a value written to a store some other way never
/// becomes a link or an image the service would have refused. Compiled into each StatusKit assembly that needs it
/// (shared source, internal).
/// </summary>
internal static class BrandingUrl
{
    /// <summary>
    /// <paramref name="url"/> as an absolute <c>https</c> URL (or <c>http</c> when <paramref name="allowHttp"/>), written
    /// with its scheme and naming a host; null when it is not one.
    /// </summary>
    public static Uri? Parse(string? url, bool allowHttp) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
        && uri.Host.Length > 0
            ? uri
            : null;
}
