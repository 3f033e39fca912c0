namespace StatusKit.Services;

/// <summary>
/// A component or a component group of an Atlassian Statuspage page, as its public <c>components.json</c> (or
/// <c>summary.json</c>) tells of it, for <see cref="ComponentImportService.ImportAsync"/> (the ASP.NET Core admin route
/// reads that document as-is). Its <c>status</c> is not here: StatusKit computes a component's status itself.
/// </summary>
public sealed record ImportedComponent
{
    /// <summary>Its id on Statuspage (its <c>id</c>): how its members name a group (<see cref="GroupId"/>).</summary>
    public required string StatuspageId { get; init; }

    /// <summary>Its name (Statuspage's <c>name</c>): a component's name, or a group's, which becomes its members' <see cref="Model.Component.GroupName"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Its description (Statuspage's <c>description</c>), or null.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Its position (Statuspage's <c>position</c>): among the page's top-level entries for a group or a component in no
    /// group, within its group for a member. Null comes after the others; entries of the same position keep the order given.
    /// </summary>
    public int? Position { get; init; }

    /// <summary>Whether it is a group (Statuspage's <c>group</c>): a heading for its members, not created as a component.</summary>
    public bool IsGroup { get; init; }

    /// <summary>The <see cref="StatuspageId"/> of the group it belongs to (Statuspage's <c>group_id</c>), or null.</summary>
    public string? GroupId { get; init; }

    /// <summary>
    /// A group's members' ids (Statuspage's <c>components</c> of a group entry): a component it lists belongs to the group
    /// even when the component's own <see cref="GroupId"/> is missing.
    /// </summary>
    public IReadOnlyList<string> MemberIds { get; init; } = [];

    /// <summary>Statuspage's <c>only_show_if_degraded</c>: kept as <see cref="Model.Component.OnlyShowIfDegraded"/>.</summary>
    public bool OnlyShowIfDegraded { get; init; }
}
