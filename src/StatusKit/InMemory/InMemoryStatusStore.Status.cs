using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Component ids of <see cref="StatusScope.ForComponents"/> that are not stored are ignored. Signals are matched
    /// to the components' team ids ordinally. The ended windows are looked for only when a component in scope is Under
    /// Maintenance.
    /// </remarks>
    public Task<StatusInputs> LoadStatusInputsAsync(StatusScope scope, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(scope);
                var components = ComponentsIn(scope);
                Array.Sort(components, ComponentOrder.ByPageThenDisplay);
                var pages = new List<StatusPage>();
                var pageIds = new HashSet<Guid>();
                var teamIds = new HashSet<string>(StringComparer.Ordinal);
                DateTimeOffset? maintainedSince = null;
                foreach (var component in components)
                {
                    if (component.Status == ComponentStatus.UnderMaintenance && !(maintainedSince <= component.StatusUpdatedAt))
                    {
                        maintainedSince = component.StatusUpdatedAt;
                    }

                    if (pageIds.Add(component.PageId) && _pages.TryGetValue(component.PageId, out var page))
                    {
                        pages.Add(page);
                    }

                    if (component.TeamId is { } team)
                    {
                        teamIds.Add(team);
                    }
                }

                pages.Sort(static (a, b) =>
                {
                    var byName = string.CompareOrdinal(a.Name, b.Name);
                    return byName != 0 ? byName : a.Id.CompareTo(b.Id);
                });
                var signals = OpenSignalsOf(teamIds);
                signals.Sort(static (a, b) => string.CompareOrdinal(a.IncidentId, b.IncidentId));
                return new StatusInputs
                {
                    Components = components,
                    Pages = pages.ToArray(),
                    OpenSignals = signals.ToArray(),
                    InProgressWindows = Ordered(OnPages(_windowIdsByPage, _windows, pageIds, static w => w.State == MaintenanceState.InProgress)),
                    EndedWindows = maintainedSince is { } since
                        ? Ordered(OnPages(_windowIdsByPage, _windows, pageIds, w => w.State != MaintenanceState.InProgress && w.StatusSwitchedAt >= since))
                        : [],
                    UnresolvedIncidents = NewestFirst(OnPages(_incidentIdsByPage, _incidents, pageIds, static i => i.IsUnresolved)),
                    Subscribers = OrderedSubscribers(OnPages(_subscriberIdsByPage, _subscribers, pageIds, static s => s.IsDeliverable && s.StatusIncidentId is null)),
                };
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Changes are checked in order, so a commit may change one component twice (A→B, then B→C). History rows get
    /// version 7 ids stamped with the change time. A commit without changes and without notifications returns
    /// true and writes nothing.
    /// </remarks>
    public Task<bool> CommitStatusAsync(StatusCommit commit, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(commit);
                ArgumentNullException.ThrowIfNull(commit.Changes, "commit.Changes");
                ArgumentNullException.ThrowIfNull(commit.Notifications, "commit.Notifications");

                var staged = new Dictionary<Guid, Component>();
                var history = new List<StatusHistoryEntry>(commit.Changes.Count);
                var historyIds = new Version7Ids(commit.Changes.Count);
                foreach (var change in commit.Changes)
                {
                    if (change is null)
                    {
                        throw new ArgumentException("The list of changes must not contain null.", nameof(commit));
                    }

                    if (!staged.TryGetValue(change.ComponentId, out var current)
                        && !_components.TryGetValue(change.ComponentId, out current))
                    {
                        return false;
                    }

                    if (current.Status != change.OldStatus)
                    {
                        return false;
                    }

                    staged[change.ComponentId] = current with { Status = change.NewStatus, StatusUpdatedAt = change.At };
                    history.Add(new StatusHistoryEntry(
                        historyIds.Next(change.At),
                        current.PageId,
                        change.ComponentId,
                        change.OldStatus,
                        change.NewStatus,
                        change.At,
                        change.Cause));
                }

                var batch = OutboxBatch.Stage(_notifications, _notificationIdsByDeduplicationKey, commit.Notifications);

                foreach (var (id, component) in staged)
                {
                    _components[id] = component;
                }

                foreach (var entry in history)
                {
                    _history.Add(entry.Id, entry);
                }

                OutboxBatch.Apply(batch, _notifications, _notificationIdsByDeduplicationKey);
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Ordered by time, then id.</remarks>
    public Task<IReadOnlyList<StatusHistoryEntry>> ListStatusHistoryAsync(Guid pageId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<StatusHistoryEntry>>(
            () =>
            {
                var ofPage = _history.Values.Where(h => h.PageId == pageId).ToArray();
                var before = ofPage.Where(h => h.At < since)
                    .GroupBy(h => h.ComponentId)
                    .Select(g => g.OrderByDescending(h => h.At).ThenByDescending(h => h.Id).First());
                return ofPage.Where(h => h.At >= since)
                    .Concat(before)
                    .OrderBy(h => h.At)
                    .ThenBy(h => h.Id)
                    .ToArray();
            },
            cancellationToken);

    private Component[] ComponentsIn(StatusScope scope)
    {
        if (scope.TeamId is { } teamId)
        {
            return ComponentsOfTeam(teamId);
        }

        if (scope.PageId is { } pageId)
        {
            return ComponentsOfPage(pageId);
        }

        if (scope.ComponentIds is { } componentIds)
        {
            return componentIds.Distinct().Select(id => _components.GetValueOrDefault(id)).OfType<Component>().ToArray();
        }

        return [.. _components.Values];
    }
}
