using System.Security.Cryptography;
using System.Text;

namespace StatusKit.AspNetCore.Responses;

/// <summary>
/// The <c>ETag</c> of a document tagged by its content: a hash of its bytes (the first 12 bytes of their SHA-256, in hex,
/// quoted), so the tag changes when and only when the bytes do. One function for the routes that tag what they send
/// this way (the pages' HTML, the documents a host keeps, <c>metrics.json</c>) and for the page, which names its metrics
/// section's tag (<c>data-refresh-etag</c>) so the script's first refresh of an unchanged section is a 304.
/// </summary>
internal static class BodyEntityTag
{
    /// <summary>The tag of <paramref name="bytes"/>.</summary>
    public static string Of(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";

    /// <summary>The tag of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
