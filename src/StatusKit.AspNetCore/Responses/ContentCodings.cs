using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Responses;

/// <summary>The content coding a request's <c>Accept-Encoding</c> takes (RFC 9110, section 12.5.3).</summary>
internal static class ContentCodings
{
    /// <summary>
    /// Brotli when the request accepts <c>br</c>, else gzip when it accepts <c>gzip</c> (either named with a weight above
    /// 0, or through <c>*</c>), else the document as it is: without the header, with one that names neither, or with a
    /// weight that cannot be read. Read in place, without allocating: every reader of a kept document passes here.
    /// </summary>
    public static ContentCoding Accepted(HttpRequest request)
    {
        double? brotli = null;
        double? gzip = null;
        double? any = null;
        foreach (var value in request.Headers.AcceptEncoding)
        {
            var header = value.AsSpan();
            foreach (var range in header.Split(','))
            {
                var coding = header[range].Trim();
                var semicolon = coding.IndexOf(';');
                var name = (semicolon < 0 ? coding : coding[..semicolon]).Trim();
                if (name.IsEmpty)
                {
                    continue;
                }

                if (!TryReadWeight(semicolon < 0 ? [] : coding[(semicolon + 1)..], out var weight))
                {
                    return ContentCoding.Identity;
                }

                // A coding named more than once counts with its highest weight.
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = Math.Max(brotli ?? 0, weight);
                }
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = Math.Max(gzip ?? 0, weight);
                }
                else if (name is "*")
                {
                    any = Math.Max(any ?? 0, weight);
                }
            }
        }

        // A coding named by itself counts with its own weight; otherwise "*" decides, if present.
        return (brotli ?? any ?? 0) > 0 ? ContentCoding.Brotli
            : (gzip ?? any ?? 0) > 0 ? ContentCoding.Gzip
            : ContentCoding.Identity;
    }

    /// <summary>The <c>Content-Encoding</c> value of <paramref name="coding"/>; null for the document as it is.</summary>
    public static string? HeaderValue(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };

    // The weight among a coding's parameters ("q=0.5"), 1 without one; false for a parameter without a value or a weight
    // that is not a number from 0 to 1.
    private static bool TryReadWeight(ReadOnlySpan<char> parameters, out double weight)
    {
        weight = 1;
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.IsEmpty)
            {
                continue;
            }

            var equals = parameter.IndexOf('=');
            if (equals < 0)
            {
                return false;
            }

            if (parameter[..equals].Trim().Equals("q", StringComparison.OrdinalIgnoreCase)
                && (!double.TryParse(parameter[(equals + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out weight) || weight > 1))
            {
                return false;
            }
        }

        return true;
    }
}
