using System.Text.Json.Serialization;
using StatusKit.Notifications;
using StatusKit.Snapshots;

namespace StatusKit.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for what StatusKit serialises itself: page snapshots (cache entries)
/// and notification content (outbox payloads). camelCase, enums as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PageSnapshot))]
[JsonSerializable(typeof(NotificationContent))]
public sealed partial class StatusKitJsonContext : JsonSerializerContext;
