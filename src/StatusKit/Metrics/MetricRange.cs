namespace StatusKit.Metrics;

/// <summary>The spans a metric's chart covers, each with its bucket size (<see cref="MetricAggregation"/>).</summary>
public enum MetricRange
{
    /// <summary>The last 24 hours in 5-minute buckets (288).</summary>
    Day = 0,

    /// <summary>The last 7 days in hourly buckets (168).</summary>
    Week = 1,

    /// <summary>The last 30 days in 6-hour buckets (120).</summary>
    Month = 2,
}
