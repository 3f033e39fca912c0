namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The JSON answer to the POST that confirms a subscription (<c>subscriptions/verify?token=</c> with
/// <c>Accept: application/json</c>). Only the holder of the verification token gets it, and the token went only to the
/// destination: for a webhook this is how its owner learns the secret that signs every delivery.
/// </summary>
/// <param name="Status">Always <c>confirmed</c>.</param>
/// <param name="Page">The page subscribed to.</param>
/// <param name="Channel"><c>email</c>, <c>slack</c>, <c>webhook</c> or <c>teams</c>.</param>
/// <param name="Destination">
/// The destination the token was sent to: a receiver checks it is its own URL before it trusts
/// <paramref name="SigningSecret"/>, so nobody can make it confirm their subscription and adopt their secret.
/// </param>
/// <param name="SigningSecret">
/// For a webhook, the subscriber's signing secret (base64 of 32 bytes; <c>WebhookSignature.Verify</c> takes it, a
/// Standard Webhooks library takes <c>whsec_</c> + it); null for the other channels. Shown once: the token no longer
/// works afterwards.
/// </param>
internal sealed record SubscriptionConfirmed(
    string Status,
    SubscriptionConfirmedPage Page,
    string Channel,
    string Destination,
    string? SigningSecret);

/// <summary>The page of a <see cref="SubscriptionConfirmed"/>.</summary>
/// <param name="Id">The page id (the <c>page.id</c> of every webhook delivery).</param>
/// <param name="Name">The page's name.</param>
/// <param name="Slug">The page's slug.</param>
internal sealed record SubscriptionConfirmedPage(Guid Id, string Name, string Slug);
