using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of an <see cref="AuditEntry"/> (added by migration <c>20261217000000_AddAuditLog</c>).</summary>
internal sealed class AuditEntryEntity
{
    public Guid Id { get; set; }

    /// <summary>The page, without a foreign key: entries outlive their page until they are pruned.</summary>
    public Guid PageId { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string TargetKind { get; set; } = "";

    public Guid TargetId { get; set; }

    /// <summary>The changed fields' names as a JSON array of strings.</summary>
    public string Fields { get; set; } = "[]";

    public static AuditEntryEntity From(AuditEntry entry) => new()
    {
        Id = entry.Id,
        PageId = entry.PageId,
        OccurredAt = Instants.ToStore(entry.OccurredAt),
        Actor = entry.Actor,
        Action = entry.Action,
        TargetKind = entry.TargetKind,
        TargetId = entry.TargetId,
        Fields = JsonColumns.FromNames(entry.Fields),
    };

    public AuditEntry ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        OccurredAt = Instants.FromStore(OccurredAt),
        Actor = Actor,
        Action = Action,
        TargetKind = TargetKind,
        TargetId = TargetId,
        Fields = JsonColumns.ToNames(Fields),
    };
}
