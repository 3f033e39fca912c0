using System.Globalization;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// The <c>Cache-Control</c> of a public page's answers, made once from the options: <c>public, max-age</c> of
/// <see cref="StatusPageEndpointOptions.PublicCacheMaxAge"/>, and, when set, <c>stale-while-revalidate</c> and
/// <c>stale-if-error</c> (RFC 5861) for a CDN or reverse proxy in front of the pages.
/// </summary>
internal sealed class PublicCacheControl
{
    private readonly StatusPageEndpointOptions _options;

    public PublicCacheControl(IOptions<StatusPageEndpointOptions> options)
    {
        _options = options.Value;
        Value = WithMaxAge(_options.PublicCacheMaxAge);
    }

    /// <summary>The header's value for the answers of public pages.</summary>
    public string Value { get; }

    /// <summary>The header's value for an answer kept for <paramref name="maxAge"/> instead (a route with its own age).</summary>
    public string WithMaxAge(TimeSpan maxAge)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"public, max-age={Seconds(maxAge)}");
        if (_options.PublicStaleWhileRevalidate > TimeSpan.Zero)
        {
            value += string.Create(CultureInfo.InvariantCulture, $", stale-while-revalidate={Seconds(_options.PublicStaleWhileRevalidate)}");
        }

        if (_options.PublicStaleIfError > TimeSpan.Zero)
        {
            value += string.Create(CultureInfo.InvariantCulture, $", stale-if-error={Seconds(_options.PublicStaleIfError)}");
        }

        return value;
    }

    private static long Seconds(TimeSpan duration) => (long)duration.TotalSeconds;
}
