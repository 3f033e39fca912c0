using StatusKit.Model;

namespace StatusKit.Metrics;

/// <summary>A page metric with its buckets over a <see cref="MetricRange"/> (<see cref="Services.PageMetricService.GetSeriesAsync"/>).</summary>
public sealed record MetricSeries
{
    /// <summary>The metric.</summary>
    public required PageMetric Metric { get; init; }

    /// <summary>The span the buckets cover.</summary>
    public required MetricRange Range { get; init; }

    /// <summary>The length of each bucket (5 minutes, 1 hour or 6 hours).</summary>
    public required TimeSpan BucketSize { get; init; }

    /// <summary>The buckets, oldest first; the last one holds the time of the read. Empty buckets are gaps (a null average).</summary>
    public required IReadOnlyList<MetricBucket> Buckets { get; init; }

    /// <summary>The newest point in the range, or null when it has none.</summary>
    public MetricPoint? Latest { get; init; }
}
