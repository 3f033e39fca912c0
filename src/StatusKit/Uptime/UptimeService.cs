using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Configuration;
using StatusKit.Services;
using StatusKit.Shared;

namespace StatusKit.Uptime;

/// <summary>The default <see cref="IUptimeService"/>: three store reads per page, then the pure <see cref="UptimeCalculator"/>.</summary>
internal sealed class UptimeService(IStatusStore store, IOptions<StatusPagesOptions> options, TimeProvider time) : IUptimeService
{
    private const int MaxDays = 366;

    public async Task<ComponentUptime?> GetUptimeAsync(Guid componentId, int days = 90, CancellationToken cancellationToken = default)
    {
        Guard.Range(days, "days", 1, MaxDays);
        var component = await store.GetComponentAsync(componentId, cancellationToken);
        if (component is null)
        {
            return null;
        }

        var page = await store.RequirePageAsync(component.PageId, cancellationToken);
        var uptime = await ComputeAsync(page, [component], days, cancellationToken);
        return uptime[0];
    }

    public async Task<PageUptime?> GetPageUptimeAsync(Guid pageId, int days = 90, CancellationToken cancellationToken = default)
    {
        Guard.Range(days, "days", 1, MaxDays);
        var page = await store.GetPageAsync(pageId, cancellationToken);
        if (page is null)
        {
            return null;
        }

        var components = await store.ListComponentsAsync(pageId, cancellationToken);
        if (components.Count == 0)
        {
            // No history to read, and no component days for the aggregate to take its dates from.
            return new PageUptime(pageId, [], UptimeCalculator.NoData(Zone(page), time.GetUtcNow(), days), null);
        }

        var uptimes = await ComputeAsync(page, components, days, cancellationToken);
        var aggregate = UptimeCalculator.Aggregate(uptimes, days);
        return new PageUptime(pageId, uptimes, aggregate, UptimeCalculator.Total(aggregate));
    }

    private async Task<ComponentUptime[]> ComputeAsync(StatusPage page, IReadOnlyList<Component> components, int days, CancellationToken cancellationToken)
    {
        var zone = Zone(page);
        var now = time.GetUtcNow();
        var since = now.AddDays(-(days + 1));
        var history = (await store.ListStatusHistoryAsync(page.Id, since, cancellationToken))
            .GroupBy(h => h.ComponentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StatusHistoryEntry>)[.. g.OrderBy(h => h.At)]);
        var weights = options.Value.DowntimeWeights;
        var result = new ComponentUptime[components.Count];
        for (var i = 0; i < components.Count; i++)
        {
            var entries = history.TryGetValue(components[i].Id, out var list) ? list : [];
            result[i] = UptimeCalculator.Compute(components[i], entries, zone, now, days, weights);
        }

        return result;
    }

    // The page's zone in any case; a zone this server does not know is UTC, as the page's times are then written in.
    private static TimeZoneInfo Zone(StatusPage page) => IanaTimeZones.Find(page.TimeZoneId) ?? TimeZoneInfo.Utc;
}
