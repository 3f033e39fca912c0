using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of a <see cref="StatusIncident"/>; its timeline lives in <see cref="StatusIncidentUpdateEntity"/> rows.</summary>
internal sealed class StatusIncidentEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public string? PlatformIncidentId { get; set; }

    public string Title { get; set; } = "";

    public string Message { get; set; } = "";

    public StatusIncidentSeverity Severity { get; set; }

    public StatusIncidentState State { get; set; }

    public string ComponentIds { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>The published postmortem's text; null when none (added by migration <c>20261208000000_AddStatusIncidentPostmortem</c>).</summary>
    public string? Postmortem { get; set; }

    /// <summary>When the postmortem was first published; null when none.</summary>
    public DateTime? PostmortemPublishedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public List<StatusIncidentUpdateEntity> Updates { get; set; } = [];

    public static StatusIncidentEntity From(StatusIncident incident)
    {
        var entity = new StatusIncidentEntity
        {
            Id = incident.Id,
            PageId = incident.PageId,
            State = incident.State,
            CreatedAt = Instants.ToStore(incident.CreatedAt),
            UpdatedAt = Instants.ToStore(incident.UpdatedAt),
            ResolvedAt = Instants.ToStore(incident.ResolvedAt),
            Version = 1,
        };
        entity.CopyDescriptiveFrom(incident);
        var position = 0;
        foreach (var update in (incident.Updates ?? []).OrderBy(u => u.At))
        {
            entity.Updates.Add(StatusIncidentUpdateEntity.From(incident.Id, position++, update));
        }

        return entity;
    }

    /// <summary>Copies what <c>UpdateStatusIncidentAsync</c> may change.</summary>
    public void CopyDescriptiveFrom(StatusIncident incident)
    {
        PlatformIncidentId = incident.PlatformIncidentId;
        Title = incident.Title;
        Message = incident.Message;
        Severity = incident.Severity;
        ComponentIds = JsonColumns.FromIds(incident.ComponentIds);
        Postmortem = incident.Postmortem;
        PostmortemPublishedAt = Instants.ToStore(incident.PostmortemPublishedAt);
    }

    public StatusIncident ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        PlatformIncidentId = PlatformIncidentId,
        Title = Title,
        Message = Message,
        Severity = Severity,
        State = State,
        ComponentIds = JsonColumns.ToIds(ComponentIds),
        Updates = Updates.OrderBy(u => u.At).ThenBy(u => u.Position).Select(u => u.ToModel()).ToArray(),
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        ResolvedAt = Instants.FromStore(ResolvedAt),
        Postmortem = Postmortem,
        PostmortemPublishedAt = Instants.FromStore(PostmortemPublishedAt),
        Version = Version,
    };
}
