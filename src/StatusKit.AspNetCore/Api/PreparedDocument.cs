using StatusKit.AspNetCore.Responses;

namespace StatusKit.AspNetCore.Api;

/// <summary>A document whose ETag is known; it is made (or taken from the memo) only when asked.</summary>
internal sealed class PreparedDocument
{
    private readonly Func<EncodedDocument> _render;

    public PreparedDocument(string etag, bool compressed, Func<EncodedDocument> render)
    {
        ETag = etag;
        IsCompressed = compressed;
        _render = render;
    }

    /// <summary>The strong, quoted entity tag of the document's bytes as they are.</summary>
    public string ETag { get; }

    /// <summary>Whether the document has compressed forms (<see cref="EncodedDocument.IsCompressed"/>).</summary>
    public bool IsCompressed { get; }

    /// <summary>The document, its UTF-8 JSON with their compressed forms when <see cref="IsCompressed"/>.</summary>
    public EncodedDocument Render() => _render();
}
