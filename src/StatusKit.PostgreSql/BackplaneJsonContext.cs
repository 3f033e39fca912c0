using System.Text.Json.Serialization;

namespace StatusKit.PostgreSql;

/// <summary>Source-generated JSON for <see cref="BackplaneEnvelope"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BackplaneEnvelope))]
internal sealed partial class BackplaneJsonContext : JsonSerializerContext;
