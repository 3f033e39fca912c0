using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Why a claimed row is not worth sending any more (it becomes Superseded), or null when it is. An operator's
/// <see cref="NotificationKind.Test"/> notice has no coalesce key, status or subject, so only
/// <see cref="ForSubscriber"/> applies to it: it is dropped when its subscriber is gone or inactive, never for another
/// notice, and it drops none.
/// </summary>
internal static class SupersedeRules
{
    /// <summary>
    /// A deleted or inactive subscriber gets nothing; an unverified one only its verification message, and only the one
    /// carrying its current token (subscribing again replaces the token; verifying uses it up).
    /// </summary>
    public static string? ForSubscriber(Notification row, Subscriber? subscriber) => subscriber switch
    {
        null => "the subscriber was deleted",
        { IsActive: false } => "the subscriber is inactive",
        _ when row.Content.Kind == NotificationKind.SubscriptionVerification =>
            VerificationKey.IsCurrent(row, subscriber) ? null : "its verification token was replaced or already used",
        { IsVerified: false } => "the subscriber is not verified",
        _ => null,
    };

    /// <summary>
    /// Whether a row is sent only while the status incident or maintenance window it is about still exists: a notice
    /// of a deleted one (an incident created by mistake, a window dropped) is not sent. A window's cancellation or
    /// completion is sent even so (as is the notice of its own deletion), so that a subscriber told of the window hears
    /// that it will not take place or is over.
    /// </summary>
    public static bool NeedsSubjectCheck(NotificationContent content) =>
        (content.StatusIncidentId is not null || content.MaintenanceWindowId is not null && !content.MaintenanceWindowDeleted)
        && content.Kind is not (NotificationKind.MaintenanceCancelled or NotificationKind.MaintenanceCompleted);

    /// <summary>Why a row whose <see cref="NeedsSubjectCheck">subject</see> was deleted is not sent.</summary>
    public static string ForDeletedSubject(NotificationContent content) =>
        content.StatusIncidentId is not null ? "its status incident was deleted" : "its maintenance window was deleted";

    /// <summary>
    /// Why a postmortem notice is not sent any more although its incident exists: the postmortem it tells of was
    /// removed, or removed and published again after the notice was planned (the new publication is told by its own
    /// notice, when it asked for one); null for every other notice. A postmortem whose text was replaced keeps its
    /// publication time, so its notice is still sent (a new text told with notify merged into it while it was queued,
    /// through its coalesce key).
    /// </summary>
    public static string? ForPostmortem(NotificationContent content, StatusIncident incident) =>
        content.Kind != NotificationKind.StatusIncidentPostmortem ? null
        : incident.PostmortemPublishedAt is not { } published ? "its postmortem was removed"
        : published > content.OccurredAt ? "its postmortem was removed and published again since"
        : null;

    /// <summary>
    /// Only the latest change of a coalesce key is worth sending: a row is stale when another row of its key (in any
    /// state: pending, delivered, dead-lettered or superseded) is <see cref="IsNotEarlier">not earlier</see>. A change
    /// made while a row of the key was leased gets a row of its own, so an older row can still be queued (for a retry)
    /// after the latest one was sent or found to be a flap; sending it would leave the subscriber with an old state.
    /// </summary>
    public static string? ForLaterRow(Notification row, IEnumerable<Notification> others) =>
        row.CoalesceKey is not null && others.Any(other => IsNotEarlier(other, row))
            ? row.Content.Kind == NotificationKind.StatusIncidentPostmortem
                ? "a later text of the same postmortem replaces it"
                : "a later change of the same component replaces it"
            : null;

    /// <summary>Whether the row has to be checked against the last delivered one of its coalesce key.</summary>
    public static bool NeedsFlapCheck(Notification row) => row.CoalesceKey is not null && row.Content.NewStatus is not null;

    /// <summary>
    /// A flap that returns to the last notified state, or to the state its coalesced changes started from, sends
    /// nothing; a subscriber who never heard of a problem needs no "resolved"; a change that is older than the one last
    /// notified would take the subscriber back in time. The last notified state says what the subscriber knows only
    /// when it follows the event of the status the change came from: one who asked for <c>resolved</c> alone is told
    /// every recovery from a real problem, and one who asked for <c>outage</c> alone every outage, though it was never
    /// told of the status in between.
    /// </summary>
    public static string? ForFlap(Notification row, Notification? lastDelivered, Subscriber? subscriber = null)
    {
        if (row.Content.NewStatus is not { } status)
        {
            return null;
        }

        // Changes merged within the debounce that end where they started say nothing (the status before them may never
        // have been sent on its own: a maintenance window's start is told by the window's notice, not a component row).
        if (row.Content.OldStatus == status)
        {
            return "the status is the one the coalesced changes started from (a flap)";
        }

        var fromUnfollowed = row.Content.OldStatus is { } old && subscriber is not null && !FollowsEventOf(subscriber, old);
        if (lastDelivered is null)
        {
            return status == ComponentStatus.Operational && !fromUnfollowed ? "the subscriber was never told of a problem to resolve" : null;
        }

        if (IsNotEarlier(lastDelivered, row))
        {
            return "a later change of the same component was already notified";
        }

        return lastDelivered.Content.NewStatus == status && !fromUnfollowed ? "the status is the one last notified (a flap)" : null;
    }

    /// <summary>
    /// Whether <see cref="ForChangedSince"/> can say anything of <paramref name="row"/> for <paramref name="subscriber"/>,
    /// and so whether its component's status is worth reading: a component change, to a subscriber that does not follow
    /// every event a status other than Under Maintenance makes (one that does is told each later change by a row of
    /// its own, which replaces this one).
    /// </summary>
    public static bool NeedsCurrentStatus(Notification row, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        const NotificationEvents statusEvents = NotificationEvents.Degraded | NotificationEvents.Outage | NotificationEvents.Resolved;
        return row.Content.Kind == NotificationKind.ComponentStatusChanged && (subscriber.NotifyOn & statusEvents) != statusEvents;
    }

    /// <summary>
    /// Why a component change is no longer worth sending to <paramref name="subscriber"/>: the component has moved on
    /// since, to <paramref name="current"/>, a status whose event the subscriber does not follow, so no later notice
    /// replaces this one (one who asked for <c>outage</c> alone, told two minutes late of an outage that ended within
    /// the debounce, would never hear that it ended). Under Maintenance does not count: a window's notices tell of it,
    /// and the component returns to the status the notice tells of when the window ends. Null when the notice is still
    /// true, or is no component change.
    /// </summary>
    public static string? ForChangedSince(Notification row, ComponentStatus? current, Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return row.Content is { Kind: NotificationKind.ComponentStatusChanged, NewStatus: { } status }
               && current is { } now
               && now != status
               && now != ComponentStatus.UnderMaintenance
               && !FollowsEventOf(subscriber, now)
            ? $"the component changed since to {now}, which the subscriber does not follow"
            : null;
    }

    private static bool FollowsEventOf(Subscriber subscriber, ComponentStatus status) =>
        (subscriber.NotifyOn & NotificationEventClassifier.Classify(status)) != 0;

    /// <summary>
    /// Whether <paramref name="other"/> is another row of <paramref name="row"/>'s coalesce key whose change is not
    /// earlier: it happened later (<see cref="NotificationContent.OccurredAt"/>, which a merge moves on) or at the same
    /// time and was written later or at the same time. Simultaneous changes cannot be ordered, so neither is sent.
    /// </summary>
    public static bool IsNotEarlier(Notification other, Notification row) =>
        other.Id != row.Id
        && row.CoalesceKey is not null
        && string.Equals(other.CoalesceKey, row.CoalesceKey, StringComparison.Ordinal)
        && (other.Content.OccurredAt, other.CreatedAt).CompareTo((row.Content.OccurredAt, row.CreatedAt)) >= 0;
}
