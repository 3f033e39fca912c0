using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of a <see cref="PageMetric"/> (added by migration <c>20261218000000_AddPageMetrics</c>).</summary>
internal sealed class PageMetricEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in upper case (invariant): names are unique per page ignoring case.</summary>
    public string NameKey { get; set; } = "";

    public string Suffix { get; set; } = "";

    public string? Description { get; set; }

    public int DisplayOrder { get; set; }

    public int Decimals { get; set; }

    public bool Visible { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The optimistic-concurrency version (a concurrency token: EF's own updates of the row check it).</summary>
    public long Version { get; set; }

    public static PageMetricEntity From(PageMetric metric)
    {
        var entity = new PageMetricEntity
        {
            Id = metric.Id,
            PageId = metric.PageId,
            CreatedAt = Instants.ToStore(metric.CreatedAt),
            Version = 1,
        };
        entity.CopyFrom(metric);
        return entity;
    }

    /// <summary>Copies what <c>UpdatePageMetricAsync</c> may change.</summary>
    public void CopyFrom(PageMetric metric)
    {
        Name = metric.Name;
        NameKey = CaseInsensitiveKey.Of(metric.Name);
        Suffix = metric.Suffix;
        Description = metric.Description;
        DisplayOrder = metric.DisplayOrder;
        Decimals = metric.Decimals;
        Visible = metric.Visible;
        UpdatedAt = Instants.ToStore(metric.UpdatedAt);
    }

    public PageMetric ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        Name = Name,
        Suffix = Suffix,
        Description = Description,
        DisplayOrder = DisplayOrder,
        Decimals = Decimals,
        Visible = Visible,
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        Version = Version,
    };
}
