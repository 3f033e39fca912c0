using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    /// <remarks>
    /// Component ids of <see cref="StatusScope.ForComponents"/> that are not stored are ignored. Signals are matched
    /// to the components' team ids ordinally.
    /// </remarks>
    public Task<StatusInputs> LoadStatusInputsAsync(StatusScope scope, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(scope);
                var components = ComponentsIn(scope)
                    .OrderBy(c => c.PageId)
                    .ThenBy(c => c.DisplayOrder)
                    .ThenBy(c => c.Name, StringComparer.Ordinal)
                    .ThenBy(c => c.Id)
                    .ToArray();
                var pageIds = components.Select(c => c.PageId).ToHashSet();
                var teamIds = components.Select(c => c.TeamId).OfType<string>().ToHashSet(StringComparer.Ordinal);
                return new StatusInputs
                {
                    Components = components,
                    Pages = _pages.Values.Where(p => pageIds.Contains(p.Id))
                        .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).ToArray(),
                    OpenSignals = OpenSignalsOf(teamIds)
                        .OrderBy(s => s.IncidentId, StringComparer.Ordinal).ToArray(),
                    InProgressWindows = _windows.Values
                        .Where(w => w.State == MaintenanceState.InProgress && pageIds.Contains(w.PageId))
                        .OrderBy(w => w.OccurrenceStartsAt).ThenBy(w => w.Id).ToArray(),
                    UnresolvedIncidents = _incidents.Values.Where(i => i.IsUnresolved && pageIds.Contains(i.PageId))
                        .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToArray(),
                    Subscribers = _subscribers.Values.Where(s => s.IsDeliverable && pageIds.Contains(s.PageId))
                        .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToArray(),
                };
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Changes are checked in order, so a commit may change one component twice (A→B, then B→C). History rows get
    /// version 7 ids stamped with the change time, whose other bits count up from a random start per store, so rows of
    /// one millisecond keep the order they were written in. A commit without changes and without notifications returns
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
                        _historyIds.Next(change.At),
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

    private IEnumerable<Component> ComponentsIn(StatusScope scope)
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
            return componentIds.Distinct().Select(id => _components.GetValueOrDefault(id)).OfType<Component>();
        }

        return _components.Values;
    }
}
