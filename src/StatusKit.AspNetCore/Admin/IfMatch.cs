using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StatusKit.Shared;

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

        // ASP.NET Core's own parser of the header's grammar (a list of entity tags, or *); strict, so one malformed
        // element fails the whole header instead of being skipped.
        if (!EntityTagHeaderValue.TryParseStrictList(values, out var tags) || tags.Count == 0)
        {
            throw new PreconditionFailedException(
                $"The If-Match header '{QuotedValue.Of(string.Join(", ", values.ToArray()))}' is not * or a list of entity tags such as \"3\"; send the ETag you read.");
        }

        var any = false;
        var versions = new HashSet<long>();
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                any = true;
            }
            else if (!tag.IsWeak && EntityTags.TryParseVersion(tag.Tag.AsSpan(1, tag.Tag.Length - 2), out var version))
            {
                versions.Add(version);
            }
        }

        return new IfMatch(any, versions);
    }

    /// <summary>Whether a record at <paramref name="version"/> satisfies the header.</summary>
    public bool Matches(long version) => Any || _versions.Contains(version);
}
