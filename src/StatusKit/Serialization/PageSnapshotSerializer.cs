using System.Text.Json;
using StatusKit.Snapshots;

namespace StatusKit.Serialization;

/// <summary>Serialises page snapshots to UTF-8 JSON and back, without an intermediate string.</summary>
public static class PageSnapshotSerializer
{
    /// <summary>The snapshot's UTF-8 JSON: its <see cref="PageSnapshot.Utf8Json"/> when present, otherwise freshly serialised.</summary>
    public static ReadOnlyMemory<byte> ToUtf8Json(PageSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Utf8Json.IsEmpty
            ? JsonSerializer.SerializeToUtf8Bytes(snapshot, StatusKitJsonContext.Default.PageSnapshot)
            : snapshot.Utf8Json;
    }

    /// <summary>Reads a snapshot from UTF-8 JSON and keeps the bytes with it.</summary>
    public static PageSnapshot FromUtf8Json(ReadOnlyMemory<byte> utf8Json)
    {
        var snapshot = JsonSerializer.Deserialize(utf8Json.Span, StatusKitJsonContext.Default.PageSnapshot)
            ?? throw new JsonException("The cached page snapshot is empty.");
        return snapshot with { Utf8Json = utf8Json };
    }

    /// <summary>Returns <paramref name="snapshot"/> with its <see cref="PageSnapshot.Utf8Json"/> filled in.</summary>
    public static PageSnapshot WithUtf8Json(PageSnapshot snapshot) =>
        snapshot.Utf8Json.IsEmpty ? snapshot with { Utf8Json = ToUtf8Json(snapshot) } : snapshot;
}
