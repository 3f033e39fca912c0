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
    /// <summary>What a snapshot shows of <paramref name="component"/>.</summary>
    internal static ComponentSnapshot Of(Component component) => new(
        component.Id, component.Name, component.Description, component.GroupName, component.DisplayOrder, component.Status, component.StatusUpdatedAt);

    /// <summary>
    /// Whether this is what a snapshot shows of <paramref name="component"/>, as <see cref="Of"/> would make it: every
    /// shown field equal, and the status time's offset too (the JSON writes it, and equality ignores it).
    /// </summary>
    internal bool Shows(Component component) =>
        Id == component.Id
        && DisplayOrder == component.DisplayOrder
        && Status == component.Status
        && StatusUpdatedAt == component.StatusUpdatedAt
        && StatusUpdatedAt.Offset == component.StatusUpdatedAt.Offset
        && string.Equals(Name, component.Name, StringComparison.Ordinal)
        && string.Equals(Description, component.Description, StringComparison.Ordinal)
        && string.Equals(GroupName, component.GroupName, StringComparison.Ordinal);
}
