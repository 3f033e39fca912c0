using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>When two subscriber destinations are the same, which is what uniqueness per (page, channel) compares.</summary>
internal static class SubscriberDestinations
{
    /// <summary>
    /// Email addresses are the same ignoring case (<see cref="CaseInsensitiveKey"/>, as the Entity Framework Core
    /// store's key column compares them); Slack and webhook URLs only when equal ordinally, since their paths and query
    /// strings are case-sensitive.
    /// </summary>
    public static bool Same(SubscriberChannel channel, string left, string right) =>
        channel == SubscriberChannel.Email ? CaseInsensitiveKey.Same(left, right) : string.Equals(left, right, StringComparison.Ordinal);

    /// <summary>Whether two subscribers would occupy the same (page, channel, destination) slot.</summary>
    public static bool Collide(Subscriber a, Subscriber b) =>
        a.PageId == b.PageId && a.Channel == b.Channel && Same(a.Channel, a.Destination, b.Destination);
}
