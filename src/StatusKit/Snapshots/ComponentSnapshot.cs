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
    DateTimeOffset StatusUpdatedAt);
