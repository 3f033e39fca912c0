namespace StatusKit.Model;

/// <summary>
/// One change on a status page, as its audit log records it (an operator's, a subscriber's own through its links, or
/// one StatusKit made by itself, such as the scheduler starting a maintenance window): who (<see cref="Actor"/>) did what
/// (<see cref="Action"/>) to which record (<see cref="TargetKind"/>, <see cref="TargetId"/>) and when. It names the
/// fields that changed, never their values: a value can be a secret, a webhook URL or an e-mail address.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>The entry id (a version 7 <see cref="Guid"/> stamped with <see cref="OccurredAt"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page the change was made on (kept after the page is deleted).</summary>
    public required Guid PageId { get; init; }

    /// <summary>When the change was made, from the host's <see cref="TimeProvider"/> (whole microseconds).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// Who made it: the accessor's name for the caller (<see cref="StatusKit.Audit.IAuditActorAccessor"/>), at most 200
    /// characters; <c>anonymous</c> for the public subscribe form, <c>subscriber</c> for a subscriber's own change through
    /// its links, <c>system</c> for StatusKit's own (or when no accessor names anyone).
    /// </summary>
    public required string Actor { get; init; }

    /// <summary>What was done: a stable dotted name such as <c>component.updated</c> (<see cref="StatusKit.Audit.AuditActions"/>).</summary>
    public required string Action { get; init; }

    /// <summary>The kind of record changed: <c>page</c>, <c>component</c>, <c>incident</c>, <c>maintenance</c>, <c>subscriber</c>, <c>template</c> or <c>metric</c>.</summary>
    public required string TargetKind { get; init; }

    /// <summary>The id of the record changed (the page's own id for a page, a reorder or an import).</summary>
    public required Guid TargetId { get; init; }

    /// <summary>
    /// The names of the fields that changed (camelCase, as the admin API names them), in a fixed order; empty for a
    /// create, a delete or an import. Never their values.
    /// </summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
