using StatusKit.AspNetCore.Texts;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What the manage link says to a subscriber who no longer gets notices, by why it stopped: one that unsubscribed reads
/// "Unsubscribed", but one whose destination kept failing, or that an operator stopped, is told so, since it did not
/// ask for it and may want it back.
/// </summary>
internal static class StoppedSubscription
{
    /// <summary>
    /// The title and text for <paramref name="subscriber"/> (inactive) of the page named <paramref name="pageName"/>, in
    /// the language of <paramref name="texts"/>.
    /// </summary>
    public static (string Title, string Message) Of(Subscriber subscriber, string pageName, PageTexts texts) => subscriber.DeactivationReason switch
    {
        SubscriberDeactivationReason.DestinationGone or SubscriberDeactivationReason.DeadLetters => (
            texts.SubscriptionStopped, texts.Format(texts.StoppedFailing, pageName)),
        SubscriberDeactivationReason.Operator => (texts.SubscriptionStopped, texts.Format(texts.StoppedByOperator, pageName)),
        SubscriberDeactivationReason.ComponentsDeleted => (texts.SubscriptionEnded, texts.Format(texts.EndedComponentsDeleted, pageName)),
        SubscriberDeactivationReason.IncidentDeleted => (texts.SubscriptionEnded, texts.Format(texts.EndedIncidentDeleted, pageName)),
        _ => (texts.Unsubscribed, texts.Format(texts.NoLongerHearNothingToChange, pageName)),
    };
}
