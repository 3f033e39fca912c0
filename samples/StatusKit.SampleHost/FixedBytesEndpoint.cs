using System.Collections.Concurrent;

namespace StatusKit.SampleHost;

/// <summary>
/// <c>GET /sample/fixed-bytes?size=N</c>: N pre-encoded bytes of valid JSON, allocated once per size and cached. The
/// baseline of the HTTP benchmark (<c>benchmarks/http/run.sh</c>): the same host and pipeline as <c>summary.json</c>,
/// with no page lookup, ETag or serialisation. Sample only, not part of the library.
/// </summary>
public static class FixedBytesEndpoint
{
    public const int MaxSize = 16 * 1024 * 1024;
    public const int MaxCachedSizes = 16;
    private const string ContentType = "application/json; charset=utf-8";
    private static readonly ConcurrentDictionary<int, byte[]> Cache = new();

    public static void MapFixedBytesEndpoint(this WebApplication app) =>
        app.MapGet("/sample/fixed-bytes", (int? size) =>
        {
            var n = size ?? 23 * 1024;
            if (n is < 8 or > MaxSize)
            {
                return Results.BadRequest($"size must be between 8 and {MaxSize}.");
            }

            if (!Cache.TryGetValue(n, out var bytes))
            {
                if (Cache.Count >= MaxCachedSizes)
                {
                    return Results.BadRequest($"At most {MaxCachedSizes} different sizes are served.");
                }

                bytes = Cache.GetOrAdd(n, Create);
            }

            return TypedResults.Bytes(bytes, ContentType);
        }).ExcludeFromDescription();

    /// <summary><c>{"p":"xxx…"}</c> padded to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Create(int size)
    {
        var bytes = new byte[size];
        bytes.AsSpan().Fill((byte)'x');
        "{\"p\":\""u8.CopyTo(bytes);
        "\"}"u8.CopyTo(bytes.AsSpan(size - 2));
        return bytes;
    }
}
