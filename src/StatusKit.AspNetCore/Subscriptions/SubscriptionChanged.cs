namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The JSON answer to the POST that changes a subscription (<c>subscriptions/manage?token=</c> with
/// <c>Accept: application/json</c>): the subscriber's choice as it now stands, in the shape the request takes, so what a
/// client reads it can send again.
/// </summary>
/// <param name="Status">Always <c>updated</c>.</param>
/// <param name="Page">The page subscribed to.</param>
/// <param name="Components">The component ids followed; empty: all of them.</param>
/// <param name="NotifyOn">The events heard about (<see cref="NotifyOnNames"/>).</param>
internal sealed record SubscriptionChanged(string Status, SubscriptionConfirmedPage Page, IReadOnlyList<Guid> Components, IReadOnlyList<string> NotifyOn);
