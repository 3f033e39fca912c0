namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Storm control: at most <see cref="NotificationOptions.MaxNotificationsPerHour"/> deliveries per subscriber per
/// UTC clock hour. A row past the cap is deferred to the next hour with <see cref="DeferredMarker"/> as its last
/// error, which is how the dispatcher recognises the rows to fold into one digest when they come due.
/// </summary>
internal static class HourlyCap
{
    /// <summary>The <see cref="Notification.LastError"/> prefix of a row held back by the cap.</summary>
    public const string DeferredMarker = "Deferred: the subscriber reached the hourly notification cap";

    /// <summary>The start of the UTC hour that contains <paramref name="now"/>.</summary>
    public static DateTimeOffset StartOfHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The start of the UTC hour after the one that contains <paramref name="now"/>.</summary>
    public static DateTimeOffset NextHour(DateTimeOffset now) => StartOfHour(now).AddHours(1);

    /// <summary>
    /// Whether the cap can hold this kind of message back (and so fold it into a digest): verification messages, digests
    /// and an operator's test notices are never capped, as each is one message the subscriber (or its operator) is
    /// waiting for now. Once delivered, every message counts among the hour's deliveries, these too.
    /// </summary>
    public static bool Applies(NotificationKind kind, int cap) =>
        cap > 0 && kind is not (NotificationKind.SubscriptionVerification or NotificationKind.Digest or NotificationKind.Test);

    /// <summary>Whether the row was held back by the cap (and so may be folded into a digest).</summary>
    public static bool IsDeferred(Notification row) =>
        row.LastError is { } error && error.StartsWith(DeferredMarker, StringComparison.Ordinal);
}
