namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>
/// The row of a <see cref="Model.MetricPoint"/>, keyed by (metric, instant) (added by migration
/// <c>20261218000000_AddPageMetrics</c>).
/// </summary>
internal sealed class MetricPointEntity
{
    public Guid MetricId { get; set; }

    public DateTime At { get; set; }

    public double Value { get; set; }
}
