using System.Text.Json;
using System.Text.Json.Serialization;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The JSON text kept in the id-list, wall-time-list and notification-content columns (portable across providers).</summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FromIds(IReadOnlyList<Guid> ids) => JsonSerializer.Serialize(ids ?? [], Options);

    public static IReadOnlyList<Guid> ToIds(string json) => JsonSerializer.Deserialize<Guid[]>(json, Options) ?? [];

    public static string FromNames(IReadOnlyList<string> names) => JsonSerializer.Serialize(names ?? [], Options);

    public static IReadOnlyList<string> ToNames(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json, Options) ?? [];

    /// <summary>Wall-clock date-times as <c>["2026-12-24T02:00:00", …]</c>: whatever their kind, the local reading, never an offset.</summary>
    public static string FromWallTimes(IReadOnlyList<DateTime> times) =>
        JsonSerializer.Serialize((times ?? []).Select(static t => DateTime.SpecifyKind(t, DateTimeKind.Unspecified)), Options);

    public static IReadOnlyList<DateTime> ToWallTimes(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<DateTime[]>(json, Options) ?? [];

    public static string FromContent(NotificationContent content) => JsonSerializer.Serialize(content, Options);

    public static NotificationContent ToContent(string json) =>
        JsonSerializer.Deserialize<NotificationContent>(json, Options)
        ?? throw new InvalidOperationException("A stored notification has no content.");
}
