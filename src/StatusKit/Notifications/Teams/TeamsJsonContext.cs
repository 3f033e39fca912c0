using System.Text.Json.Serialization;

namespace StatusKit.Notifications.Teams;

/// <summary>Source-generated JSON for <see cref="TeamsPayload"/>: camelCase, as Adaptive Cards and the Teams message envelope are.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TeamsPayload))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
