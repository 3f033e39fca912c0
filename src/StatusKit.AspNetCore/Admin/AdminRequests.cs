using System.Text.Json.Serialization;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Model;
using StatusKit.Notifications.Webhooks;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Admin;

/// <summary>Body of <c>POST admin/pages/{pageId}/visibility</c>; <see cref="IsPublic"/> is required (null when left out).</summary>
internal sealed record VisibilityRequest(bool? IsPublic);

/// <summary>Body of <c>POST admin/pages/{pageId}/components</c> (the page comes from the route).</summary>
internal sealed record CreateComponentRequest(
    string? Name,
    string? Description = null,
    int? DisplayOrder = null,
    string? GroupName = null,
    string? TeamId = null,
    string? ServiceIdentifier = null,
    bool OnlyShowIfDegraded = false,
    string? UpstreamUrl = null,
    string? UpstreamComponentId = null);

/// <summary>
/// Body of <c>PATCH admin/components/{componentId}</c>: a member left out (or null) keeps its field and an empty string
/// clears an optional one (<see cref="UpdateComponent"/>), except <see cref="UpstreamUrl"/> and
/// <see cref="UpstreamComponentId"/>, which <c>null</c> named in the body clears as an empty string does (<see cref="NamedMember{T}"/>).
/// </summary>
internal sealed record UpdateComponentRequest
{
    private readonly NamedMember<string?> _upstreamUrl;
    private readonly NamedMember<string?> _upstreamComponentId;

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int? DisplayOrder { get; init; }

    public string? GroupName { get; init; }

    public string? TeamId { get; init; }

    public string? ServiceIdentifier { get; init; }

    public bool? OnlyShowIfDegraded { get; init; }

    /// <summary>A new upstream URL; <c>null</c> or <c>""</c> named in the body stops following the upstream page, left out keeps it.</summary>
    public string? UpstreamUrl { get => _upstreamUrl.Value; init => _upstreamUrl = new(value); }

    /// <summary>A new upstream component id; <c>null</c> or <c>""</c> named in the body follows the whole upstream page, left out keeps it.</summary>
    public string? UpstreamComponentId { get => _upstreamComponentId.Value; init => _upstreamComponentId = new(value); }

    /// <summary>The service's request, made against <paramref name="expectedVersion"/> (the route's If-Match).</summary>
    public UpdateComponent ToChanges(long? expectedVersion) => new()
    {
        Name = Name,
        Description = Description,
        DisplayOrder = DisplayOrder,
        GroupName = GroupName,
        TeamId = TeamId,
        ServiceIdentifier = ServiceIdentifier,
        OnlyShowIfDegraded = OnlyShowIfDegraded,
        UpstreamUrl = _upstreamUrl.IsNamed ? UpstreamUrl ?? string.Empty : null,
        UpstreamComponentId = _upstreamComponentId.IsNamed ? UpstreamComponentId ?? string.Empty : null,
        ExpectedVersion = expectedVersion,
    };
}

/// <summary>
/// Body of <c>POST admin/pages/{pageId}/maintenance</c> (the page comes from the route); <see cref="StartsAt"/> and
/// <see cref="EndsAt"/> are required (null when left out, rather than the year 1 that a window could never have).
/// </summary>
internal sealed record CreateMaintenanceRequest(
    string? Title,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Description = null,
    string TimeZoneId = "UTC",
    string? Recurrence = null,
    IReadOnlyList<Guid>? ComponentIds = null,
    bool AutoUpdateStatus = true,
    bool NotifySubscribers = true,
    string? CreatedBy = null,
    IReadOnlyList<DateTime>? ExcludedOccurrences = null);

/// <summary>Body of <c>PUT admin/pages/{pageId}/components/order</c>.</summary>
internal sealed record ReorderRequest(IReadOnlyList<Guid>? ComponentIds);

/// <summary>
/// Body of <c>PUT admin/components/{componentId}/manual-status</c>; <see cref="Status"/> is required (null when left out),
/// <see cref="ExpiresAt"/> optional (none: until cleared).
/// </summary>
internal sealed record ManualStatusRequest(ComponentStatus? Status, DateTimeOffset? ExpiresAt = null);

/// <summary>
/// Body of <c>POST admin/pages/{pageId}/incidents</c>; <see cref="State"/> is the state it starts in (left out: the
/// template's, else investigating; resolved records a past problem), which <see cref="StartedAt"/> and
/// <see cref="ResolvedAt"/> may date (a backfill: <see cref="StatusKit.Services.CreateStatusIncident.StartedAt"/>).
/// <see cref="TemplateId"/> names one of the page's incident templates, which gives the title, message, severity,
/// components and state left out.
/// </summary>
internal sealed record CreateIncidentRequest(
    string? Title = null,
    string? Message = null,
    StatusIncidentSeverity? Severity = null,
    IReadOnlyList<Guid>? ComponentIds = null,
    string? PlatformIncidentId = null,
    bool NotifySubscribers = true,
    StatusIncidentState? State = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? ResolvedAt = null,
    Guid? TemplateId = null);

/// <summary>Body of <c>POST admin/pages/{pageId}/incident-templates</c> (the page comes from the route).</summary>
internal sealed record CreateIncidentTemplateRequest(
    string? Name,
    string? Title,
    string? Message,
    StatusIncidentSeverity Severity = StatusIncidentSeverity.Minor,
    IReadOnlyList<Guid>? ComponentIds = null,
    StatusIncidentState? State = null);

/// <summary>
/// Body of <c>PATCH admin/incident-templates/{templateId}</c>: a member left out (or null) keeps its field, except
/// <see cref="State"/>, where <c>"state": null</c> takes the template's state back to none and leaving it out keeps it
/// (<see cref="NamedMember{T}"/>).
/// </summary>
internal sealed record UpdateIncidentTemplateRequest
{
    private readonly NamedMember<StatusIncidentState?> _state;

    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Message { get; init; }

    public StatusIncidentSeverity? Severity { get; init; }

    /// <summary>A new state; <c>null</c> named in the body clears it, left out keeps it.</summary>
    public StatusIncidentState? State { get => _state.Value; init => _state = new(value); }

    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>The service's request, made against <paramref name="expectedVersion"/> (the route's If-Match).</summary>
    public UpdateIncidentTemplate ToChanges(long? expectedVersion) => new()
    {
        Name = Name,
        Title = Title,
        Message = Message,
        Severity = Severity,
        State = State,
        ClearState = _state.IsNamed && State is null,
        ComponentIds = ComponentIds,
        ExpectedVersion = expectedVersion,
    };
}

/// <summary>
/// Body of <c>POST admin/incidents/{incidentId}/updates</c>; <see cref="State"/> and <see cref="Message"/> are required
/// (null when left out) unless <see cref="TemplateId"/> names one of the page's incident templates that gives them.
/// </summary>
internal sealed record IncidentUpdateRequest(StatusIncidentState? State, string? Message, bool NotifySubscribers = true, Guid? TemplateId = null);

/// <summary>
/// Body of <c>PUT admin/incidents/{incidentId}/postmortem</c>: the postmortem's text, required, and whether subscribers
/// are told of it (default false, as on Statuspage).
/// </summary>
internal sealed record PostmortemRequest(string? Body, bool NotifySubscribers = false);

/// <summary>
/// Body of <c>POST admin/pages/{pageId}/subscribers</c>: an operator's subscription, active at once unless asked otherwise;
/// <see cref="NotifyOn"/> left out is every event, an empty list is refused. With <see cref="IncidentId"/> (an incident
/// of the page) it follows that incident only, and neither <see cref="ComponentIds"/> nor <see cref="NotifyOn"/> may
/// come with it.
/// </summary>
internal sealed record CreateSubscriberRequest(
    SubscriberChannel Channel,
    string? Destination,
    IReadOnlyList<Guid>? ComponentIds = null,
    IReadOnlyList<string>? NotifyOn = null,
    bool PreVerified = true,
    Guid? IncidentId = null);

/// <summary>
/// Body of <c>PATCH admin/subscribers/{subscriberId}</c>: what a member left out (or null) names is kept;
/// <see cref="ComponentIds"/> empty follows every component, <see cref="NotifyOn"/> empty is refused (as on a create).
/// </summary>
internal sealed record UpdateSubscriberRequest(IReadOnlyList<Guid>? ComponentIds = null, IReadOnlyList<string>? NotifyOn = null);

/// <summary>
/// A page as the admin API shows it (never the token hash), its branding, custom domain and language null where unset (a null language is English). <see cref="AccessToken"/> is shown once, when a private
/// page is created, and left out otherwise.
/// </summary>
internal sealed record AdminPage(
    Guid Id, string Name, string? Description, string Slug, bool IsPublic, bool HasAccessToken, string? TeamId, string TimeZoneId,
    string? HomepageUrl, string? LogoUrl, string? AccentColor, string? CustomDomain, string? Language,
    string? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccessToken = null)
{
    public static AdminPage From(StatusPage page) => new(
        page.Id, page.Name, page.Description, page.Slug, page.IsPublic, page.AccessTokenHash is not null, page.TeamId, page.TimeZoneId,
        page.HomepageUrl, page.LogoUrl, page.AccentColor, page.CustomDomain, page.Language,
        page.CreatedBy, page.CreatedAt, page.UpdatedAt, page.Version);

    public static AdminPage From(CreatedStatusPage created) => From(created.Page) with { AccessToken = created.AccessToken };
}

/// <summary>
/// A subscriber as the admin API shows it (never token hashes; the signing secret only when created or rotated; the
/// previous signing secret never, only <see cref="PreviousSigningSecretValidUntil"/>). <see cref="DeactivationReason"/>
/// is why an inactive subscriber stopped (unknown when that was not recorded), null while it is active.
/// <see cref="IncidentId"/> is the incident it follows, null for a subscriber of the page. Such a follower hears every
/// notice of that incident and chooses neither components nor events, so its <see cref="ComponentIds"/> and
/// <see cref="NotifyOn"/> are null (not an empty list, which would read as "every component", nor every event, which
/// would read as the page's notices).
/// </summary>
internal sealed record AdminSubscriber(
    Guid Id, Guid PageId, Guid? IncidentId, SubscriberChannel Channel, string Destination, IReadOnlyList<Guid>? ComponentIds, IReadOnlyList<string>? NotifyOn,
    bool IsVerified, bool IsActive, SubscriberDeactivationReason? DeactivationReason, DateTimeOffset CreatedAt, long Version, string? SigningSecret,
    string? UnsubscribeToken, DateTimeOffset? PreviousSigningSecretValidUntil)
{
    /// <summary>
    /// The subscriber as shown at <paramref name="now"/>: <see cref="PreviousSigningSecretValidUntil"/> is when deliveries
    /// stop being signed with the secret a rotation replaced, while they still are (as the webhook notifier decides:
    /// before its expiry, and only a secret that decodes), else null.
    /// </summary>
    public static AdminSubscriber From(Subscriber s, DateTimeOffset now, string? signingSecret = null, string? unsubscribeToken = null) => new(
        s.Id, s.PageId, s.StatusIncidentId, s.Channel, s.Destination,
        s.StatusIncidentId is null ? s.ComponentIds : null, s.StatusIncidentId is null ? NotifyOnNames.Write(s.NotifyOn) : null, s.IsVerified, s.IsActive,
        s.IsActive ? null : s.DeactivationReason ?? SubscriberDeactivationReason.Unknown, s.CreatedAt, s.Version, signingSecret, unsubscribeToken,
        now < s.PreviousSigningSecretExpiresAt && WebhookSignature.IsValidSecret(s.PreviousSigningSecret) ? s.PreviousSigningSecretExpiresAt : null);
}

/// <summary>A newly generated page access token, shown once.</summary>
internal sealed record AccessTokenResponse(string? AccessToken);

/// <summary>The outcome of <c>POST admin/signals</c>.</summary>
internal sealed record SignalResponse(string IncidentId, long Version, string Result);

/// <summary>
/// A page of the audit log as <c>GET admin/pages/{pageId}/audit-log</c> answers it: the entries newest first, and the
/// <see cref="NextCursor"/> to pass as <c>cursor</c> for the older ones (null after the last).
/// </summary>
internal sealed record AdminAuditLog(IReadOnlyList<AuditEntry> Entries, string? NextCursor)
{
    public static AdminAuditLog From(StatusKit.Audit.AuditLogPage page) => new(page.Entries, page.NextCursor?.ToString());
}
