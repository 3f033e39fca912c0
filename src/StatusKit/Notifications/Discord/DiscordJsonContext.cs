using System.Text.Json.Serialization;

namespace StatusKit.Notifications.Discord;

/// <summary>Source-generated JSON for <see cref="DiscordPayload"/>: snake_case, as Discord's API is.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordPayload))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
