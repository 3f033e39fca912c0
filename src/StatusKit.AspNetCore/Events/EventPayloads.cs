using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// The data of a <c>status</c> event: one component's new status. Every event's <c>version</c> is that of the page's
/// snapshot that shows it (<see cref="Engine.StatusChanged.SnapshotVersion"/>, the page's <c>data-version</c> and ETag),
/// or null when the host had none.
/// </summary>
internal sealed record ComponentStatusEvent(
    string ComponentId,
    string ComponentName,
    string Status,
    string StatusText,
    string OldStatus,
    DateTimeOffset At,
    string? Version);

/// <summary>
/// The data of a <c>group</c> event: a component group's new status (the worst of its components'), with the group's id
/// in the JSON API.
/// </summary>
internal sealed record GroupStatusEvent(
    string GroupId,
    string GroupName,
    string Status,
    string StatusText,
    string OldStatus,
    DateTimeOffset At,
    string? Version);

/// <summary>The data of a <c>page</c> event: the page's new overall status.</summary>
internal sealed record PageStatusEvent(string PageId, string Status, string Indicator, string Description, DateTimeOffset At, string? Version);

/// <summary>
/// The data of a <c>content</c> event: the page's incidents, maintenance or list of components changed, and a live page fetches those parts
/// again. Only the time and version of the snapshot that shows the change, so nothing about the change's cause leaks to
/// readers.
/// </summary>
internal sealed record ContentChangedEvent(DateTimeOffset At, string? Version);

/// <summary>Source-generated metadata of the SSE payloads (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ComponentStatusEvent))]
[JsonSerializable(typeof(GroupStatusEvent))]
[JsonSerializable(typeof(PageStatusEvent))]
[JsonSerializable(typeof(ContentChangedEvent))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
