namespace StatusKit.AspNetCore.Api;

/// <summary>A document whose ETag is known; its bytes are produced (or taken from the memo) only when asked.</summary>
internal sealed class PreparedDocument
{
    private readonly Func<byte[]> _render;

    public PreparedDocument(string etag, Func<byte[]> render)
    {
        ETag = etag;
        _render = render;
    }

    /// <summary>The strong, quoted entity tag.</summary>
    public string ETag { get; }

    /// <summary>The UTF-8 JSON.</summary>
    public byte[] Render() => _render();
}
