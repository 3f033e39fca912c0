namespace StatusKit.Services;

/// <summary>What a new component needs.</summary>
public sealed record CreateComponent
{
    /// <summary>The page to add it to.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The name, unique on the page (required, at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Position on the page, 0 to 1,000,000; when null, after the last component (at most 1,000,000).</summary>
    public int? DisplayOrder { get; init; }

    /// <summary>An optional group heading.</summary>
    public string? GroupName { get; init; }

    /// <summary>The team whose incidents affect the component; null means incidents never do.</summary>
    public string? TeamId { get; init; }

    /// <summary>Restricts the affecting incidents to this service identifier.</summary>
    public string? ServiceIdentifier { get; init; }

    /// <summary>
    /// Whether the public page and JSON API show the component only while it is not operational
    /// (<see cref="Model.Component.OnlyShowIfDegraded"/>). Default false: always shown.
    /// </summary>
    public bool OnlyShowIfDegraded { get; init; }

    /// <summary>
    /// The https URL of a Statuspage-compatible <c>summary.json</c> whose status the component follows (a third-party
    /// component, <see cref="Model.Component.UpstreamUrl"/>): absolute, <c>https</c>, at most 2,048 characters, no user
    /// name or password. Null (or empty) follows none.
    /// </summary>
    public string? UpstreamUrl { get; init; }

    /// <summary>
    /// The id of the upstream page's component to follow (<see cref="Model.Component.UpstreamComponentId"/>, at most 200
    /// characters; only with <see cref="UpstreamUrl"/>); null follows the upstream page's overall status.
    /// </summary>
    public string? UpstreamComponentId { get; init; }
}
