namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The JSON answer to the POST that ends a subscription (<c>subscriptions/unsubscribe?token=</c> with
/// <c>Accept: application/json</c>): what a webhook receiver acting on a delivery's <c>meta.unsubscribe</c> gets, as
/// <see cref="SubscriptionConfirmed"/> answers the confirmation.
/// </summary>
/// <param name="Status">Always <c>unsubscribed</c>.</param>
/// <param name="Page">The page no longer subscribed to.</param>
internal sealed record SubscriptionEnded(string Status, SubscriptionConfirmedPage Page);
