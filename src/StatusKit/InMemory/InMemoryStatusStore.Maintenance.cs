using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<MaintenanceWindow?> GetMaintenanceWindowAsync(Guid windowId, CancellationToken cancellationToken) =>
        Run(() => _windows.GetValueOrDefault(windowId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceWindowsAsync(Guid pageId, MaintenanceWindowQuery query, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<MaintenanceWindow>>(
            () =>
            {
                ArgumentNullException.ThrowIfNull(query);
                ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, "query.Skip");
                ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
                var state = query.State;
                var windows = OnPage(_windowIdsByPage, _windows, pageId, w => state is null || w.State == state);
                return [.. ByTime(windows, static w => w.OccurrenceStartsAt, static w => w.Id, newestFirst: true).Skip(query.Skip).Take(query.Take)];
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<MaintenanceWindow>>(
            () => Ordered(OnPage(_windowIdsByPage, _windows, pageId, static w => w.State is MaintenanceState.Scheduled or MaintenanceState.InProgress)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<MaintenanceWindow>> ListCompletedMaintenanceWindowsAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<MaintenanceWindow>>(
            () =>
            {
                ArgumentOutOfRangeException.ThrowIfNegative(skip);
                ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
                var completed = OnPage(_windowIdsByPage, _windows, pageId, static w => w.State == MaintenanceState.Completed);
                return [.. ByTime(completed, static w => w.OccurrenceStartsAt, static w => w.Id, newestFirst: true).Skip(skip).Take(take)];
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Ordered by occurrence start, then id.</remarks>
    public Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        Run<IReadOnlyList<MaintenanceWindow>>(
            () => Ordered([.. _windows.Values.Where(w => w.State is MaintenanceState.Scheduled or MaintenanceState.InProgress)]),
            cancellationToken);

    /// <inheritdoc />
    public Task<MaintenanceWindow> AddMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateWindow(window);
                ArgumentNullException.ThrowIfNull(notifications);
                EnsurePageExists(window.PageId);
                if (_windows.ContainsKey(window.Id))
                {
                    throw DuplicateId("maintenance window", window.Id);
                }

                // Before the window is added, so a batch the outbox refuses leaves no window either.
                Enqueue(notifications);
                var stored = window with
                {
                    Version = 1,
                    ComponentIds = ReadOnlyLists.Freeze(window.ComponentIds, nameof(window.ComponentIds)),
                    ExcludedOccurrences = ReadOnlyLists.Freeze(window.ExcludedOccurrences, nameof(window.ExcludedOccurrences)),
                };
                _windows.Add(stored.Id, stored);
                AddTo(_windowIdsByPage, stored.PageId, stored.Id);
                return stored;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>The stored page id is kept.</remarks>
    public Task<MaintenanceWindow?> TryUpdateMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateWindow(window);
                ArgumentNullException.ThrowIfNull(notifications);
                if (!_windows.TryGetValue(window.Id, out var current))
                {
                    throw new StatusKitNotFoundException("maintenance window", window.Id.ToString());
                }

                if (current.Version != window.Version)
                {
                    return null;
                }

                // Before anything else is written, so a batch the outbox refuses leaves the window unchanged too.
                Enqueue(notifications);
                var stored = window with
                {
                    PageId = current.PageId,
                    Version = current.Version + 1,
                    ComponentIds = ReadOnlyLists.Freeze(window.ComponentIds, nameof(window.ComponentIds)),
                    ExcludedOccurrences = ReadOnlyLists.Freeze(window.ExcludedOccurrences, nameof(window.ExcludedOccurrences)),
                };
                _windows[stored.Id] = stored;
                return (MaintenanceWindow?)stored;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteMaintenanceWindowAsync(
        Guid windowId, long? expectedVersion, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                OutboxStaging.Validate(notifications);
                if (!_windows.TryGetValue(windowId, out var current))
                {
                    return false;
                }

                EnsureVersionToDelete("maintenance window", windowId, current.Version, expectedVersion);
                // Before the window goes, so a batch the outbox refuses leaves the window in place too.
                Enqueue(notifications);
                return RemoveOnPage(_windows, _windowIdsByPage, windowId, static w => w.PageId);
            },
            cancellationToken);

    /// <summary>Sorts <paramref name="windows"/> by occurrence start, then id, and returns it.</summary>
    private static MaintenanceWindow[] Ordered(MaintenanceWindow[] windows) =>
        ByTime(windows, static w => w.OccurrenceStartsAt, static w => w.Id);

    private static void ValidateWindow(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.Title is null)
        {
            throw new ArgumentException("The window's title must not be null.", nameof(window));
        }
    }
}
