using StatusKit.Notifications;

namespace StatusKit.Abstractions;

/// <summary>
/// The result of one recompute, committed atomically: the new statuses, one history row per change, and the
/// outbox rows the changes imply.
/// </summary>
/// <param name="Changes">The status changes; each is conditional on the component's current status.</param>
/// <param name="Notifications">The notifications to enqueue (see <see cref="IStatusStore.EnqueueNotificationsAsync"/> for the rules).</param>
public sealed record StatusCommit(IReadOnlyList<ComponentStatusChange> Changes, IReadOnlyList<Notification> Notifications);
