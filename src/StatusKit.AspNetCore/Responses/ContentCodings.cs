using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StatusKit.AspNetCore.Responses;

/// <summary>The content coding a request's <c>Accept-Encoding</c> takes (RFC 9110, section 12.5.3).</summary>
internal static class ContentCodings
{
    /// <summary>
    /// Brotli when the request accepts <c>br</c>, else gzip when it accepts <c>gzip</c> (either named with a weight above
    /// 0, or through <c>*</c>), else the document as it is: without the header, with one that names neither, or with one
    /// that cannot be read.
    /// </summary>
    public static ContentCoding Accepted(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var codings))
        {
            return ContentCoding.Identity;
        }

        return Accepts(codings, "br") ? ContentCoding.Brotli : Accepts(codings, "gzip") ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    /// <summary>The <c>Content-Encoding</c> value of <paramref name="coding"/>; null for the document as it is.</summary>
    public static string? HeaderValue(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };

    // A coding named by itself counts with its own weight; otherwise "*" decides, if present.
    private static bool Accepts(IList<StringWithQualityHeaderValue> codings, string name)
    {
        double? named = null;
        double? any = null;
        foreach (var coding in codings)
        {
            var weight = coding.Quality ?? 1;
            if (coding.Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                named = Math.Max(named ?? 0, weight);
            }
            else if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any ?? 0, weight);
            }
        }

        return (named ?? any ?? 0) > 0;
    }
}
