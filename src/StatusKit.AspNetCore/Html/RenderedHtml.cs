using System.IO.Compression;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// An HTML document as its routes answer it: its UTF-8 bytes and their <c>ETag</c> (<see cref="HtmlEntityTag"/>), and,
/// for a document kept for many readers (<see cref="RenderedPageCache"/>), its Brotli and gzip forms, each with a tag of
/// its own (a strong tag names one sequence of bytes). A page's uptime bars make its HTML large and repetitive (about
/// 10 KB a component), so the compressed forms are a tenth of it or less.
/// </summary>
internal sealed class RenderedHtml
{
    private RenderedHtml(byte[] identity, string entityTag, byte[]? brotli, byte[]? gzip)
    {
        Identity = identity;
        EntityTag = entityTag;
        Brotli = brotli;
        Gzip = gzip;
    }

    /// <summary>The document's UTF-8 bytes.</summary>
    public byte[] Identity { get; }

    /// <summary>The tag of <see cref="Identity"/>.</summary>
    public string EntityTag { get; }

    /// <summary><see cref="Identity"/> compressed with Brotli, or null when not compressed.</summary>
    public byte[]? Brotli { get; }

    /// <summary><see cref="Identity"/> compressed with gzip, or null when not compressed.</summary>
    public byte[]? Gzip { get; }

    /// <summary>How many bytes the document holds in all its forms (what keeping it costs).</summary>
    public long Size => Identity.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0);

    /// <summary>The document of <paramref name="utf8"/>, its UTF-8 bytes (kept, not copied), as they are.</summary>
    public static RenderedHtml Of(byte[] utf8) => new(utf8, HtmlEntityTag.Of(utf8), null, null);

    /// <summary>The document of <paramref name="utf8"/>, its UTF-8 bytes (kept, not copied), with its Brotli and gzip forms.</summary>
    public static RenderedHtml Compressed(byte[] utf8) =>
        new(utf8, HtmlEntityTag.Of(utf8), Compress(utf8, s => new BrotliStream(s, CompressionLevel.Optimal)), Compress(utf8, s => new GZipStream(s, CompressionLevel.Optimal)));

    /// <summary>The tag of the form sent with <paramref name="coding"/>: <see cref="EntityTag"/> with a suffix for a compressed form.</summary>
    public string EntityTagOf(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => EntityTag[..^1] + "-br\"",
        ContentCoding.Gzip => EntityTag[..^1] + "-gz\"",
        _ => EntityTag,
    };

    /// <summary>The bytes of the form sent with <paramref name="coding"/>.</summary>
    public byte[] BytesOf(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => Brotli ?? Identity,
        ContentCoding.Gzip => Gzip ?? Identity,
        _ => Identity,
    };

    /// <summary>The tags of the forms this document has.</summary>
    public IEnumerable<string> EntityTags => IsCompressed ? [EntityTag, EntityTagOf(ContentCoding.Brotli), EntityTagOf(ContentCoding.Gzip)] : [EntityTag];

    /// <summary>Whether this document has compressed forms to offer.</summary>
    public bool IsCompressed => Brotli is not null;

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
