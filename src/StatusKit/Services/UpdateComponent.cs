using System.Text.Json.Serialization;

namespace StatusKit.Services;

/// <summary>Changes to a component; a null property leaves that field as it is, an empty string clears an optional one.</summary>
public sealed record UpdateComponent
{
    /// <summary>A new name.</summary>
    public string? Name { get; init; }

    /// <summary>A new description.</summary>
    public string? Description { get; init; }

    /// <summary>A new position.</summary>
    public int? DisplayOrder { get; init; }

    /// <summary>A new group heading.</summary>
    public string? GroupName { get; init; }

    /// <summary>A new team.</summary>
    public string? TeamId { get; init; }

    /// <summary>A new service identifier.</summary>
    public string? ServiceIdentifier { get; init; }

    /// <summary>
    /// Whether the public page and JSON API show the component only while it is not operational
    /// (<see cref="Model.Component.OnlyShowIfDegraded"/>); null leaves it as it is.
    /// </summary>
    public bool? OnlyShowIfDegraded { get; init; }

    /// <summary>
    /// A new upstream URL (<see cref="CreateComponent.UpstreamUrl"/>); an empty string stops following the upstream page,
    /// clearing <see cref="UpstreamComponentId"/> too. A new URL forgets the status read from the old one.
    /// </summary>
    public string? UpstreamUrl { get; init; }

    /// <summary>
    /// A new upstream component id (<see cref="CreateComponent.UpstreamComponentId"/>); an empty string follows the
    /// upstream page's overall status instead.
    /// </summary>
    public string? UpstreamComponentId { get; init; }

    /// <summary>
    /// The <see cref="Model.Component.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and
    /// no longer stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null,
    /// a concurrent change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
