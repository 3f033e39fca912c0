using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    private readonly Dictionary<Guid, PageMetric> _metrics = [];
    private readonly Dictionary<Guid, SortedDictionary<DateTimeOffset, double>> _metricPoints = [];

    /// <inheritdoc />
    public Task<PageMetric?> GetPageMetricAsync(Guid metricId, CancellationToken cancellationToken) =>
        Run(() => _metrics.GetValueOrDefault(metricId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PageMetric>> ListPageMetricsAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<PageMetric>>(
            () => _metrics.Values
                .Where(m => m.PageId == pageId)
                .OrderBy(m => m.DisplayOrder)
                .ThenBy(m => CaseInsensitiveKey.Of(m.Name), StringComparer.Ordinal)
                .ThenBy(m => m.Id)
                .ToArray(),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Names are unique per page ignoring case (<see cref="CaseInsensitiveKey"/>), as component names are.</remarks>
    public Task AddPageMetricAsync(PageMetric metric, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateMetric(metric);
                EnsurePageExists(metric.PageId);
                if (_metrics.ContainsKey(metric.Id))
                {
                    throw DuplicateId("page metric", metric.Id);
                }

                EnsureMetricNameFree(metric.Id, metric.PageId, metric.Name);
                _metrics.Add(metric.Id, metric with { Version = 1 });
                _metricPoints.Add(metric.Id, []);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<PageMetric> UpdatePageMetricAsync(PageMetric metric, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateMetric(metric);
                if (!_metrics.TryGetValue(metric.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("page metric", metric.Id.ToString());
                }

                EnsureVersion("page metric", metric.Id, stored.Version, metric.Version);
                EnsureMetricNameFree(metric.Id, stored.PageId, metric.Name);
                var updated = metric with { PageId = stored.PageId, CreatedAt = stored.CreatedAt, Version = stored.Version + 1 };
                _metrics[metric.Id] = updated;
                return updated;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeletePageMetricAsync(Guid metricId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                EnsureVersionToDelete("page metric", metricId, _metrics.GetValueOrDefault(metricId)?.Version, expectedVersion);
                _metricPoints.Remove(metricId);
                return _metrics.Remove(metricId);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task AddMetricPointsAsync(Guid metricId, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(points);
                if (!_metricPoints.TryGetValue(metricId, out var series))
                {
                    throw new StatusKitNotFoundException("page metric", metricId.ToString(), "metricId");
                }

                foreach (var point in points)
                {
                    series[ToMicroseconds(point.At)] = point.Value;
                }
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(
        Guid metricId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<MetricPoint>>(
            () =>
            {
                ArgumentOutOfRangeException.ThrowIfNegative(take);
                if (!_metricPoints.TryGetValue(metricId, out var series))
                {
                    return [];
                }

                var inRange = series.Where(p => p.Key >= from && p.Key < to).Select(p => new MetricPoint(p.Key, p.Value)).ToArray();
                return inRange.Length > take ? inRange[^take..] : inRange;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                var removed = 0;
                foreach (var series in _metricPoints.Values)
                {
                    foreach (var at in series.Keys.TakeWhile(at => at < before).ToArray())
                    {
                        series.Remove(at);
                        removed++;
                    }
                }

                return removed;
            },
            cancellationToken);

    /// <summary>Removes a deleted page's metrics and their points (called under the lock by <see cref="DeletePageAsync"/>).</summary>
    private void RemovePageMetrics(Guid pageId)
    {
        foreach (var removed in RemoveWhere(_metrics, m => m.PageId == pageId))
        {
            _metricPoints.Remove(removed.Id);
        }
    }

    // The relational stores keep instants to the microsecond (PostgreSQL's precision), so this one does too.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static void ValidateMetric(PageMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Name is null || metric.Suffix is null)
        {
            throw new ArgumentException("The metric's name and suffix must not be null.", nameof(metric));
        }
    }

    private void EnsureMetricNameFree(Guid metricId, Guid pageId, string name)
    {
        if (_metrics.Values.Any(m => m.PageId == pageId && m.Id != metricId && CaseInsensitiveKey.Same(m.Name, name)))
        {
            throw new StatusKitConflictException(
                "name",
                $"The page already has a metric named '{name}' (names are compared ignoring case); choose another name.");
        }
    }
}
