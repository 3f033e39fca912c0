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

    /// <summary>
    /// Whether two subscribers would occupy the same slot: (page, channel, destination) among the page's followers,
    /// (incident, channel, destination) among one incident's (<see cref="Subscriber.StatusIncidentId"/>). A destination
    /// may follow the page and any of its incidents at once.
    /// </summary>
    public static bool Collide(Subscriber a, Subscriber b) =>
        a.PageId == b.PageId && a.StatusIncidentId == b.StatusIncidentId && a.Channel == b.Channel && Same(a.Channel, a.Destination, b.Destination);

    /// <summary>
    /// A key that is equal for two destinations of <paramref name="channel"/> exactly when <see cref="Same"/> says they
    /// are the same (for sets of destinations, as an import's rows).
    /// </summary>
    public static string Key(SubscriberChannel channel, string destination) =>
        channel == SubscriberChannel.Email ? CaseInsensitiveKey.Of(destination) : destination;
}
