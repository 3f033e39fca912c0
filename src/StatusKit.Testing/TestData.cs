using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.Testing;

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

    /// <summary>A fresh value: <paramref name="prefix"/>, a dash and 12 random hex digits.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>The value.</returns>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A private page with an access token hash, a time zone and fresh name and slug.</summary>
    /// <param name="slug">The slug; fresh by default.</param>
    /// <param name="name">The name; fresh by default.</param>
    /// <param name="teamId">The page's team.</param>
    /// <returns>The page, at version 1.</returns>
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

    /// <summary>An Operational component of a page, with a group, a service and an expiring manual status.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="name">The name; fresh by default.</param>
    /// <param name="teamId">The component's team.</param>
    /// <param name="displayOrder">Its position on the page.</param>
    /// <returns>The component, at version 1.</returns>
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

    /// <summary>
    /// A weekly window of a page from <c>T0</c> + 60 min to + 120 min (Europe/Berlin) that skips two of its Mondays, at
    /// version 7.
    /// </summary>
    /// <param name="pageId">The page.</param>
    /// <param name="componentIds">The components it covers; two fresh ids by default.</param>
    /// <param name="state">Its state.</param>
    /// <param name="occurrenceStartsAt">The start of its current occurrence (an hour long); <c>T0</c> + 60 min by default.</param>
    /// <returns>The window.</returns>
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
        ExcludedOccurrences = [new DateTime(2026, 1, 19, 10, 0, 0), new DateTime(2026, 12, 28, 10, 0, 0)],
        AutoUpdateStatus = false,
        NotifySubscribers = false,
        State = state,
        OccurrenceStartsAt = occurrenceStartsAt ?? At(60),
        OccurrenceEndsAt = (occurrenceStartsAt ?? At(60)).AddHours(1),
        ReminderSentFor = At(60),
        AnnouncedFor = At(60),
        ComponentIds = componentIds ?? [Guid.NewGuid(), Guid.NewGuid()],
        CreatedBy = "bob",
        CreatedAt = At(0),
        UpdatedAt = At(3),
        Version = 7,
    };

    /// <summary>A Major status incident of a page, naming two components, with two timeline updates five minutes apart.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="createdAt">Its creation; <see cref="T0"/> by default.</param>
    /// <param name="state">Its state (Resolved sets its resolution time).</param>
    /// <returns>The incident, at version 1.</returns>
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

    /// <summary>A Major incident template of a page, naming the given components.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="name">Its name; fresh by default.</param>
    /// <param name="componentIds">The components it names; none by default.</param>
    /// <returns>The template, at version 1.</returns>
    public static IncidentTemplate Template(Guid pageId, string? name = null, params Guid[] componentIds) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        Name = name ?? Unique("template"),
        Title = "Elevated API error rates",
        Message = "Some requests fail; we are looking into it.",
        Severity = StatusIncidentSeverity.Major,
        ComponentIds = componentIds,
        CreatedAt = At(0),
        UpdatedAt = At(0),
        Version = 1,
    };

    /// <summary>A visible page metric without a unit.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="name">Its name; fresh by default.</param>
    /// <returns>The metric, at version 1.</returns>
    public static PageMetric Metric(Guid pageId, string? name = null) => new()
    {
        Id = Guid.NewGuid(),
        PageId = pageId,
        Name = name ?? Unique("metric"),
        CreatedAt = At(0),
        UpdatedAt = At(0),
        Version = 1,
    };

    /// <summary>A verified, active subscriber of a page to outages and resolutions of one component.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="channel">The channel (a webhook gets a signing secret).</param>
    /// <param name="destination">The address or URL; fresh by default.</param>
    /// <param name="createdAt">Its creation; <see cref="T0"/> by default.</param>
    /// <returns>The subscriber, at version 1.</returns>
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

    /// <summary>A High-priority signal of service "svc-api" that occurred at <c>T0</c> + <paramref name="version"/> minutes.</summary>
    /// <param name="incidentId">The incident; fresh by default.</param>
    /// <param name="version">The signal's version.</param>
    /// <param name="state">The incident's state.</param>
    /// <param name="teamId">The incident's team.</param>
    /// <returns>The signal.</returns>
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

    /// <summary>A pending webhook outbox row of a page with a fresh deduplication key.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="subscriberId">The recipient; a fresh id by default.</param>
    /// <param name="dueAt">When it is due; <see cref="T0"/> by default.</param>
    /// <param name="coalesceKey">The key rows coalesce on, if any.</param>
    /// <param name="notAfter">The latest a coalesced row may be pushed back to, if any.</param>
    /// <param name="createdAt">Its creation; <see cref="T0"/> by default.</param>
    /// <param name="subject">The subject of its content.</param>
    /// <returns>The row.</returns>
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

    /// <summary>The content of a component's change from Operational to MajorOutage, every field set.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns>The content.</returns>
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
        MaintenanceWindowDeleted = true,
        PostmortemUpdated = true,
        OccurrenceStartsAt = At(60),
        OccurrenceEndsAt = At(120),
        PreviousOccurrenceStartsAt = At(30),
        PreviousOccurrenceEndsAt = At(90),
        NextOccurrenceStartsAt = At(180),
        NextOccurrenceEndsAt = At(240),
        Link = "https://status.example.com/acme",
        OccurredAt = At(0),
    };
}
