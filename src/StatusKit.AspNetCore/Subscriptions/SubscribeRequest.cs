namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>The body of <c>POST {prefix}/{slug}/subscriptions</c> (JSON, or a form with the same field names).</summary>
internal sealed record SubscribeRequest
{
    /// <summary><c>email</c>, <c>slack</c>, <c>webhook</c> or <c>teams</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The email address or URL.</summary>
    public string? Destination { get; init; }

    /// <summary>Component ids to follow; empty or absent follows all.</summary>
    public IReadOnlyList<Guid>? Components { get; init; }

    /// <summary>Any of <c>degraded</c>, <c>outage</c>, <c>maintenance</c>, <c>resolved</c>; absent means all, an empty list is refused.</summary>
    public IReadOnlyList<string>? NotifyOn { get; init; }

    /// <summary>
    /// The id of an incident of the page to follow instead of the page (its updates, resolution and postmortem, nothing
    /// else); absent follows the page. Neither <see cref="Components"/> nor <see cref="NotifyOn"/> may come with it.
    /// </summary>
    public Guid? Incident { get; init; }
}
