using System.Security.Cryptography;
using System.Text;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The <c>ETag</c> of an HTML document the pages' routes answer: a hash of its UTF-8 bytes (the first 12 bytes of their
/// SHA-256, in hex, quoted), so the tag changes when and only when the bytes do. One function for the routes and for the
/// page, which names its metrics section's tag (<c>data-refresh-etag</c>) so the script's first refresh of an
/// unchanged section is a 304.
/// </summary>
internal static class HtmlEntityTag
{
    /// <summary>The tag of <paramref name="bytes"/>.</summary>
    public static string Of(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";

    /// <summary>The tag of <paramref name="html"/>'s UTF-8 bytes.</summary>
    public static string Of(string html) => Of(Encoding.UTF8.GetBytes(html));
}
