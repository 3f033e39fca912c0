namespace StatusKit.AspNetCore.Api;

/// <summary>One entry of an incident's or a maintenance's <c>incident_updates</c>.</summary>
internal sealed record ApiIncidentUpdate
{
    public required string Id { get; init; }

    public required string Status { get; init; }

    public required string Body { get; init; }

    public required string IncidentId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset DisplayAt { get; init; }

    public IReadOnlyList<ApiAffectedComponent>? AffectedComponents { get; init; }

    public bool DeliverNotifications { get; init; } = true;

    public string? CustomTweet { get; init; }

    public string? TweetId { get; init; }
}
