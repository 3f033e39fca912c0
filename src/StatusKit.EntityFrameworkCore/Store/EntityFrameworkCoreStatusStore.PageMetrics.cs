using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<PageMetric?> GetPageMetricAsync(Guid metricId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageMetricEntity>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == metricId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>
    /// Read through the unique (page, name key) index and sorted in .NET, the keys ordinally: the database's collation
    /// (PostgreSQL's follows the locale) would order some names differently from the in-memory store.
    /// </remarks>
    public async Task<IReadOnlyList<PageMetric>> ListPageMetricsAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<PageMetricEntity>().AsNoTracking().Where(m => m.PageId == pageId).ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.DisplayOrder)
            .ThenBy(r => r.NameKey, StringComparer.Ordinal)
            .ThenBy(r => r.Id)
            .Select(r => r.ToModel())
            .ToArray();
    }

    public Task AddPageMetricAsync(PageMetric metric, CancellationToken cancellationToken)
    {
        ValidateMetric(metric);
        return AddNamedRowAsync(
            PageMetricEntity.From(metric), metric.PageId, metric.Id, metric.Name, "page metric", "metric", cancellationToken);
    }

    public async Task<PageMetric> UpdatePageMetricAsync(PageMetric metric, CancellationToken cancellationToken)
    {
        ValidateMetric(metric);
        var row = await UpdateNamedRowAsync<PageMetricEntity>(
            metric.Id, metric.Name, metric.Version, r => r.CopyFrom(metric), "page metric", "metric", cancellationToken);
        return row.ToModel();
    }

    /// <remarks>The points go with the metric: their foreign key cascades.</remarks>
    public async Task<bool> DeletePageMetricAsync(Guid metricId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await DeleteAtVersionAsync(
            session.Set<PageMetricEntity>().Where(m => m.Id == metricId), expectedVersion, "page metric", metricId, cancellationToken);
    }

    /// <remarks>
    /// In one transaction: the rows at the batch's instants are deleted, then the batch inserted, so a point submitted
    /// again replaces its value. Two submits racing on one instant can meet the primary key (on PostgreSQL the second
    /// insert waits for the first to commit, then fails): the loser runs again, and its delete then sees the winner's
    /// row, so a retried push never fails for the race (the last to commit wins).
    /// </remarks>
    public async Task AddMetricPointsAsync(Guid metricId, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var latest = new Dictionary<DateTime, double>();
        foreach (var point in points)
        {
            latest[ToStoredInstant(point.At)] = point.Value;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReplaceMetricPointsAsync(metricId, latest, cancellationToken);
                return;
            }
            catch (StatusKitConflictException) when (attempt < MetricPointAttempts)
            {
                // Another submit inserted a point at one of these instants after this one's delete: delete it too.
            }
        }
    }

    /// <summary>How many times <see cref="AddMetricPointsAsync"/> writes a batch that raced with another at one instant.</summary>
    private const int MetricPointAttempts = 5;

    private async Task ReplaceMetricPointsAsync(Guid metricId, Dictionary<DateTime, double> latest, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        if (!await session.Set<PageMetricEntity>().AnyAsync(m => m.Id == metricId, cancellationToken))
        {
            throw new StatusKitNotFoundException("page metric", metricId.ToString(), "metricId");
        }

        var instants = latest.Keys.ToList();
        await session.Set<MetricPointEntity>().Where(p => p.MetricId == metricId && instants.Contains(p.At)).ExecuteDeleteAsync(cancellationToken);
        session.Set<MetricPointEntity>().AddRange(latest.Select(p => new MetricPointEntity { MetricId = metricId, At = p.Key, Value = p.Value }));
        await SaveAsync(
            session, "metric point", () => new StatusKitNotFoundException("page metric", metricId.ToString(), "metricId"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <remarks>Seeks the (metric, instant) primary key from the newest end, so at most <paramref name="take"/> rows are read.</remarks>
    public async Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(
        Guid metricId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var start = Instants.ToStore(from);
        var end = Instants.ToStore(to);
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<MetricPointEntity>().AsNoTracking()
            .Where(p => p.MetricId == metricId && p.At >= start && p.At < end)
            .OrderByDescending(p => p.At)
            .Take(take)
            .Select(p => new { p.At, p.Value })
            .ToListAsync(cancellationToken);
        var points = new MetricPoint[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            points[rows.Count - 1 - i] = new MetricPoint(Instants.FromStore(rows[i].At), rows[i].Value);
        }

        return points;
    }

    public async Task<int> DeleteMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var cutoff = Instants.ToStore(before);
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<MetricPointEntity>().Where(p => p.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    // PostgreSQL keeps instants to the microsecond; SQLite is given the same, so both stores key a point alike.
    private static DateTime ToStoredInstant(DateTimeOffset at)
    {
        var utc = Instants.ToStore(at);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static void ValidateMetric(PageMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(metric.Name, "metric.Name");
        ArgumentNullException.ThrowIfNull(metric.Suffix, "metric.Suffix");
    }
}
