using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<StatusPage?> GetPageAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run(() => _pages.GetValueOrDefault(pageId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>One read under the store's lock, so the four parts are of one state.</remarks>
    public Task<PageContent?> LoadPageContentAsync(Guid pageId, int maxUnresolvedIncidents, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(maxUnresolvedIncidents, 1);
                return _pages.GetValueOrDefault(pageId) is { } page
                    ? new PageContent
                    {
                        Page = page,
                        Components = ComponentsInDisplayOrder(pageId),
                        UnresolvedIncidents = QueryIncidents(pageId, new StatusIncidentQuery { Unresolved = true, Take = maxUnresolvedIncidents }),
                        MaintenanceWindows = Ordered(OnPage(_windowIdsByPage, _windows, pageId, static w => w.State is MaintenanceState.Scheduled or MaintenanceState.InProgress)),
                        LatestIncidentChange = LatestIncidentChange(pageId),
                        LatestMaintenanceChange = LatestMaintenanceChange(pageId),
                    }
                    : null;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> TouchPageAsync(Guid pageId, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                if (!_pages.TryGetValue(pageId, out var page))
                {
                    return false;
                }

                if (changedAt > page.UpdatedAt)
                {
                    _pages[pageId] = page with { UpdatedAt = changedAt };
                }

                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<StatusPage?> GetPageBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(slug);
                return _pages.Values.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<StatusPage?> GetPageByCustomDomainAsync(string customDomain, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(customDomain);
                return _pages.Values.FirstOrDefault(p => string.Equals(p.CustomDomain, customDomain, StringComparison.Ordinal));
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Names are ordered ordinally, then by id.</remarks>
    public Task<IReadOnlyList<StatusPage>> ListPagesAsync(string? teamId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<StatusPage>>(
            () => _pages.Values
                .Where(p => teamId is null || string.Equals(p.TeamId, teamId, StringComparison.Ordinal))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ThenBy(p => p.Id)
                .ToArray(),
            cancellationToken);

    /// <inheritdoc />
    public Task AddPageAsync(StatusPage page, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidatePage(page);
                if (_pages.ContainsKey(page.Id))
                {
                    throw DuplicateId("page", page.Id);
                }

                EnsureSlugFree(page);
                _pages.Add(page.Id, page with { Version = 1 });
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<StatusPage> UpdatePageAsync(StatusPage page, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidatePage(page);
                if (!_pages.TryGetValue(page.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("page", page.Id.ToString());
                }

                EnsureVersion("page", page.Id, stored.Version, page.Version);
                EnsureSlugFree(page);
                var next = page with { Version = stored.Version + 1, UpdatedAt = stored.UpdatedAt > page.UpdatedAt ? stored.UpdatedAt : page.UpdatedAt };
                _pages[page.Id] = next;
                return next;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeletePageAsync(Guid pageId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                EnsureVersionToDelete("page", pageId, _pages.GetValueOrDefault(pageId)?.Version, expectedVersion);
                if (!_pages.Remove(pageId))
                {
                    return false;
                }

                foreach (var removed in RemoveWhere(_components, c => c.PageId == pageId))
                {
                    UnindexComponent(removed);
                }

                RemoveWhere(_windows, w => w.PageId == pageId);
                RemoveWhere(_incidents, i => i.PageId == pageId);
                RemoveWhere(_templates, t => t.PageId == pageId);
                RemovePageMetrics(pageId);
                RemoveWhere(_subscribers, s => s.PageId == pageId);
                _windowIdsByPage.Remove(pageId);
                _incidentIdsByPage.Remove(pageId);
                _templateIdsByPage.Remove(pageId);
                _subscriberIdsByPage.Remove(pageId);
                RemoveWhere(_history, h => h.PageId == pageId);
                foreach (var removed in RemoveWhere(_notifications, n => n.PageId == pageId))
                {
                    _notificationIdsByDeduplicationKey.Remove(removed.DeduplicationKey);
                }

                return true;
            },
            cancellationToken);

    private DateTimeOffset? LatestIncidentChange(Guid pageId) => LatestUpdate(_incidentIdsByPage, _incidents, pageId, static i => i.UpdatedAt);

    private DateTimeOffset? LatestMaintenanceChange(Guid pageId) => LatestUpdate(_windowIdsByPage, _windows, pageId, static w => w.UpdatedAt);

    // The latest update time of a page's rows of one kind, or null when it has none.
    private static DateTimeOffset? LatestUpdate<T>(
        Dictionary<Guid, HashSet<Guid>> idsByPage, Dictionary<Guid, T> rows, Guid pageId, Func<T, DateTimeOffset> updatedAtOf)
    {
        DateTimeOffset? latest = null;
        foreach (var id in idsByPage.GetValueOrDefault(pageId) ?? [])
        {
            var updatedAt = updatedAtOf(rows[id]);
            latest = latest is { } l && l >= updatedAt ? l : updatedAt;
        }

        return latest;
    }

    private static void ValidatePage(StatusPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Slug is null)
        {
            throw new ArgumentException("The page's slug must not be null.", nameof(page));
        }

        if (page.Name is null)
        {
            throw new ArgumentException("The page's name must not be null.", nameof(page));
        }
    }

    private void EnsureSlugFree(StatusPage page)
    {
        if (_pages.Values.Any(p => p.Id != page.Id && string.Equals(p.Slug, page.Slug, StringComparison.Ordinal)))
        {
            throw new StatusKitConflictException("slug", $"The slug '{page.Slug}' is already used by another page; choose another.");
        }

        if (page.CustomDomain is not null
            && _pages.Values.Any(p => p.Id != page.Id && string.Equals(p.CustomDomain, page.CustomDomain, StringComparison.OrdinalIgnoreCase)))
        {
            throw new StatusKitConflictException("customDomain", $"The custom domain '{page.CustomDomain}' is already used by another page; choose another.");
        }
    }

    private static List<TValue> RemoveWhere<TKey, TValue>(Dictionary<TKey, TValue> items, Func<TValue, bool> predicate)
        where TKey : notnull
    {
        var removed = new List<TValue>();
        foreach (var (key, value) in items.ToArray())
        {
            if (predicate(value))
            {
                items.Remove(key);
                removed.Add(value);
            }
        }

        return removed;
    }
}
