namespace StatusKit.Model;

/// <summary>
/// One data point of a <see cref="PageMetric"/>: its value at an instant. A metric holds at most one point per instant;
/// a point submitted again for the same instant replaces the value.
/// </summary>
/// <param name="At">When the value was measured.</param>
/// <param name="Value">The measured value (a finite number).</param>
public readonly record struct MetricPoint(DateTimeOffset At, double Value);
