using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Configuration;
using StatusKit.Diagnostics;
using StatusKit.Serialization;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// Builds a page's snapshot from the store (one <see cref="IStatusStore.LoadPageContentAsync"/>) and stamps it with a
/// content hash, serialising it once and only the components that changed since the page's previous snapshot.
/// </summary>
internal sealed class PageSnapshotBuilder(
    IStatusStore store,
    IOptions<StatusPagesOptions> options,
    TimeProvider time,
    StatusKitInstruments instruments)
{
    private const int MaxUnresolvedIncidents = 100;
    private readonly TimeSpan _horizon = options.Value.UpcomingMaintenanceHorizon;
    private readonly PageSnapshotWriter _writer = new();

    /// <summary>The snapshot of <paramref name="pageId"/>, or null when the page does not exist.</summary>
    public async Task<PageSnapshot?> BuildAsync(Guid pageId, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var snapshot = await BuildCoreAsync(pageId, cancellationToken);
            if (snapshot is not null)
            {
                instruments.SnapshotRebuilt(time.GetElapsedTime(started), failed: false);
            }

            return snapshot;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            instruments.SnapshotRebuilt(time.GetElapsedTime(started), failed: true);
            throw;
        }
    }

    private async Task<PageSnapshot?> BuildCoreAsync(Guid pageId, CancellationToken cancellationToken)
    {
        var content = await store.LoadPageContentAsync(pageId, MaxUnresolvedIncidents, cancellationToken);
        if (content is null)
        {
            return null;
        }

        var page = content.Page;
        var components = content.Components;
        var now = time.GetUtcNow();
        var lastChange = Later(Later(Later(page.CreatedAt, page.UpdatedAt), content.LatestIncidentChange), content.LatestMaintenanceChange);
        var componentSnapshots = new ComponentSnapshot[components.Count];
        var statuses = new ComponentStatus[components.Count];

        // A component shown as in the page's previous snapshot keeps that snapshot's record: most rebuilds change a few
        // components of a page, and the writer then copies the others' JSON without comparing them field by field.
        var previous = _writer.LastComponents(pageId);
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            componentSnapshots[i] = previous is not null && i < previous.Count && previous[i].Shows(c) ? previous[i] : ComponentSnapshot.Of(c);
            statuses[i] = c.Status;
            lastChange = Later(Later(lastChange, c.UpdatedAt), c.StatusUpdatedAt);
        }

        foreach (var incident in content.UnresolvedIncidents)
        {
            lastChange = Later(lastChange, incident.UpdatedAt);
        }

        var active = new List<MaintenanceOccurrence>();
        var upcoming = new List<MaintenanceOccurrence>();
        foreach (var window in content.MaintenanceWindows)
        {
            lastChange = Later(lastChange, window.UpdatedAt);
            foreach (var occurrence in MaintenanceOccurrences.Between(window, now, now + _horizon))
            {
                (occurrence.State == MaintenanceState.InProgress ? active : upcoming).Add(occurrence);
            }
        }

        upcoming.Sort(static (a, b) => a.StartsAt.CompareTo(b.StartsAt));
        var snapshot = new PageSnapshot
        {
            PageId = page.Id,
            Slug = page.Slug,
            CustomDomain = page.CustomDomain,
            Name = page.Name,
            Description = page.Description,
            HomepageUrl = page.HomepageUrl,
            LogoUrl = page.LogoUrl,
            AccentColor = page.AccentColor,
            Language = page.Language,
            IsPublic = page.IsPublic,
            TimeZoneId = page.TimeZoneId,
            Status = PageStatus.Of(statuses),
            Components = componentSnapshots,
            UnresolvedIncidents = content.UnresolvedIncidents,
            ActiveMaintenance = active,
            UpcomingMaintenance = upcoming,
            UpdatedAt = lastChange,
            GeneratedAt = default,
            Version = string.Empty,
        };

        return _writer.Stamp(snapshot, now);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } t && t > a ? t : a;

    /// <summary>How many pages' component JSON is kept to build their next snapshot faster (for tests).</summary>
    public int PagesKept => _writer.PageCount;

    /// <summary>Forgets what was kept to build a page's next snapshot faster (the page was deleted).</summary>
    public void Forget(Guid pageId) => _writer.Forget(pageId);
}
