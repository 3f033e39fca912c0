using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Texts;

namespace StatusKit.Services;

/// <summary>
/// Public status incidents: what customers read during an outage. Creating, updating and resolving one notifies
/// the subscribers of its components and moves their statuses (Minor → Degraded, Major → Partial, Critical → Major Outage).
/// </summary>
public sealed class StatusIncidentService
{
    private const int MaxPageSize = 200;
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly TimeProvider _time;
    private readonly AuditTrail _audit;

    internal StatusIncidentService(IStatusStore store, StatusEngine engine, TimeProvider time, AuditTrail audit)
    {
        _store = store;
        _engine = engine;
        _time = time;
        _audit = audit;
    }

    /// <summary>
    /// Creates an incident in <see cref="CreateStatusIncident.State"/> (Investigating unless told otherwise) with its first
    /// update, which announces that state; one created Resolved is resolved at once (<see cref="StatusIncident.ResolvedAt"/>),
    /// or, backfilled (<see cref="CreateStatusIncident.StartedAt"/>), created at its start and resolved at its end, its
    /// one update at the end, without telling anyone. Given <see cref="CreateStatusIncident.TemplateId"/>, the title,
    /// message, severity and components the request leaves out (null) are the template's, and so is the state when the
    /// request does not set it and the template has one; the incident keeps no link to
    /// the template, so editing or deleting the template later never changes it.
    /// </summary>
    public async Task<StatusIncident> CreateAsync(CreateStatusIncident request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = request.TemplateId is { } templateId ? await RequireTemplateAsync(templateId, request.PageId, cancellationToken) : null;
        var title = Guard.IncidentTitle(request.Title ?? template?.Title);
        var message = Guard.IncidentMessage(request.Message ?? template?.Message);
        var severity = Guard.Defined(request.Severity ?? template?.Severity ?? StatusIncidentSeverity.Minor, "severity");
        var state = Guard.Defined(request.State ?? template?.State ?? StatusIncidentState.Investigating, "state");
        var page = await _store.RequirePageAsync(request.PageId, cancellationToken);
        var componentIds = await _store.RequireComponentsOnPageAsync(page.Id, request.ComponentIds ?? template?.ComponentIds, cancellationToken);
        var now = _time.GetUtcNow();
        var backfill = IncidentBackfill.Dates(state, request.StartedAt, request.ResolvedAt, now);
        var createdAt = backfill?.StartedAt ?? now;
        var resolvedAt = backfill?.ResolvedAt ?? now;
        // A backfill tells nobody (as on Statuspage): its problem is long over, and its update records so.
        var notify = request.NotifySubscribers && backfill is null;
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(now),
            PageId = page.Id,
            PlatformIncidentId = Guard.OptionalText(request.PlatformIncidentId, "platformIncidentId", Guard.MaxNameLength),
            Title = title,
            Message = message,
            Severity = severity,
            State = state,
            ComponentIds = componentIds,
            Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(now), resolvedAt, state, message) { NotifySubscribers = notify }],
            CreatedAt = createdAt,
            UpdatedAt = now,
            ResolvedAt = state == StatusIncidentState.Resolved ? resolvedAt : null,
            Version = 1,
        };
        var notices = notify
            ? await PlanNoticesAsync(page, incident, incident.Updates[0], NotificationKind.StatusIncidentCreated, cancellationToken)
            : [];
        await _store.AddStatusIncidentAsync(incident, notices, cancellationToken);
        await _audit.RecordAsync(incident.PageId, AuditActions.IncidentCreated, "incident", incident.Id);
        await SettleAsync(incident, componentIds, cancellationToken);
        return incident;
    }

    /// <summary>
    /// Appends an update to the timeline and moves the incident to <paramref name="state"/>. The update records
    /// <paramref name="notifySubscribers"/> (<see cref="StatusIncidentUpdate.NotifySubscribers"/>).
    /// </summary>
    public Task<StatusIncident> AddUpdateAsync(Guid incidentId, StatusIncidentState state, string message, bool notifySubscribers = true, CancellationToken cancellationToken = default) =>
        AddUpdateAsync(incidentId, new AddStatusIncidentUpdate { State = state, Message = message, NotifySubscribers = notifySubscribers }, cancellationToken);

    /// <summary>
    /// Appends an update to the timeline and moves the incident to <see cref="AddStatusIncidentUpdate.State"/>, as
    /// <see cref="AddUpdateAsync(Guid, StatusIncidentState, string, bool, CancellationToken)"/> does. Given
    /// <see cref="AddStatusIncidentUpdate.TemplateId"/> (a template of the incident's page), the message and state the
    /// request leaves out (null) are the template's; a state neither gives is refused
    /// (<see cref="StatusKitValidationException"/> naming <c>state</c>). Subscribers are told as of any update.
    /// </summary>
    public async Task<StatusIncident> AddUpdateAsync(Guid incidentId, AddStatusIncidentUpdate request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Without a template the request is checked before the incident is read, so bad input is a 400 even on a 404.
        var checkedRequest = request.TemplateId is null ? UpdateFrom(request, null) : default((StatusIncidentState State, string Text)?);
        var incident = await RequireAsync(incidentId, cancellationToken);
        var (state, text) = checkedRequest
            ?? UpdateFrom(request, await RequireTemplateAsync(request.TemplateId!.Value, incident.PageId, cancellationToken));
        var notifySubscribers = request.NotifySubscribers;
        var now = _time.GetUtcNow();
        var update = new StatusIncidentUpdate(Guid.CreateVersion7(now), now, state, text) { NotifySubscribers = notifySubscribers };
        IReadOnlyList<Notification> notices = [];
        if (notifySubscribers)
        {
            var page = await _store.RequirePageAsync(incident.PageId, cancellationToken);
            var kind = state == StatusIncidentState.Resolved ? NotificationKind.StatusIncidentResolved : NotificationKind.StatusIncidentUpdated;
            notices = await PlanNoticesAsync(page, incident, update, kind, cancellationToken);
        }

        var stored = await _store.AppendStatusIncidentUpdateAsync(incidentId, update, notices, cancellationToken);
        await _audit.RecordAsync(
            stored.PageId, AuditActions.IncidentUpdateAdded, "incident", incidentId,
            incident.State == state ? ["message"] : ["state", "message"]);
        await SettleAsync(stored, incident.ComponentIds, cancellationToken);
        return stored;
    }

    /// <summary>Resolves the incident with a final update; sets its resolution time.</summary>
    public Task<StatusIncident> ResolveAsync(Guid incidentId, string message, bool notifySubscribers = true, CancellationToken cancellationToken = default) =>
        AddUpdateAsync(incidentId, StatusIncidentState.Resolved, message, notifySubscribers, cancellationToken);

    /// <summary>
    /// Changes the headline, severity, components or platform link. Earlier updates are never rewritten. Only the fields
    /// the request names change: when someone else changed the incident meanwhile (an edit, an appended update, a deleted
    /// component leaving its list), the change is applied again to what they left (a few times at most), so a deleted
    /// component's id is never written back; unless <see cref="UpdateStatusIncident.ExpectedVersion"/> is given, which
    /// must then be the stored version (else <see cref="StatusKitConcurrencyException"/>, changing nothing). A request
    /// that changes nothing writes nothing: the incident keeps its version and update time.
    /// </summary>
    public async Task<StatusIncident> UpdateAsync(Guid incidentId, UpdateStatusIncident changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        IReadOnlyList<Guid> before = [];
        IReadOnlyList<string> fields = [];
        var stored = await OptimisticEdit.ApplyAsync(
            "status incident",
            incidentId,
            changes.ExpectedVersion,
            () => RequireAsync(incidentId, cancellationToken),
            static i => i.Version,
            async incident =>
            {
                before = incident.ComponentIds;
                var componentIds = changes.ComponentIds is null
                    ? incident.ComponentIds
                    : await _store.RequireComponentsOnPageAsync(incident.PageId, changes.ComponentIds, cancellationToken);
                var edited = incident with
                {
                    Title = changes.Title is null ? incident.Title : Guard.IncidentTitle(changes.Title),
                    Severity = changes.Severity is { } severity ? Guard.Defined(severity, "severity") : incident.Severity,
                    PlatformIncidentId = changes.PlatformIncidentId is null
                        ? incident.PlatformIncidentId
                        : Guard.OptionalText(changes.PlatformIncidentId, "platformIncidentId", Guard.MaxNameLength),
                };

                fields = new AuditFields()
                    .Add("title", incident.Title, edited.Title)
                    .Add("severity", incident.Severity, edited.Severity)
                    .AddList("componentIds", incident.ComponentIds, componentIds)
                    .Add("platformIncidentId", incident.PlatformIncidentId, edited.PlatformIncidentId)
                    .Names;

                // A change that changes nothing (an empty PATCH, the same values again, a retry) writes nothing and
                // keeps the version, so a client's ETag stays valid.
                return edited == incident && componentIds.SequenceEqual(incident.ComponentIds)
                    ? incident
                    : edited with { ComponentIds = componentIds, UpdatedAt = _time.GetUtcNow() };
            },
            incident => _store.UpdateStatusIncidentAsync(incident, cancellationToken));
        if (fields.Count > 0)
        {
            await _audit.RecordAsync(stored.PageId, AuditActions.IncidentUpdated, "incident", incidentId, fields);
        }

        await SettleAsync(stored, [.. before.Union(stored.ComponentIds)], cancellationToken);
        return stored;
    }

    /// <summary>
    /// Publishes <paramref name="text"/> as the incident's postmortem, shown on its page and in the Statuspage-compatible
    /// API: plain text (paragraphs separated by blank lines, no markup), trimmed, 1 to 20,000 characters. Only a
    /// resolved incident can get one (else <see cref="StatusKitValidationException"/> naming <c>postmortem</c>).
    /// The first publication sets <see cref="StatusIncident.PostmortemPublishedAt"/>; republishing replaces the text
    /// and keeps that time (<see cref="StatusIncident.UpdatedAt"/> moves); the same text again changes nothing.
    /// Subscribers are not notified (see the overload that takes <c>notifySubscribers</c>). Like
    /// <see cref="UpdateAsync"/>, a concurrent change is re-applied over unless <paramref name="expectedVersion"/> is
    /// given, which must then be the stored version (else <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public Task<StatusIncident> PublishPostmortemAsync(
        Guid incidentId, string text, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        PublishPostmortemAsync(incidentId, text, notifySubscribers: false, expectedVersion, cancellationToken);

    /// <summary>
    /// Publishes the postmortem as <see cref="PublishPostmortemAsync(Guid, string, long?, CancellationToken)"/> does and,
    /// when <paramref name="notifySubscribers"/> is true (Statuspage's "notify subscribers" on publishing; off by
    /// default there and in the other overload), tells the subscribers who chose the <c>resolved</c> event and follow
    /// the incident's components (or all of them) with a <see cref="NotificationKind.StatusIncidentPostmortem"/> notice:
    /// the postmortem's text (its first 2,000 characters, <see cref="PostmortemNotice"/>) and a link to the incident's
    /// page, stored with the postmortem in one store call. A publication that changes nothing (the same text again, a
    /// retry) writes and sends nothing; a new text published with <paramref name="notifySubscribers"/> is told again,
    /// as a correction (subject <c>Postmortem updated: …</c>, <see cref="NotificationContent.PostmortemUpdated"/>), so it
    /// never repeats the first notice even when its changes lie beyond the notice's excerpt.
    /// A new text told while a subscriber's notice of the text it replaces is still queued takes that notice's place
    /// (one notice per subscriber, with the newest text, worded as the first publication when that notice was); one
    /// already sent is not recalled, and a new text published quietly leaves the queued notice as it was planned.
    /// </summary>
    public Task<StatusIncident> PublishPostmortemAsync(
        Guid incidentId, string text, bool notifySubscribers, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var postmortem = Guard.Name(text, "postmortem", Guard.MaxTextLength);
        return EditPostmortemAsync(
            incidentId,
            expectedVersion,
            AuditActions.PostmortemPublished,
            incident =>
            {
                if (incident.IsUnresolved)
                {
                    throw new StatusKitValidationException(
                        "postmortem", $"Only a resolved incident can have a postmortem; this one is {incident.State}: resolve it first.");
                }

                var now = _time.GetUtcNow();
                return string.Equals(incident.Postmortem, postmortem, StringComparison.Ordinal)
                    ? incident
                    : incident with { Postmortem = postmortem, PostmortemPublishedAt = incident.PostmortemPublishedAt ?? now, UpdatedAt = now };
            },
            notifySubscribers ? (before, published) => PlanPostmortemNoticesAsync(before, published, cancellationToken) : null,
            cancellationToken);
    }

    /// <summary>
    /// Removes the incident's postmortem (text and publication time), in any state; without one, changes nothing.
    /// Nobody is notified, and the postmortem's notices still in the outbox are not sent: the dispatcher finds the
    /// incident without that postmortem and supersedes them (as it does after a later publication). Versions as <see cref="PublishPostmortemAsync(Guid, string, long?, CancellationToken)"/>.
    /// </summary>
    public Task<StatusIncident> RemovePostmortemAsync(Guid incidentId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        EditPostmortemAsync(
            incidentId,
            expectedVersion,
            AuditActions.PostmortemRemoved,
            incident => incident.Postmortem is null && incident.PostmortemPublishedAt is null
                ? incident
                : incident with { Postmortem = null, PostmortemPublishedAt = null, UpdatedAt = _time.GetUtcNow() },
            plan: null,
            cancellationToken);

    // A postmortem edit: the incident as edit returns it (itself: nothing is written), versioned, with the notices plan
    // gives for an edit that changed it (from the incident before it to the edited one; stored in the same step), then
    // the page's snapshot.
    private async Task<StatusIncident> EditPostmortemAsync(
        Guid incidentId,
        long? expectedVersion,
        string action,
        Func<StatusIncident, StatusIncident> edit,
        Func<StatusIncident, StatusIncident, Task<IReadOnlyList<Notification>>>? plan,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Notification> notices = [];
        var written = false;
        var stored = await OptimisticEdit.ApplyAsync(
            "status incident",
            incidentId,
            expectedVersion,
            () => RequireAsync(incidentId, cancellationToken),
            static i => i.Version,
            async incident =>
            {
                var edited = edit(incident);
                written = !ReferenceEquals(edited, incident);
                notices = plan is null || ReferenceEquals(edited, incident) ? [] : await plan(incident, edited);
                return edited;
            },
            incident => _store.UpdateStatusIncidentAsync(incident, notices, cancellationToken));
        if (written)
        {
            await _audit.RecordAsync(stored.PageId, action, "incident", incidentId, ["postmortem"]);
        }

        await _engine.RefreshPageAsync(stored.PageId, cancellationToken);
        return stored;
    }

    /// <summary>Links the incident to an incident of the host's platform.</summary>
    public Task<StatusIncident> LinkPlatformIncidentAsync(Guid incidentId, string platformIncidentId, CancellationToken cancellationToken = default) =>
        UpdateAsync(incidentId, new UpdateStatusIncident { PlatformIncidentId = Guard.Name(platformIncidentId, "platformIncidentId") }, cancellationToken);

    /// <summary>The incident with <paramref name="incidentId"/>, or null.</summary>
    public Task<StatusIncident?> GetAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        _store.GetStatusIncidentAsync(incidentId, cancellationToken);

    /// <summary>A page's incidents, newest first, optionally only those in <paramref name="state"/>, paged.</summary>
    public Task<IReadOnlyList<StatusIncident>> ListAsync(Guid pageId, StatusIncidentState? state = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        if (state is { } s)
        {
            Guard.Defined(s, "state");
        }

        Guard.Range(skip, "skip", 0, int.MaxValue);
        Guard.Range(take, "take", 1, MaxPageSize);
        return _store.ListStatusIncidentsAsync(pageId, new StatusIncidentQuery { State = state, Skip = skip, Take = take }, cancellationToken);
    }

    /// <summary>The incidents created in the last <paramref name="days"/> days, newest first (the page's history).</summary>
    public Task<IReadOnlyList<StatusIncident>> GetHistoryAsync(Guid pageId, int days = 14, CancellationToken cancellationToken = default)
    {
        Guard.Range(days, "days", 1, 366);
        var since = _time.GetUtcNow().AddDays(-days);
        return _store.ListStatusIncidentsAsync(pageId, new StatusIncidentQuery { CreatedSince = since, Take = MaxPageSize }, cancellationToken);
    }

    /// <summary>
    /// Deletes an incident. False when it did not exist. Its followers (<see cref="Subscriber.StatusIncidentId"/>) stop
    /// getting notices (<see cref="SubscriberDeactivationReason.IncidentDeleted"/>), in the same store call.
    /// </summary>
    public Task<bool> DeleteAsync(Guid incidentId, CancellationToken cancellationToken = default) =>
        DeleteAsync(incidentId, null, cancellationToken);

    /// <summary>
    /// Deletes an incident like <see cref="DeleteAsync(Guid, CancellationToken)"/>, when given only if it is still at
    /// <paramref name="expectedVersion"/> (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). The
    /// version is checked by the store's delete itself, so a change that lands after the incident was read is never deleted
    /// unseen.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid incidentId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var incident = await _store.GetStatusIncidentAsync(incidentId, cancellationToken);
        if (incident is null)
        {
            return false;
        }

        OptimisticEdit.RequireVersion("status incident", incidentId, expectedVersion, incident.Version);

        await _store.BeforeRemovalAsync(incident.PageId, _time.GetUtcNow(), incident.UpdatedAt, cancellationToken);
        if (!await _store.DeleteStatusIncidentAsync(incidentId, expectedVersion, cancellationToken))
        {
            return false;
        }

        await _audit.RecordAsync(incident.PageId, AuditActions.IncidentDeleted, "incident", incidentId);

        await SettleAsync(incident, incident.ComponentIds, cancellationToken);
        return true;
    }

    /// <summary>
    /// The notices of <paramref name="update"/>, stored by the same store call as the update itself, for the subscribers
    /// who chose its event (<see cref="NotificationEventClassifier.Classify(StatusIncidentSeverity, StatusIncidentState)"/>):
    /// the update's message, then the components the incident affects (<see cref="AffectedComponents"/>).
    /// </summary>
    private async Task<IReadOnlyList<Notification>> PlanNoticesAsync(
        StatusPage page, StatusIncident incident, StatusIncidentUpdate update, NotificationKind kind, CancellationToken cancellationToken)
    {
        var subscribers = await SubscribersOfAsync(page, incident, cancellationToken);
        var affected = await AffectedComponents.ReadAsync(_store, page.Id, incident.ComponentIds, subscribers, cancellationToken);
        // The first update subscribers hear of (the incident was posted, and maybe updated, without notifying them)
        // announces the incident as its creation would have: to them it is new.
        var first = !incident.Updates.Any(u => u.Id != update.Id && u.NotifySubscribers);
        // In the page's language; webhooks, which machines read, get the English words.
        NotificationContent ContentIn(NoticeTexts texts)
        {
            var verb = kind switch
            {
                // An incident first told Resolved records a problem that is over: its notice says so, not that one began.
                _ when first && update.State == StatusIncidentState.Resolved => texts.ResolvedIncident,
                _ when first => texts.NewIncident,
                NotificationKind.StatusIncidentResolved => texts.Words.Resolved,
                _ => texts.State(update.State),
            };
            return new NotificationContent
            {
                Kind = kind,
                Subject = $"[{page.Name}] {verb}: {incident.Title}",
                Body = AffectedComponents.Paragraph(affected, texts) is { } paragraph ? $"{update.Message}\n\n{paragraph}" : update.Message,
                PageName = page.Name,
                PageSlug = page.Slug,
                Language = texts.ContentLanguage,
                StatusIncidentId = incident.Id,
                AffectedComponents = affected,
                OccurredAt = update.At,
            };
        }

        var pageTexts = NoticeTexts.For(page.Language);
        var notificationEvent = NotificationEventClassifier.Classify(incident.Severity, update.State);
        return NoticePlanner.Plan(
            subscribers, notificationEvent, incident.ComponentIds, $"incident|{incident.Id:N}|{update.Id:N}", ContentIn(pageTexts), update.At,
            statusIncidentId: incident.Id, webhookContent: pageTexts == NoticeTexts.English ? null : ContentIn(NoticeTexts.English));
    }

    /// <summary>
    /// The notices of a postmortem's publication (<paramref name="incident"/> as it will be stored, one version on), for
    /// the subscribers who chose <see cref="NotificationEvents.Resolved"/>: a postmortem is told after the incident is
    /// over, to those who wanted to hear that it is. One per publication (its deduplication key names the version it
    /// is stored at), so a retried store call adds none. A text published over an earlier one (<paramref name="before"/>
    /// had a postmortem, told or not: it was public) is a correction, whose subject says the postmortem was updated
    /// (<see cref="NotificationContent.PostmortemUpdated"/>); merged into a subscriber's queued notice of the first
    /// publication it is worded as that one (<see cref="NotificationPlanner.Merged"/>).
    /// </summary>
    private async Task<IReadOnlyList<Notification>> PlanPostmortemNoticesAsync(
        StatusIncident before, StatusIncident incident, CancellationToken cancellationToken)
    {
        var updated = before.PostmortemPublishedAt is not null;
        var page = await _store.RequirePageAsync(incident.PageId, cancellationToken);
        var subscribers = await SubscribersOfAsync(page, incident, cancellationToken);
        var affected = await AffectedComponents.ReadAsync(_store, page.Id, incident.ComponentIds, subscribers, cancellationToken);
        NotificationContent ContentIn(NoticeTexts texts) => new()
        {
            Kind = NotificationKind.StatusIncidentPostmortem,
            Subject = PostmortemNotice.Subject(page.Name, incident.Title, updated, texts),
            Body = PostmortemNotice.Body(incident.Postmortem!, affected, texts),
            PostmortemUpdated = updated,
            PageName = page.Name,
            PageSlug = page.Slug,
            Language = texts.ContentLanguage,
            StatusIncidentId = incident.Id,
            AffectedComponents = affected,
            OccurredAt = incident.UpdatedAt,
        };
        var pageTexts = NoticeTexts.For(page.Language);
        return NoticePlanner.Plan(
            subscribers, NotificationEvents.Resolved, incident.ComponentIds, $"postmortem|{incident.Id:N}|{incident.Version + 1}",
            ContentIn(pageTexts),
            incident.UpdatedAt,
            coalesceStem: $"postmortem|{incident.Id:N}",
            statusIncidentId: incident.Id,
            webhookContent: pageTexts == NoticeTexts.English ? null : ContentIn(NoticeTexts.English));
    }

    /// <summary>
    /// Who an incident's notice may go to: the page's subscribers, then the incident's own followers, each read through
    /// its own index (never every subscriber filtered).
    /// </summary>
    private async Task<IReadOnlyList<Subscriber>> SubscribersOfAsync(StatusPage page, StatusIncident incident, CancellationToken cancellationToken)
    {
        var ofPage = await _store.ListSubscribersAsync(page.Id, cancellationToken);
        var ofIncident = await _store.ListStatusIncidentSubscribersAsync(incident.Id, cancellationToken);
        return ofIncident.Count == 0 ? ofPage : [.. ofPage, .. ofIncident];
    }

    private async Task SettleAsync(StatusIncident incident, IReadOnlyList<Guid> componentIds, CancellationToken cancellationToken)
    {
        await _engine.RecomputeComponentsAsync(componentIds, $"status incident '{incident.Title}' ({incident.State})", cancellationToken);
        await _engine.RefreshPageAsync(incident.PageId, cancellationToken);
    }

    /// <summary>The state and message of an update: the request's, else its template's; a state neither gives is refused.</summary>
    private static (StatusIncidentState State, string Text) UpdateFrom(AddStatusIncidentUpdate request, IncidentTemplate? template)
    {
        var state = request.State ?? template?.State
            ?? throw new StatusKitValidationException(
                "state",
                template is null
                    ? "The state is required."
                    : $"The incident template '{template.Id}' gives no state; name the state the update moves the incident to.",
                ValidationCodes.MemberRequired);
        return (Guard.Defined(state, "state"), Guard.IncidentMessage(request.Message ?? template?.Message));
    }

    /// <summary>
    /// The template a create or an update names, which must be one of the incident's page: an unknown one, or one of another page,
    /// is the request's mistake (<see cref="StatusKitValidationException"/> naming <c>templateId</c>), not a missing route.
    /// </summary>
    private async Task<IncidentTemplate> RequireTemplateAsync(Guid templateId, Guid pageId, CancellationToken cancellationToken)
    {
        var template = await _store.GetIncidentTemplateAsync(templateId, cancellationToken);
        if (template is null || template.PageId != pageId)
        {
            throw new StatusKitValidationException(
                "templateId",
                template is null
                    ? $"There is no incident template '{templateId}'; list the page's templates and pick one of them."
                    : $"The incident template '{templateId}' belongs to another page; pick one of this page's templates.");
        }

        return template;
    }

    private async Task<StatusIncident> RequireAsync(Guid incidentId, CancellationToken cancellationToken) =>
        await _store.GetStatusIncidentAsync(incidentId, cancellationToken) ?? throw new StatusKitNotFoundException("status incident", incidentId.ToString(), "incidentId");
}
