using StatusKit.Model;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The JSON answer to the POST that changes a subscription (<c>subscriptions/manage?token=</c> with
/// <c>Accept: application/json</c>): the subscriber's choice as it now stands, in the shape the request takes, so what a
/// client reads it can send again.
/// </summary>
/// <param name="Status">Always <c>updated</c>.</param>
/// <param name="Page">The page subscribed to.</param>
/// <param name="Components">The component ids followed; empty: all of them. Null for a follower of one incident.</param>
/// <param name="NotifyOn">The events heard about (<see cref="NotifyOnNames"/>). Null for a follower of one incident.</param>
/// <param name="Incident">
/// The incident followed, null for a subscriber of the page. Such a follower hears all of that incident's notices and
/// has neither components nor events to choose.
/// </param>
internal sealed record SubscriptionChanged(
    string Status, SubscriptionConfirmedPage Page, IReadOnlyList<Guid>? Components, IReadOnlyList<string>? NotifyOn, Guid? Incident)
{
    public static SubscriptionChanged Of(Subscriber subscriber, SubscriptionConfirmedPage page) =>
        subscriber.StatusIncidentId is { } incident
            ? new("updated", page, null, null, incident)
            : new("updated", page, subscriber.ComponentIds, NotifyOnNames.Write(subscriber.NotifyOn), null);
}
