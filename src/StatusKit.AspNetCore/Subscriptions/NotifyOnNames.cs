using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// A subscriber's events as the subscription and admin APIs spell them: a list of <c>degraded</c>, <c>outage</c>,
/// <c>maintenance</c>, <c>resolved</c>, read from a request and written in an answer in the same shape, so what a client
/// reads it can send again.
/// </summary>
internal static class NotifyOnNames
{
    private static readonly (NotificationEvents Event, string Name)[] Names =
    [
        (NotificationEvents.Degraded, "degraded"),
        (NotificationEvents.Outage, "outage"),
        (NotificationEvents.Maintenance, "maintenance"),
        (NotificationEvents.Resolved, "resolved"),
    ];

    /// <summary>
    /// The events named (in any case; <c>all</c> for every one). Absent (or null) means every event; an empty list is a
    /// client's mistake, refused as the page's form refuses a form with every event unticked, rather than read as "all"
    /// (the opposite of what it says).
    /// </summary>
    public static NotificationEvents Read(IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return NotificationEvents.All;
        }

        if (values.Count == 0)
        {
            throw new StatusKitValidationException(
                "notifyOn",
                "Choose at least one of degraded, outage, maintenance, resolved, or leave notifyOn out for all of them.",
                ValidationCodes.NotifyOnEmpty);
        }

        var events = NotificationEvents.None;
        foreach (var value in values)
        {
            var name = value?.Trim();
            events |= string.Equals(name, "all", StringComparison.OrdinalIgnoreCase)
                ? NotificationEvents.All
                : Array.Find(Names, n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } known
                    ? known.Event
                    : throw new StatusKitValidationException(
                        "notifyOn", $"Use degraded, outage, maintenance or resolved (was '{QuotedValue.Of(value)}').", ValidationCodes.NotifyOnUnknown);
        }

        return events;
    }

    /// <summary>The names of the events set in <paramref name="events"/>, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Write(NotificationEvents events) =>
        [.. Names.Where(n => events.HasFlag(n.Event)).Select(n => n.Name)];
}
