namespace StatusKit.AspNetCore.Responses;

/// <summary>How a document is sent: as it is, or compressed (<c>Content-Encoding</c>).</summary>
internal enum ContentCoding
{
    /// <summary>As it is.</summary>
    Identity,

    /// <summary><c>br</c>.</summary>
    Brotli,

    /// <summary><c>gzip</c>.</summary>
    Gzip,
}
