using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.TestSupport.Contract;

/// <summary>
/// Builders of valid model objects for store tests. Every builder fills its optional fields with non-default values,
/// so a round trip that drops a field fails; ids, slugs and keys are fresh per call, times are fixed instants in whole
/// milliseconds (what every database keeps). Versioned records are built at version 1, the version a store adds them at.
/// </summary>
public static class TestData
{
    /// <summary>The fixed instant every test starts from: Monday 5 January 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary><see cref="T0"/> plus <paramref name="minutes"/>.</summary>
    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static StatusPage Page(string? slug = null, string? name = null, string? teamId = "team-a") => new()
    {
        Id = Guid.NewGuid(),
        Name = name ?? Unique("Page"),
        Description = "Public status of the Acme platform",
        Slug = slug ?? Unique("page"),
        IsPublic = false,
        AccessTokenHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        TeamId = teamId,
        TimeZoneId = "Europe/Berlin",
        CreatedBy = "alice",
        CreatedAt = At(0),
        UpdatedAt = At(1),
        Version = 1,
    };

    public static Component Component(Guid pageId, string? name = null, string? teamId = "team-a", int displayOrder = 0) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        Name = name ?? Unique("Component"),
        Description = "The public REST API",
        DisplayOrder = displayOrder,
        GroupName = "Core",
        TeamId = teamId,
        ServiceIdentifier = "svc-api",
        Status = ComponentStatus.Operational,
        StatusUpdatedAt = At(0),
        ManualStatus = ComponentStatus.DegradedPerformance,
        ManualStatusExpiresAt = At(120),
        CreatedAt = At(0),
        UpdatedAt = At(2),
        Version = 1,
    };

    public static MaintenanceWindow Window(
        Guid pageId,
        IReadOnlyList<Guid>? componentIds = null,
        MaintenanceState state = MaintenanceState.Scheduled,
        DateTimeOffset? occurrenceStartsAt = null) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        Title = "Database upgrade",
        Description = "Primary database moves to a new major version",
        StartsAt = At(60),
        EndsAt = At(120),
        TimeZoneId = "Europe/Berlin",
        Recurrence = "FREQ=WEEKLY;BYDAY=MO",
        AutoUpdateStatus = false,
        NotifySubscribers = false,
        State = state,
        OccurrenceStartsAt = occurrenceStartsAt ?? At(60),
        OccurrenceEndsAt = (occurrenceStartsAt ?? At(60)).AddHours(1),
        ReminderSentFor = At(60),
        ComponentIds = componentIds ?? [Guid.NewGuid(), Guid.NewGuid()],
        CreatedBy = "bob",
        CreatedAt = At(0),
        UpdatedAt = At(3),
        Version = 7,
    };

    public static StatusIncident Incident(
        Guid pageId,
        DateTimeOffset? createdAt = null,
        StatusIncidentState state = StatusIncidentState.Identified) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        PlatformIncidentId = Unique("inc"),
        Title = "Elevated API error rates",
        Message = "Some requests fail with 503.",
        Severity = StatusIncidentSeverity.Major,
        State = state,
        ComponentIds = [Guid.NewGuid(), Guid.NewGuid()],
        Updates =
        [
            new StatusIncidentUpdate(Guid.NewGuid(), createdAt ?? At(0), StatusIncidentState.Investigating, "Looking into it."),
            new StatusIncidentUpdate(Guid.NewGuid(), (createdAt ?? At(0)).AddMinutes(5), state, "Cause found."),
        ],
        CreatedAt = createdAt ?? At(0),
        UpdatedAt = (createdAt ?? At(0)).AddMinutes(5),
        ResolvedAt = state == StatusIncidentState.Resolved ? (createdAt ?? At(0)).AddMinutes(5) : null,
        Version = 1,
    };

    public static Subscriber Subscriber(
        Guid pageId,
        SubscriberChannel channel = SubscriberChannel.Email,
        string? destination = null,
        DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        Channel = channel,
        Destination = destination ?? (channel == SubscriberChannel.Email
            ? $"{Unique("user")}@example.com"
            : $"https://hooks.example.com/{Unique("Hook")}"),
        ComponentIds = [Guid.NewGuid()],
        NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved,
        IsVerified = true,
        VerifyTokenHash = Unique("verify"),
        UnsubscribeTokenHash = Unique("unsubscribe"),
        SigningSecret = channel == SubscriberChannel.Webhook ? "c2VjcmV0LXNpZ25pbmcta2V5LTEyMzQ1Njc4" : null,
        IsActive = true,
        CreatedAt = createdAt ?? At(0),
        Version = 1,
    };

    public static IncidentSignal Signal(
        string? incidentId = null,
        long version = 1,
        PlatformIncidentState state = PlatformIncidentState.Triggered,
        string teamId = "team-a") => new()
    {
        IncidentId = incidentId ?? Unique("incident"),
        TeamId = teamId,
        ServiceIdentifier = "svc-api",
        Priority = "High",
        State = state,
        Version = version,
        OccurredAt = At(version),
        Title = "API down",
    };

    public static Notification Notification(
        Guid pageId,
        Guid? subscriberId = null,
        DateTimeOffset? dueAt = null,
        string? coalesceKey = null,
        DateTimeOffset? notAfter = null,
        DateTimeOffset? createdAt = null,
        string? subject = null) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        SubscriberId = subscriberId ?? Guid.NewGuid(),
        Channel = SubscriberChannel.Webhook,
        DeduplicationKey = Unique("dedup"),
        CoalesceKey = coalesceKey,
        Content = Content(subject ?? "API is down"),
        CreatedAt = createdAt ?? At(0),
        DueAt = dueAt ?? At(0),
        NotAfter = notAfter,
    };

    public static NotificationContent Content(string subject) => new()
    {
        Kind = NotificationKind.ComponentStatusChanged,
        Event = NotificationEvents.Outage,
        Subject = subject,
        Body = "The API has a major outage.",
        PageName = "Acme",
        PageSlug = "acme",
        ComponentId = Guid.NewGuid(),
        ComponentName = "API",
        OldStatus = ComponentStatus.Operational,
        NewStatus = ComponentStatus.MajorOutage,
        StatusIncidentId = Guid.NewGuid(),
        MaintenanceWindowId = Guid.NewGuid(),
        Link = "https://status.example.com/acme",
        OccurredAt = At(0),
    };
}
