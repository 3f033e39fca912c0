using System.Text;
using System.Text.RegularExpressions;

namespace StatusKit.Tests.Notifications.Support;

/// <summary>A parsed RFC 5322 / MIME entity: unfolded headers, and either a decoded body or parts.</summary>
public sealed class MimeEntity
{
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public required string RawBody { get; init; }

    public IReadOnlyList<MimeEntity> Parts { get; init; } = [];

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string ContentType => (Header("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    public string DecodedBody => (Header("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(RawBody, @"\s", string.Empty))),
        "quoted-printable" => MimeReader.DecodeQuotedPrintable(RawBody),
        _ => RawBody,
    };
}

/// <summary>Just enough of a MIME parser to check what the senders wrote.</summary>
public static partial class MimeReader
{
    public static MimeEntity Parse(string raw)
    {
        raw = raw.ReplaceLineEndings("\r\n");
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? string.Empty : raw[(split + 4)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Split("\r\n"))
        {
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), DecodeWords(line[(colon + 1)..].Trim())));
            }
        }

        var entity = new MimeEntity { Headers = headers, RawBody = body };
        var contentType = entity.Header("Content-Type") ?? string.Empty;
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return entity;
        }

        var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
        var parts = new List<MimeEntity>();
        var sections = body.Split("--" + boundary);
        foreach (var section in sections.Skip(1))
        {
            if (section.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            parts.Add(Parse(section.TrimStart('\r', '\n').TrimEnd('\r', '\n')));
        }

        return new MimeEntity { Headers = headers, RawBody = body, Parts = parts };
    }

    public static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length)
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) => EncodedWordPattern().Replace(value, m =>
        m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWordPattern();
}
