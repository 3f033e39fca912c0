using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// What goes with a change of a window, shared by the scheduler and the service: the maintenance notice, planned
/// before the change so the store enqueues it in the same compare-and-set (when the window notifies subscribers), and,
/// after the change, the recompute of the covered components (when the change can move their status; the components
/// whose start or end of maintenance the window's notice tells are not told of it again as component changes) and the
/// refresh of the page snapshot, and the component notices held back by the window moved to its new end
/// (<see cref="HeldNoticeMoves"/>). Settling is idempotent, so a retry after a failure is safe: the recompute starts from
/// the store's truth, and a held notice moves only from the end it is still held until.
/// </summary>
internal sealed class MaintenanceEffects(IStatusStore store, StatusEngine engine, TimeProvider time, IOptions<NotificationOptions> notificationOptions)
{
    /// <summary>How many times a window change's move of held notices reads the windows again to follow another change.</summary>
    private const int MaxFollowPasses = 3;

    /// <summary>
    /// The outbox rows of <paramref name="notice"/> about <paramref name="window"/> (as it will be stored, still at the
    /// version it replaces), to enqueue with the change itself (<see cref="IStatusStore.TryUpdateMaintenanceWindowAsync"/>);
    /// none when there is no notice, the window does not notify subscribers, or its page is gone.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> PlanNoticeAsync(MaintenanceWindow window, MaintenanceNotice? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (notice is not { } n || !window.NotifySubscribers)
        {
            return [];
        }

        var page = await store.GetPageAsync(window.PageId, cancellationToken);
        if (page is null)
        {
            return [];
        }

        var subscribers = await store.ListSubscribersAsync(page.Id, cancellationToken);
        var affected = await AffectedComponents.ReadAsync(store, page.Id, window.ComponentIds, subscribers, cancellationToken);
        return MaintenanceNotices.Plan(
            page, window, n.Kind, n.OccurrenceStartsAt, n.OccurrenceEndsAt, subscribers, time.GetUtcNow(), n.Previous, n.OnlyThisOccurrence, n.Reinstated, n.WindowDeleted,
            affected, n.Next);
    }

    /// <summary>Settles the change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="before">The window before the change (null when it was created).</param>
    /// <param name="after">The window as stored after the change (its components and flags are current).</param>
    /// <param name="cause">The cause written into the status history.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="ended">
    /// Set when the change is the scheduler ending <paramref name="before"/>'s occurrence: the components' return is then
    /// recorded at the occurrence's planned end, also when it is applied late (the host was down).
    /// </param>
    public async Task SettleAsync(
        MaintenanceWindow? before, MaintenanceWindow after, string cause, CancellationToken cancellationToken, bool ended = false)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (MovesStatus(before, after))
        {
            IReadOnlyList<Guid> components = before is null ? after.ComponentIds : [.. before.ComponentIds.Union(after.ComponentIds)];
            var timing = ended && before is { State: MaintenanceState.InProgress, AutoUpdateStatus: true }
                ? new TimeDrivenRecompute([new EndedMaintenance(before.OccurrenceEndsAt, before.ComponentIds)])
                : null;
            await engine.RecomputeComponentsAsync(components, cause, timing, WindowTold(before, after), cancellationToken);
        }

        await MoveHeldNoticesAsync(before, after, after.PageId, cancellationToken);
        await engine.RefreshPageAsync(after.PageId, cancellationToken);
    }

    /// <summary>Settles a deleted window: its components are recomputed when it was in progress.</summary>
    public async Task SettleDeletedAsync(MaintenanceWindow deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        if (deleted.State == MaintenanceState.InProgress && deleted.AutoUpdateStatus)
        {
            await engine.RecomputeComponentsAsync(
                deleted.ComponentIds, $"maintenance '{deleted.Title}' deleted", null, deleted.ComponentIds.ToHashSet(), cancellationToken);
        }

        await MoveHeldNoticesAsync(deleted, null, deleted.PageId, cancellationToken);

        await engine.RefreshPageAsync(deleted.PageId, cancellationToken);
    }

    /// <summary>
    /// With <see cref="NotificationOptions.SuppressIncidentNotificationsDuringMaintenance"/>, moves the component notices
    /// held back until the end of maintenance that this change of a window (in progress before or after it) moved: to the
    /// new end, or to now when no window covers the component any more.
    /// </summary>
    private async Task MoveHeldNoticesAsync(MaintenanceWindow? before, MaintenanceWindow? after, Guid pageId, CancellationToken cancellationToken)
    {
        if (!notificationOptions.Value.SuppressIncidentNotificationsDuringMaintenance
            || (before is not { State: MaintenanceState.InProgress } && after is not { State: MaintenanceState.InProgress }))
        {
            return;
        }

        var inProgress = await InProgressAsync(pageId, cancellationToken);
        var moves = HeldNoticeMoves.Plan(before, after, inProgress, time.GetUtcNow());
        if (moves.Count == 0)
        {
            return;
        }

        var subscribers = await store.ListSubscribersAsync(pageId, cancellationToken);
        await RescheduleAsync(moves, subscribers, cancellationToken);

        // Another window change of these components stored after the windows just read (another host's) runs its own
        // move, which may have run first and found nothing held until the end it read: read the windows again after the
        // moves and follow them, until they show the notices where their maintenance ends.
        for (var pass = 0; pass < MaxFollowPasses; pass++)
        {
            inProgress = await InProgressAsync(pageId, cancellationToken);
            moves = HeldNoticeMoves.Follow(moves, inProgress, time.GetUtcNow());
            if (moves.Count == 0)
            {
                return;
            }

            await RescheduleAsync(moves, subscribers, cancellationToken);
        }
    }

    /// <summary>The page's windows in progress, read among its open ones (never through the windows it closed).</summary>
    private async Task<List<MaintenanceWindow>> InProgressAsync(Guid pageId, CancellationToken cancellationToken) =>
        [.. (await store.ListOpenMaintenanceWindowsAsync(pageId, cancellationToken)).Where(w => w.State == MaintenanceState.InProgress)];

    private async Task RescheduleAsync(IReadOnlyList<HeldNoticeMove> moves, IReadOnlyList<Subscriber> subscribers, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            // A component's notice is planned only for the subscribers who follow it (NotificationEventClassifier.Follows), so
            // only their keys can name a held row: the list grows with the component's followers, not the whole page's.
            string[] keys =
            [
                .. move.ComponentIds.SelectMany(c => subscribers.Where(s => NotificationEventClassifier.Follows(s, c)).Select(s => NotificationPlanner.CoalesceKey(s.Id, c))),
            ];
            await store.RescheduleHeldNotificationsAsync(
                keys, move.HeldUntil, move.DueAt, notificationOptions.Value.DebounceWindow, notificationOptions.Value.MaxDebounceDelay, cancellationToken);
        }
    }

    /// <summary>
    /// The components whose change into or out of Under Maintenance this change of the window causes and its own notice
    /// tells: those of a window that starts (the started notice) and those of a window in progress that ends, however
    /// it ends (the completed notice: its end, complete now, a cancel). Their component change is not told again, also
    /// when the window does not notify subscribers (then nobody hears of the window at all). A component added to or
    /// taken from a window in progress, or a window whose auto-update is switched, has no notice of the window, so its
    /// change is told as a component change.
    /// </summary>
    internal static IReadOnlySet<Guid>? WindowTold(MaintenanceWindow? before, MaintenanceWindow after)
    {
        var wasInProgress = before is { State: MaintenanceState.InProgress };
        var isInProgress = after.State == MaintenanceState.InProgress;
        return (wasInProgress, isInProgress) switch
        {
            (false, true) when after.AutoUpdateStatus => after.ComponentIds.ToHashSet(),
            (true, false) when before!.AutoUpdateStatus => before.ComponentIds.ToHashSet(),
            _ => null,
        };
    }

    private static bool MovesStatus(MaintenanceWindow? before, MaintenanceWindow after)
    {
        var wasCovering = before is { State: MaintenanceState.InProgress, AutoUpdateStatus: true };
        var isCovering = after is { State: MaintenanceState.InProgress, AutoUpdateStatus: true };
        return wasCovering != isCovering
            || (isCovering && !before!.ComponentIds.SequenceEqual(after.ComponentIds));
    }
}
