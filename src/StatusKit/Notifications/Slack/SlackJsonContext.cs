using System.Text.Json.Serialization;

namespace StatusKit.Notifications.Slack;

/// <summary>Source-generated JSON for <see cref="SlackPayload"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackPayload))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
