using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of a <see cref="Component"/>.</summary>
internal sealed class ComponentEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in upper case (invariant): names are unique per page ignoring case.</summary>
    public string NameKey { get; set; } = "";

    public string? Description { get; set; }

    public int DisplayOrder { get; set; }

    public string? GroupName { get; set; }

    public string? TeamId { get; set; }

    public string? ServiceIdentifier { get; set; }

    /// <summary><see cref="Component.OnlyShowIfDegraded"/> (migration 20261210000000; rows stored before read false).</summary>
    public bool OnlyShowIfDegraded { get; set; }

    public ComponentStatus Status { get; set; }

    public DateTime StatusUpdatedAt { get; set; }

    public ComponentStatus? ManualStatus { get; set; }

    public DateTime? ManualStatusExpiresAt { get; set; }

    /// <summary><see cref="Component.UpstreamUrl"/> (migration 20261220000000; rows stored before follow no upstream).</summary>
    public string? UpstreamUrl { get; set; }

    /// <summary><see cref="Component.UpstreamComponentId"/> (migration 20261220000000).</summary>
    public string? UpstreamComponentId { get; set; }

    /// <summary><see cref="Component.UpstreamStatus"/>: written by <c>RecordUpstreamStatusAsync</c>, cleared when the upstream changes.</summary>
    public ComponentStatus? UpstreamStatus { get; set; }

    /// <summary><see cref="Component.UpstreamReadAt"/> (migration 20261220000000).</summary>
    public DateTime? UpstreamReadAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public static ComponentEntity From(Component component)
    {
        var entity = new ComponentEntity
        {
            Id = component.Id,
            PageId = component.PageId,
            Status = component.Status,
            StatusUpdatedAt = Instants.ToStore(component.StatusUpdatedAt),
            CreatedAt = Instants.ToStore(component.CreatedAt),
            Version = 1,
        };
        entity.CopyDescriptiveFrom(component);
        entity.UpstreamStatus = component.UpstreamStatus;
        entity.UpstreamReadAt = Instants.ToStore(component.UpstreamReadAt);
        return entity;
    }

    /// <summary>
    /// Copies what <c>UpdateComponentAsync</c> may change (not the page, the status or the creation time); what was read
    /// upstream is cleared when the upstream changes, else kept as stored.
    /// </summary>
    public void CopyDescriptiveFrom(Component component)
    {
        if (!string.Equals(UpstreamUrl, component.UpstreamUrl, StringComparison.Ordinal)
            || !string.Equals(UpstreamComponentId, component.UpstreamComponentId, StringComparison.Ordinal))
        {
            UpstreamStatus = null;
            UpstreamReadAt = null;
        }

        UpstreamUrl = component.UpstreamUrl;
        UpstreamComponentId = component.UpstreamComponentId;
        Name = component.Name;
        NameKey = CaseInsensitiveKey.Of(component.Name);
        Description = component.Description;
        DisplayOrder = component.DisplayOrder;
        GroupName = component.GroupName;
        TeamId = component.TeamId;
        ServiceIdentifier = component.ServiceIdentifier;
        OnlyShowIfDegraded = component.OnlyShowIfDegraded;
        ManualStatus = component.ManualStatus;
        ManualStatusExpiresAt = Instants.ToStore(component.ManualStatusExpiresAt);
        UpdatedAt = Instants.ToStore(component.UpdatedAt);
    }

    public Component ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        Name = Name,
        Description = Description,
        DisplayOrder = DisplayOrder,
        GroupName = GroupName,
        TeamId = TeamId,
        ServiceIdentifier = ServiceIdentifier,
        OnlyShowIfDegraded = OnlyShowIfDegraded,
        Status = Status,
        StatusUpdatedAt = Instants.FromStore(StatusUpdatedAt),
        ManualStatus = ManualStatus,
        ManualStatusExpiresAt = Instants.FromStore(ManualStatusExpiresAt),
        UpstreamUrl = UpstreamUrl,
        UpstreamComponentId = UpstreamComponentId,
        UpstreamStatus = UpstreamStatus,
        UpstreamReadAt = Instants.FromStore(UpstreamReadAt),
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        Version = Version,
    };
}
