using StatusKit.Model;

namespace StatusKit.InMemory;

/// <summary>How the in-memory store compares subscriber destinations for uniqueness.</summary>
internal static class SubscriberDestinations
{
    /// <summary>
    /// The comparison for a channel's destinations: case-insensitive (ordinal) for email addresses, ordinal for URLs,
    /// whose paths and query strings are case-sensitive.
    /// </summary>
    public static StringComparison ComparisonFor(SubscriberChannel channel) =>
        channel == SubscriberChannel.Email ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether two subscribers would occupy the same (page, channel, destination) slot.</summary>
    public static bool Collide(Subscriber a, Subscriber b) =>
        a.PageId == b.PageId
        && a.Channel == b.Channel
        && string.Equals(a.Destination, b.Destination, ComparisonFor(a.Channel));
}
