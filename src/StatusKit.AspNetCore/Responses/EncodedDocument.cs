using System.IO.Compression;

namespace StatusKit.AspNetCore.Responses;

/// <summary>
/// A document as a route answers it: its bytes and their <c>ETag</c>, and, for a public page's document, its Brotli and
/// gzip forms, each with a tag of its own (a strong tag names one sequence of bytes: the form's is the document's with
/// <c>-br</c> or <c>-gz</c> added). Status pages' documents are repetitive (a page's uptime bars, a summary's components),
/// so the compressed forms are a tenth of them or less. Private pages' documents are never compressed: compression next
/// to a secret lets an attacker who can add text to a page guess the secret from the answers' sizes (BREACH).
/// </summary>
internal sealed class EncodedDocument
{
    private EncodedDocument(byte[] identity, string entityTag, byte[]? brotli, byte[]? gzip)
    {
        Identity = identity;
        EntityTag = entityTag;
        Brotli = brotli;
        Gzip = gzip;
    }

    /// <summary>The document's bytes.</summary>
    public byte[] Identity { get; }

    /// <summary>The tag of <see cref="Identity"/>.</summary>
    public string EntityTag { get; }

    /// <summary><see cref="Identity"/> compressed with Brotli, or null when not compressed.</summary>
    public byte[]? Brotli { get; }

    /// <summary><see cref="Identity"/> compressed with gzip, or null when not compressed.</summary>
    public byte[]? Gzip { get; }

    /// <summary>How many bytes the document holds in all its forms (what keeping it costs).</summary>
    public long Size => Identity.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0);

    /// <summary>Whether this document has compressed forms to offer.</summary>
    public bool IsCompressed => Brotli is not null;

    /// <summary>The tags of the forms this document has.</summary>
    public IEnumerable<string> EntityTags => TagsOf(EntityTag, IsCompressed);

    /// <summary>The document of <paramref name="bytes"/> (kept, not copied) as they are, tagged by their content.</summary>
    public static EncodedDocument Of(byte[] bytes) => Of(bytes, BodyEntityTag.Of(bytes));

    /// <summary>The document of <paramref name="bytes"/> (kept, not copied) as they are, tagged <paramref name="entityTag"/>.</summary>
    public static EncodedDocument Of(byte[] bytes, string entityTag) => new(bytes, entityTag, null, null);

    /// <summary>The document of <paramref name="bytes"/> (kept, not copied) with its Brotli and gzip forms, tagged by its content.</summary>
    public static EncodedDocument Compressed(byte[] bytes) => Compressed(bytes, BodyEntityTag.Of(bytes));

    /// <summary>The document of <paramref name="bytes"/> (kept, not copied) with its Brotli and gzip forms, tagged <paramref name="entityTag"/>.</summary>
    public static EncodedDocument Compressed(byte[] bytes, string entityTag) => new(
        bytes,
        entityTag,
        Compress(bytes, s => new BrotliStream(s, CompressionLevel.Optimal)),
        Compress(bytes, s => new GZipStream(s, CompressionLevel.Optimal)));

    /// <summary>
    /// The tags of the forms of a document tagged <paramref name="entityTag"/>: it alone, or with those of its compressed
    /// forms when it is <paramref name="compressed"/>. A route that knows a document's tag before making it answers a
    /// matching <c>If-None-Match</c> without making it.
    /// </summary>
    public static IEnumerable<string> TagsOf(string entityTag, bool compressed) =>
        compressed ? [entityTag, TagOf(entityTag, ContentCoding.Brotli), TagOf(entityTag, ContentCoding.Gzip)] : [entityTag];

    /// <summary>The bytes of the form sent with <paramref name="coding"/>.</summary>
    public byte[] BytesOf(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli ?? Identity,
        ContentCoding.Gzip => Gzip ?? Identity,
        _ => Identity,
    };

    /// <summary>
    /// The tag of the form sent with <paramref name="coding"/> of a document tagged <paramref name="entityTag"/>: the
    /// tag itself, or with <c>-br</c> or <c>-gz</c> added.
    /// </summary>
    public static string TagOf(string entityTag, ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => entityTag[..^1] + "-br\"",
        ContentCoding.Gzip => entityTag[..^1] + "-gz\"",
        _ => entityTag,
    };

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream(bytes.Length / 8);
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.ToArray();
    }
}
