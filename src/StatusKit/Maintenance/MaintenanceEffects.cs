using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// What follows a committed change of a window, shared by the scheduler and the service: the maintenance notice
/// (when the window notifies subscribers), the recompute of the covered components (when the change can move their
/// status) and the refresh of the page snapshot. Idempotent, so a retry after a failure is safe: the recompute
/// starts from the store's truth and the notices carry deduplication keys.
/// </summary>
internal sealed class MaintenanceEffects(IStatusStore store, StatusEngine engine, TimeProvider time)
{
    /// <summary>Settles the change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="before">The window before the change (null when it was created).</param>
    /// <param name="after">The window as stored after the change (its components and flags are current).</param>
    /// <param name="notice">The notice to send, if any.</param>
    /// <param name="cause">The cause written into the status history.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task SettleAsync(MaintenanceWindow? before, MaintenanceWindow after, MaintenanceNotice? notice, string cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (notice is { } n && after.NotifySubscribers)
        {
            await NotifyAsync(after, n, cancellationToken);
        }

        if (MovesStatus(before, after))
        {
            IReadOnlyList<Guid> components = before is null ? after.ComponentIds : [.. before.ComponentIds.Union(after.ComponentIds)];
            await engine.RecomputeComponentsAsync(components, cause, cancellationToken);
        }

        await engine.RefreshPageAsync(after.PageId, cancellationToken);
    }

    /// <summary>Settles a deleted window: its components are recomputed when it was in progress.</summary>
    public async Task SettleDeletedAsync(MaintenanceWindow deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        if (deleted.State == MaintenanceState.InProgress && deleted.AutoUpdateStatus)
        {
            await engine.RecomputeComponentsAsync(deleted.ComponentIds, $"maintenance '{deleted.Title}' deleted", cancellationToken);
        }

        await engine.RefreshPageAsync(deleted.PageId, cancellationToken);
    }

    private static bool MovesStatus(MaintenanceWindow? before, MaintenanceWindow after)
    {
        var wasCovering = before is { State: MaintenanceState.InProgress, AutoUpdateStatus: true };
        var isCovering = after is { State: MaintenanceState.InProgress, AutoUpdateStatus: true };
        return wasCovering != isCovering
            || (isCovering && !before!.ComponentIds.SequenceEqual(after.ComponentIds));
    }

    private async Task NotifyAsync(MaintenanceWindow window, MaintenanceNotice notice, CancellationToken cancellationToken)
    {
        var page = await store.GetPageAsync(window.PageId, cancellationToken);
        if (page is null)
        {
            return;
        }

        var subscribers = await store.ListSubscribersAsync(page.Id, cancellationToken);
        var notifications = MaintenanceNotices.Plan(
            page, window, notice.Kind, notice.OccurrenceStartsAt, notice.OccurrenceEndsAt, subscribers, time.GetUtcNow());
        if (notifications.Count > 0)
        {
            await store.EnqueueNotificationsAsync(notifications, cancellationToken);
        }
    }
}
