namespace StatusKit.Metrics;

/// <summary>One bucket of a metric's series: the average of the points in [<see cref="Start"/>, start plus the range's bucket size).</summary>
/// <param name="Start">When the bucket starts (UTC, a multiple of the bucket size since the Unix epoch).</param>
/// <param name="Average">The average of its points, or null when it has none (a gap, never a zero).</param>
/// <param name="Count">How many points it averages.</param>
public readonly record struct MetricBucket(DateTimeOffset Start, double? Average, int Count);
