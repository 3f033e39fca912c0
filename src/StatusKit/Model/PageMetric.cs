namespace StatusKit.Model;

/// <summary>
/// A system metric a page shows to its readers (Statuspage's "system metrics", Cachet's "metrics"): a named number over
/// time, such as "API response time" in <c>ms</c> or "Error rate" in <c>%</c>, so readers see how the service behaves and
/// not only its status. Its data points (<see cref="MetricPoint"/>) are submitted by the host and kept for
/// <see cref="Configuration.StatusPagesOptions.MetricPointRetention"/>. Not to be confused with the OpenTelemetry
/// metrics StatusKit itself emits (<see cref="StatusKitMetrics"/>).
/// </summary>
public sealed record PageMetric
{
    /// <summary>The metric id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page that shows it.</summary>
    public required Guid PageId { get; init; }

    /// <summary>What readers see it as ("API response time"): unique on its page ignoring case, at most 100 characters.</summary>
    public required string Name { get; init; }

    /// <summary>The unit written after each value ("ms", "%"); empty for none. At most 20 characters.</summary>
    public string Suffix { get; init; } = "";

    /// <summary>A sentence readers see under the name, or null. At most 1,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Where it sits among the page's metrics: lower first, then by name ignoring case. Default 0.</summary>
    public int DisplayOrder { get; init; }

    /// <summary>How many decimals its values are shown with (0-4). Default 0.</summary>
    public int Decimals { get; init; }

    /// <summary>Whether the page and its public JSON show it. Default true; a hidden metric still takes points.</summary>
    public bool Visible { get; init; } = true;

    /// <summary>When the metric was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its settings last changed (points do not change it).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version: a store adds the metric at version 1 and accepts an update only when it
    /// carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>). Points do
    /// not change it.
    /// </summary>
    public long Version { get; init; }
}
