using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StatusKit.Snapshots;

namespace StatusKit.Serialization;

/// <summary>
/// Stamps a snapshot with its build time and content version, and keeps its UTF-8 JSON, serialising it once.
/// </summary>
/// <remarks>
/// The snapshot is serialised with <see cref="PageSnapshot.GeneratedAt"/> and a placeholder version of
/// <see cref="VersionLength"/> zeros. Those two are the last properties of the JSON (pinned by
/// <c>[JsonPropertyOrder]</c>), so everything before <c>,"generatedAt":</c> is the serialised content alone: the
/// version is the first 16 bytes of its SHA-256 in lower-case hex, written over the placeholder. Hex digits are ASCII
/// and need no JSON escaping, so the bytes are exactly what serialising the stamped snapshot gives.
/// </remarks>
internal static class PageSnapshotStamp
{
    /// <summary>The length of a version: 16 bytes in hex.</summary>
    public const int VersionLength = 32;

    private const int VersionHashBytes = VersionLength / 2;

    private static ReadOnlySpan<byte> GeneratedAtKey => ",\"generatedAt\":"u8;

    private static ReadOnlySpan<byte> VersionKey => ",\"version\":\""u8;

    private static ReadOnlySpan<byte> End => "\"}"u8;

    /// <summary>
    /// <paramref name="content"/> with <see cref="PageSnapshot.GeneratedAt"/> set to <paramref name="generatedAt"/>,
    /// <see cref="PageSnapshot.Version"/> set to the hash of the rest of its content, and
    /// <see cref="PageSnapshot.Utf8Json"/> set to its serialisation.
    /// </summary>
    public static PageSnapshot Stamp(PageSnapshot content, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        var placeholder = content with { GeneratedAt = generatedAt, Version = new string('0', VersionLength), Utf8Json = default };
        var json = JsonSerializer.SerializeToUtf8Bytes(placeholder, StatusKitJsonContext.Default.PageSnapshot);

        var versionAt = json.Length - End.Length - VersionLength;
        var versionKeyAt = versionAt - VersionKey.Length;
        var contentEnd = versionKeyAt < 0 ? -1 : json.AsSpan(0, versionKeyAt).LastIndexOf(GeneratedAtKey);
        if (contentEnd < 0
            || !json.AsSpan(versionKeyAt, VersionKey.Length).SequenceEqual(VersionKey)
            || !json.AsSpan(json.Length - End.Length).SequenceEqual(End))
        {
            throw new InvalidOperationException(
                "A page snapshot's JSON must end with its generatedAt and version properties, in that order and unindented; " +
                "keep them last in PageSnapshot ([JsonPropertyOrder]) and StatusKitJsonContext unindented.");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(json.AsSpan(0, contentEnd), hash);
        var version = Convert.ToHexStringLower(hash[..VersionHashBytes]);
        Encoding.ASCII.GetBytes(version, json.AsSpan(versionAt, VersionLength));
        return placeholder with { Version = version, Utf8Json = json };
    }
}
