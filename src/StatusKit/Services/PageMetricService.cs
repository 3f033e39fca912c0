using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Metrics;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// System metrics on a page (Statuspage's "system metrics", Cachet's "metrics"): a few named numbers over time, such as
/// "API response time (ms)", whose data points the host submits and whose charts the page shows, averaged into buckets
/// (<see cref="MetricRange"/>). Creating, changing and deleting a metric is audited; submitting points is not. Points
/// older than <see cref="Configuration.StatusPagesOptions.MetricPointRetention"/> are pruned hourly.
/// </summary>
public sealed class PageMetricService
{
    /// <summary>The most points one submit takes.</summary>
    public const int MaxPointsPerSubmit = 1_000;

    /// <summary>
    /// The most raw points one series read loads (the newest of the range when it holds more): one point a minute for 30
    /// days is 43,200, so a chart is exact up to that rate and bounded in memory (about 16 bytes a point) beyond it.
    /// </summary>
    public const int MaxPointsPerSeries = 50_000;

    /// <summary>How far ahead of the clock a point's timestamp may be (clocks of the hosts that measure differ a little).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    internal const int MaxNameLength = 100;
    internal const int MaxSuffixLength = 20;
    internal const int MaxDescriptionLength = 1_000;
    internal const int MaxDecimals = 4;

    private readonly IStatusStore _store;
    private readonly TimeProvider _time;
    private readonly AuditTrail _audit;

    internal PageMetricService(IStatusStore store, TimeProvider time, AuditTrail audit)
    {
        _store = store;
        _time = time;
        _audit = audit;
    }

    /// <summary>
    /// Adds a metric to a page. Its name must be free on the page ignoring case (else
    /// <see cref="StatusKitConflictException"/> naming <c>name</c>); bad fields throw
    /// <see cref="StatusKitValidationException"/> naming the field.
    /// </summary>
    public async Task<PageMetric> CreateAsync(CreatePageMetric request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Guard.Name(request.Name, "name", MaxNameLength);
        var suffix = Guard.OptionalText(request.Suffix, "suffix", MaxSuffixLength) ?? "";
        var description = Guard.OptionalText(request.Description, "description", MaxDescriptionLength);
        Guard.Range(request.Decimals, "decimals", 0, MaxDecimals);
        var page = await _store.RequirePageAsync(request.PageId, cancellationToken);
        var now = _time.GetUtcNow();
        var metric = new PageMetric
        {
            Id = Guid.CreateVersion7(now),
            PageId = page.Id,
            Name = name,
            Suffix = suffix,
            Description = description,
            DisplayOrder = request.DisplayOrder,
            Decimals = request.Decimals,
            Visible = request.Visible,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await _store.AddPageMetricAsync(metric, cancellationToken);
        await _audit.RecordAsync(metric.PageId, AuditActions.MetricCreated, "metric", metric.Id);
        return metric;
    }

    /// <summary>The metric with <paramref name="metricId"/>, or null.</summary>
    public Task<PageMetric?> GetAsync(Guid metricId, CancellationToken cancellationToken = default) =>
        _store.GetPageMetricAsync(metricId, cancellationToken);

    /// <summary>A page's metrics (hidden ones too), by display order then name ignoring case.</summary>
    public Task<IReadOnlyList<PageMetric>> ListAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        _store.ListPageMetricsAsync(pageId, cancellationToken);

    /// <summary>
    /// Changes the fields the request names, checked as on a create. When someone else changed the metric meanwhile, the
    /// change is applied again to what they left, unless <see cref="UpdatePageMetric.ExpectedVersion"/> is given, which
    /// must then be the stored version (else <see cref="StatusKitConcurrencyException"/>, changing nothing). A request
    /// that changes no field writes nothing and returns the metric as stored.
    /// </summary>
    public async Task<PageMetric> UpdateAsync(Guid metricId, UpdatePageMetric changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var name = changes.Name is null ? null : Guard.Name(changes.Name, "name", MaxNameLength);
        var suffix = changes.Suffix is null ? null : Guard.OptionalText(changes.Suffix, "suffix", MaxSuffixLength) ?? "";
        var description = changes.Description is null ? null : Guard.OptionalText(changes.Description, "description", MaxDescriptionLength) ?? "";
        if (changes.Decimals is { } decimals)
        {
            Guard.Range(decimals, "decimals", 0, MaxDecimals);
        }

        IReadOnlyList<string> fields = [];
        var stored = await OptimisticEdit.ApplyAsync(
            "page metric",
            metricId,
            changes.ExpectedVersion,
            () => RequireAsync(metricId, cancellationToken),
            static m => m.Version,
            metric =>
            {
                var edited = metric with
                {
                    Name = name ?? metric.Name,
                    Suffix = suffix ?? metric.Suffix,
                    Description = description is null ? metric.Description : description.Length == 0 ? null : description,
                    DisplayOrder = changes.DisplayOrder ?? metric.DisplayOrder,
                    Decimals = changes.Decimals ?? metric.Decimals,
                    Visible = changes.Visible ?? metric.Visible,
                };
                fields = new AuditFields()
                    .Add("name", metric.Name, edited.Name)
                    .Add("suffix", metric.Suffix, edited.Suffix)
                    .Add("description", metric.Description, edited.Description)
                    .Add("displayOrder", metric.DisplayOrder, edited.DisplayOrder)
                    .Add("decimals", metric.Decimals, edited.Decimals)
                    .Add("visible", metric.Visible, edited.Visible)
                    .Names;

                // A change that changes nothing (the same values again, a retry) writes nothing and keeps the version.
                return Task.FromResult(edited == metric ? metric : edited with { UpdatedAt = _time.GetUtcNow() });
            },
            metric => _store.UpdatePageMetricAsync(metric, cancellationToken));
        if (fields.Count > 0)
        {
            await _audit.RecordAsync(stored.PageId, AuditActions.MetricUpdated, "metric", metricId, fields);
        }

        return stored;
    }

    /// <summary>
    /// Deletes a metric with its points, when <paramref name="expectedVersion"/> is given only if it is still at that
    /// version (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). False when it did not exist.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid metricId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var metric = await _store.GetPageMetricAsync(metricId, cancellationToken);
        if (metric is null)
        {
            return false;
        }

        OptimisticEdit.RequireVersion("page metric", metricId, expectedVersion, metric.Version);
        if (!await _store.DeletePageMetricAsync(metricId, expectedVersion, cancellationToken))
        {
            return false;
        }

        await _audit.RecordAsync(metric.PageId, AuditActions.MetricDeleted, "metric", metricId);
        return true;
    }

    /// <summary>
    /// Adds data points to a metric: 1 to <see cref="MaxPointsPerSubmit"/> of them, each with a finite value and a
    /// timestamp at most <see cref="MaxFutureSkew"/> ahead of the clock (else <see cref="StatusKitValidationException"/>
    /// naming <c>points</c> or <c>points[i].value</c> / <c>points[i].timestamp</c>, adding none). A point at an instant
    /// the metric already has replaces its value. Throws <see cref="StatusKitNotFoundException"/> when the metric is
    /// missing. Returns how many points were submitted.
    /// </summary>
    public async Task<int> AddPointsAsync(Guid metricId, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new StatusKitValidationException("points", "Give at least one point.");
        }

        if (points.Count > MaxPointsPerSubmit)
        {
            throw new StatusKitValidationException(
                "points", $"Give at most {MaxPointsPerSubmit} points per submit (was {points.Count}); send the rest in another.");
        }

        var latest = _time.GetUtcNow() + MaxFutureSkew;
        for (var i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i].Value))
            {
                throw new StatusKitValidationException($"points[{i}].value", $"The value must be a finite number (was {points[i].Value}).");
            }

            if (points[i].At > latest)
            {
                throw new StatusKitValidationException(
                    $"points[{i}].timestamp",
                    $"The timestamp {points[i].At:O} is more than {MaxFutureSkew.TotalMinutes} minutes in the future; measure before you submit.");
            }
        }

        await _store.AddMetricPointsAsync(metricId, points, cancellationToken);
        return points.Count;
    }

    /// <summary>
    /// A metric's series over <paramref name="range"/> ending now: the averages of its points in buckets
    /// (<see cref="MetricRange"/>), empty buckets as gaps. Reads at most <see cref="MaxPointsPerSeries"/> raw points.
    /// Null when the metric is missing.
    /// </summary>
    public async Task<MetricSeries?> GetSeriesAsync(Guid metricId, MetricRange range, CancellationToken cancellationToken = default)
    {
        var metric = await _store.GetPageMetricAsync(metricId, cancellationToken);
        return metric is null ? null : await SeriesOfAsync(metric, Guard.Defined(range, "range"), _time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The series of a page's visible metrics over <paramref name="range"/> ending now, in display order.</summary>
    public async Task<IReadOnlyList<MetricSeries>> ListVisibleSeriesAsync(Guid pageId, MetricRange range, CancellationToken cancellationToken = default)
    {
        Guard.Defined(range, "range");
        var now = _time.GetUtcNow();
        var series = new List<MetricSeries>();
        foreach (var metric in await _store.ListPageMetricsAsync(pageId, cancellationToken))
        {
            if (metric.Visible)
            {
                series.Add(await SeriesOfAsync(metric, range, now, cancellationToken));
            }
        }

        return series;
    }

    private async Task<MetricSeries> SeriesOfAsync(PageMetric metric, MetricRange range, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, to) = MetricAggregation.Window(range, now);
        var points = await _store.ListMetricPointsAsync(metric.Id, from, to, MaxPointsPerSeries, cancellationToken);
        return new MetricSeries
        {
            Metric = metric,
            Range = range,
            BucketSize = MetricAggregation.BucketSize(range),
            Buckets = MetricAggregation.Aggregate(points, range, now),
            Latest = points.Count == 0 ? null : points[^1],
        };
    }

    private async Task<PageMetric> RequireAsync(Guid metricId, CancellationToken cancellationToken) =>
        await _store.GetPageMetricAsync(metricId, cancellationToken)
        ?? throw new StatusKitNotFoundException("page metric", metricId.ToString(), "metricId");
}
