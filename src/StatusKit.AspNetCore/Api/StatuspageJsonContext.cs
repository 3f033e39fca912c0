using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// Source-generated metadata of the Statuspage v2 documents: snake_case, every field written even when null,
/// timestamps with milliseconds and offset.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(StatuspageTimestampConverter)])]
[JsonSerializable(typeof(SummaryDocument))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ComponentsDocument))]
[JsonSerializable(typeof(IncidentsDocument))]
[JsonSerializable(typeof(ScheduledMaintenancesDocument))]
internal sealed partial class StatuspageJsonContext : JsonSerializerContext;
