namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The body of <c>POST {prefix}/{slug}/subscriptions/manage?token=</c> (JSON, or the manage page's form with the same
/// field names): what it leaves out (or null) is kept. In JSON, <see cref="Components"/> empty follows every component;
/// a form with no component ticked sends none, which means the same.
/// </summary>
internal sealed record ManageRequest
{
    /// <summary>Component ids to follow; empty follows all.</summary>
    public IReadOnlyList<Guid>? Components { get; init; }

    /// <summary>Any of <c>degraded</c>, <c>outage</c>, <c>maintenance</c>, <c>resolved</c> (or <c>all</c>); an empty list is refused.</summary>
    public IReadOnlyList<string>? NotifyOn { get; init; }
}
