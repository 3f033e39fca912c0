using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Small builders of valid model values at fixed instants.</summary>
public static class Samples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static StatusPage Page(string slug, string? teamId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = "Page " + slug,
        Slug = slug,
        TeamId = teamId,
        CreatedAt = T0,
        UpdatedAt = T0,
        Version = 1,
    };

    public static Component Component(Guid pageId, string name, string? teamId = "team-a", int order = 0) => new()
    {
        Id = Guid.CreateVersion7(),
        PageId = pageId,
        Name = name,
        DisplayOrder = order,
        TeamId = teamId,
        StatusUpdatedAt = T0,
        CreatedAt = T0,
        UpdatedAt = T0,
        Version = 1,
    };

    public static Subscriber Subscriber(Guid pageId, string destination, SubscriberChannel channel = SubscriberChannel.Email) => new()
    {
        Id = Guid.CreateVersion7(),
        PageId = pageId,
        Channel = channel,
        Destination = destination,
        IsVerified = true,
        UnsubscribeTokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
        CreatedAt = T0,
        Version = 1,
    };

    public static MaintenanceWindow Window(Guid pageId, IReadOnlyList<Guid> componentIds, MaintenanceState state = MaintenanceState.Scheduled) => new()
    {
        Id = Guid.CreateVersion7(),
        PageId = pageId,
        Title = "Database upgrade",
        StartsAt = T0.AddHours(1),
        EndsAt = T0.AddHours(2),
        OccurrenceStartsAt = T0.AddHours(1),
        OccurrenceEndsAt = T0.AddHours(2),
        State = state,
        ComponentIds = componentIds,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static Notification Notification(Guid pageId, Guid subscriberId, string key, DateTimeOffset due, string? coalesceKey = null) => new()
    {
        Id = Guid.CreateVersion7(),
        PageId = pageId,
        SubscriberId = subscriberId,
        Channel = SubscriberChannel.Email,
        DeduplicationKey = key,
        CoalesceKey = coalesceKey,
        Content = new NotificationContent
        {
            Kind = NotificationKind.ComponentStatusChanged,
            Event = NotificationEvents.Outage,
            Subject = "API is down",
            Body = "API: Major Outage",
            PageName = "Page",
            PageSlug = "page",
            NewStatus = ComponentStatus.MajorOutage,
            OccurredAt = due,
        },
        CreatedAt = T0,
        DueAt = due,
    };
}
