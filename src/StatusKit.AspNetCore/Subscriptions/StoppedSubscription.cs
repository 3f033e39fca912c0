using StatusKit.Model;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What the manage link says to a subscriber who no longer gets notices, by why it stopped: one that unsubscribed reads
/// "Unsubscribed", but one whose destination kept failing, or that an operator stopped, is told so, since it did not
/// ask for it and may want it back.
/// </summary>
internal static class StoppedSubscription
{
    /// <summary>The title and text for <paramref name="subscriber"/> (inactive) of the page named <paramref name="pageName"/>.</summary>
    public static (string Title, string Message) Of(Subscriber subscriber, string pageName) => subscriber.DeactivationReason switch
    {
        SubscriberDeactivationReason.DestinationGone or SubscriberDeactivationReason.DeadLetters => (
            "Subscription stopped",
            $"Notices from {pageName} to this subscription's destination kept failing, so they were stopped and there is nothing to change here. " +
            "To hear from it again, subscribe again on the status page, or ask the page's operators to turn this subscription back on once the destination takes notices."),
        SubscriberDeactivationReason.Operator => (
            "Subscription stopped",
            $"The operators of {pageName} stopped this subscription, so there is nothing to change here. To hear from it again, subscribe again on the status page."),
        SubscriberDeactivationReason.ComponentsDeleted => (
            "Subscription ended",
            $"Every component this subscription followed was removed from {pageName}, so it ended and there is nothing to change here. " +
            "To hear from the page again, subscribe again on the status page and choose what to follow."),
        SubscriberDeactivationReason.IncidentDeleted => (
            "Subscription ended",
            $"The incident this subscription followed was removed from {pageName}, so it ended and there is nothing to change here. " +
            "To hear from the page again, subscribe again on the status page."),
        _ => (
            "Unsubscribed",
            $"You no longer hear about {pageName}, so there is nothing to change. To hear from it again, subscribe again on the status page."),
    };
}
