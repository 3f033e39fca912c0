using System.Text.Json.Serialization;

namespace StatusKit.Notifications.Webhooks;

/// <summary>Source-generated JSON for <see cref="WebhookPayload"/>: snake_case, nulls written so the schema is fixed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
