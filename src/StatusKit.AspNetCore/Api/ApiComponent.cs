using System.Text.Json.Serialization;

namespace StatusKit.AspNetCore.Api;

/// <summary>A Statuspage component, or a component group (<see cref="Group"/> true, with its members' ids).</summary>
internal sealed record ApiComponent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required int Position { get; init; }

    public required string? Description { get; init; }

    public bool Showcase { get; init; }

    public string? StartDate { get; init; }

    public required string? GroupId { get; init; }

    public required string PageId { get; init; }

    public required bool Group { get; init; }

    public bool OnlyShowIfDegraded { get; init; }

    /// <summary>The member ids of a group; absent on ordinary components, as in Statuspage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Components { get; init; }
}
