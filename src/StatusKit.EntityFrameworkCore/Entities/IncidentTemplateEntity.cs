using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of an <see cref="IncidentTemplate"/> (added by migration <c>20261213000000_AddIncidentTemplates</c>).</summary>
internal sealed class IncidentTemplateEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in upper case (invariant): names are unique per page ignoring case.</summary>
    public string NameKey { get; set; } = "";

    public string Title { get; set; } = "";

    public string Message { get; set; } = "";

    public StatusIncidentSeverity Severity { get; set; }

    /// <summary>The state of updates posted from it (added by migration <c>20261215000000_AddIncidentTemplateState</c>).</summary>
    public StatusIncidentState? State { get; set; }

    public string ComponentIds { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public static IncidentTemplateEntity From(IncidentTemplate template)
    {
        var entity = new IncidentTemplateEntity
        {
            Id = template.Id,
            PageId = template.PageId,
            CreatedAt = Instants.ToStore(template.CreatedAt),
            Version = 1,
        };
        entity.CopyFrom(template);
        return entity;
    }

    /// <summary>Copies what <c>UpdateIncidentTemplateAsync</c> may change.</summary>
    public void CopyFrom(IncidentTemplate template)
    {
        Name = template.Name;
        NameKey = CaseInsensitiveKey.Of(template.Name);
        Title = template.Title;
        Message = template.Message;
        Severity = template.Severity;
        State = template.State;
        ComponentIds = JsonColumns.FromIds(template.ComponentIds);
        UpdatedAt = Instants.ToStore(template.UpdatedAt);
    }

    public IncidentTemplate ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        Name = Name,
        Title = Title,
        Message = Message,
        Severity = Severity,
        State = State,
        ComponentIds = JsonColumns.ToIds(ComponentIds),
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        Version = Version,
    };
}
