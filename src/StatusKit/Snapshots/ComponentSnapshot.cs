using System.Text.Json.Serialization;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Snapshots;

/// <summary>A component as shown on a page snapshot.</summary>
/// <param name="Id">The component id.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description.</param>
/// <param name="GroupName">The group heading, if any.</param>
/// <param name="DisplayOrder">Position on the page.</param>
/// <param name="Status">The effective status.</param>
/// <param name="StatusUpdatedAt">When the status last changed.</param>
public sealed record ComponentSnapshot(
    Guid Id,
    string Name,
    string? Description,
    string? GroupName,
    int DisplayOrder,
    ComponentStatus Status,
    DateTimeOffset StatusUpdatedAt)
{
    /// <summary>
    /// The component's <see cref="Component.OnlyShowIfDegraded"/>. Left out of the snapshot's JSON while false, so the
    /// JSON (and the version) of a page without such components is what it was before the setting existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool OnlyShowIfDegraded { get; init; }

    /// <summary>
    /// Whether the public page and JSON API show the component: unless it is <see cref="OnlyShowIfDegraded"/> and
    /// <see cref="ComponentStatus.Operational"/>. Fixed with the snapshot (both are its own fields), so readers decide
    /// nothing per request; the admin API shows every component whatever this says.
    /// </summary>
    [JsonIgnore]
    public bool IsShown => !OnlyShowIfDegraded || Status != ComponentStatus.Operational;

    /// <summary>
    /// The host name of the component's upstream page (<see cref="Component.UpstreamUrl"/>) when it is a third-party
    /// component, which the public page names discreetly; null otherwise, and then left out of the snapshot's JSON, so
    /// the JSON (and the version) of a page without such components is what it was before they existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpstreamHost { get; init; }

    /// <summary>What a snapshot shows of <paramref name="component"/>.</summary>
    internal static ComponentSnapshot Of(Component component) => new(
        component.Id, component.Name, component.Description, component.GroupName, component.DisplayOrder, component.Status, component.StatusUpdatedAt)
    {
        OnlyShowIfDegraded = component.OnlyShowIfDegraded,
        UpstreamHost = HostOf(component.UpstreamUrl),
    };

    // The host of an upstream URL as the service accepted it (an absolute https URL); null for none.
    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.IdnHost : null;

    /// <summary>
    /// Whether this is what a snapshot shows of <paramref name="component"/>, as <see cref="Of"/> would make it: every
    /// shown field equal, and the status time's offset too (the JSON writes it, and equality ignores it).
    /// </summary>
    internal bool Shows(Component component) =>
        Id == component.Id
        && DisplayOrder == component.DisplayOrder
        && OnlyShowIfDegraded == component.OnlyShowIfDegraded
        && Status == component.Status
        && StatusUpdatedAt == component.StatusUpdatedAt
        && StatusUpdatedAt.Offset == component.StatusUpdatedAt.Offset
        && string.Equals(Name, component.Name, StringComparison.Ordinal)
        && string.Equals(Description, component.Description, StringComparison.Ordinal)
        && string.Equals(GroupName, component.GroupName, StringComparison.Ordinal)
        && string.Equals(UpstreamHost, HostOf(component.UpstreamUrl), StringComparison.Ordinal);
}
