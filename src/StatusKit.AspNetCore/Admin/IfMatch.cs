using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The <c>If-Match</c> header of an admin write (RFC 9110 §13.1.1): <c>*</c> or a list of entity tags, compared with
/// the strong comparison against the record's entity tag, <c>"&lt;version&gt;"</c> (<see cref="EntityTags"/>). A weak
/// tag never matches; a header that is neither is malformed.
/// </summary>
internal sealed class IfMatch
{
    public const string HeaderName = "If-Match";

    private readonly HashSet<long> _versions;

    private IfMatch(bool any, HashSet<long> versions)
    {
        Any = any;
        _versions = versions;
    }

    /// <summary>Whether the header is <c>*</c>: any current representation matches.</summary>
    public bool Any { get; }

    /// <summary>The request's <c>If-Match</c>, or null when it has none; throws <see cref="PreconditionFailedException"/> when malformed.</summary>
    public static IfMatch? From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        var any = false;
        var versions = new HashSet<long>();
        var tags = 0;
        foreach (var value in values)
        {
            if (!TryParse(value ?? string.Empty, ref any, versions, ref tags))
            {
                throw new PreconditionFailedException(
                    $"The If-Match header '{string.Join(", ", values.ToArray())}' is not * or a list of entity tags such as \"3\"; send the ETag you read.");
            }
        }

        if (tags == 0 && !any)
        {
            throw new PreconditionFailedException("The If-Match header is empty; send the ETag you read, or leave the header out.");
        }

        return new IfMatch(any, versions);
    }

    /// <summary>Whether a record at <paramref name="version"/> satisfies the header.</summary>
    public bool Matches(long version) => Any || _versions.Contains(version);

    /// <summary>Reads one header field value: <c>*</c>, or entity tags separated by commas (and optional white space).</summary>
    private static bool TryParse(string value, ref bool any, HashSet<long> versions, ref int tags)
    {
        var i = 0;
        var expectTag = true;
        while (true)
        {
            while (i < value.Length && value[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == value.Length)
            {
                return true;
            }

            if (value[i] == ',')
            {
                i++;
                expectTag = true;
                continue;
            }

            if (!expectTag)
            {
                return false;
            }

            if (value[i] == '*')
            {
                any = true;
                i++;
            }
            else
            {
                var weak = string.CompareOrdinal(value, i, "W/", 0, 2) == 0;
                var open = weak ? i + 2 : i;
                if (open >= value.Length || value[open] != '"')
                {
                    return false;
                }

                var close = value.IndexOf('"', open + 1);
                if (close < 0)
                {
                    return false;
                }

                var opaque = value.AsSpan(open + 1, close - open - 1);
                foreach (var c in opaque)
                {
                    // etagc: %x21 / %x23-7E / obs-text; no controls, spaces or quotes.
                    if (c < 0x21 || c == 0x7F)
                    {
                        return false;
                    }
                }

                tags++;
                if (!weak && EntityTags.TryParseVersion(opaque, out var version))
                {
                    versions.Add(version);
                }

                i = close + 1;
            }

            expectTag = false;
        }
    }
}
