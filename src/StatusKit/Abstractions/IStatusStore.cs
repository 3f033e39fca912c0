using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.Abstractions;

/// <summary>
/// The persistence port of StatusKit: pages, components, maintenance windows, public status incidents, subscribers,
/// incident signals, status history and the notification outbox. The one thing a host registers for storage.
/// </summary>
/// <remarks>
/// <para>Contract shared by every implementation (the shared contract test suite checks it):</para>
/// <list type="bullet">
/// <item>Every method is atomic: it either fully happens or leaves the store unchanged.</item>
/// <item><c>Get…</c> returns <see langword="null"/> for a missing id; <c>Delete…</c> returns <see langword="false"/>.</item>
/// <item><c>Update…</c> of a missing aggregate throws <see cref="StatusKitNotFoundException"/>.</item>
/// <item>A uniqueness violation (slug; component name per page; incident template name per page; subscriber per page,
/// channel and destination) throws
/// <see cref="StatusKitConflictException"/> naming the field, and changes nothing.</item>
/// <item>Returned lists are snapshots the caller may keep; mutating the store later does not change them.</item>
/// </list>
/// <para>Optimistic concurrency: pages, components, public status incidents, incident templates, subscribers and
/// maintenance windows carry a
/// <c>Version</c>. <c>Add…</c> stores the record at version 1, whatever version it carries. <c>Update…</c> is a
/// compare-and-set: it writes only when the record carries the stored version, and stores it at the next one; a stale
/// version throws <see cref="StatusKitConcurrencyException"/> (a maintenance window's
/// <see cref="TryUpdateMaintenanceWindowAsync"/> returns null instead) and changes nothing, enqueuing nothing. Every
/// other write that changes a versioned record's stored fields moves its version too: <see cref="DeleteComponentAsync"/>
/// for the incidents, templates, windows and subscribers it edits, <see cref="AppendStatusIncidentUpdateAsync"/>, and
/// <see cref="ReorderComponentsAsync"/> for each component whose order changes and for the page. Three writes deliberately do not:
/// <see cref="CommitStatusAsync"/> (a component's computed status, which no operator edits, so an edit never fails
/// because the engine recomputed meanwhile), <see cref="RecordUpstreamStatusAsync"/> (what a component's upstream page
/// said, for the same reason) and <see cref="TouchPageAsync"/> (the time of the page's latest change,
/// which no operator edits either).</para>
/// </remarks>
public interface IStatusStore
{
    // ---- Pages ---------------------------------------------------------------------------------------------

    /// <summary>The page with <paramref name="pageId"/>, or null.</summary>
    Task<StatusPage?> GetPageAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>The page whose slug is <paramref name="slug"/> (ordinal, case-sensitive), or null.</summary>
    Task<StatusPage?> GetPageBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// The page whose <see cref="StatusPage.CustomDomain"/> is <paramref name="customDomain"/> (ordinal: custom domains
    /// are stored in lowercase), or null.
    /// </summary>
    Task<StatusPage?> GetPageByCustomDomainAsync(string customDomain, CancellationToken cancellationToken);

    /// <summary>Pages ordered by name; only those of <paramref name="teamId"/> when it is not null.</summary>
    Task<IReadOnlyList<StatusPage>> ListPagesAsync(string? teamId, CancellationToken cancellationToken);

    /// <summary>Adds a page at <see cref="StatusPage.Version"/> 1. Throws <see cref="StatusKitConflictException"/> when the slug or the custom domain is taken.</summary>
    Task AddPageAsync(StatusPage page, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces a page's fields only if the stored <see cref="StatusPage.Version"/> equals
    /// <paramref name="page"/>'s, and returns the page as stored, at the next version. <see cref="StatusPage.UpdatedAt"/>
    /// never moves back: it becomes <paramref name="page"/>'s only when that is later than the stored one (which a
    /// <see cref="TouchPageAsync"/>, from another host too, may have moved after the page was read), also when the
    /// touch lands while this update runs. Throws
    /// <see cref="StatusKitNotFoundException"/> when it is missing, <see cref="StatusKitConcurrencyException"/> when its
    /// version is stale (someone else changed it since it was read; reload and retry), and
    /// <see cref="StatusKitConflictException"/> when the new slug or custom domain is taken; each changes nothing.
    /// </summary>
    Task<StatusPage> UpdatePageAsync(StatusPage page, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the page's <see cref="StatusPage.UpdatedAt"/> forward to <paramref name="changedAt"/>, never backwards,
    /// changing nothing else (one conditional write, so it cannot undo a concurrent <see cref="UpdatePageAsync"/>), not
    /// even <see cref="StatusPage.Version"/>: an operator's edit read before it still applies. Returns false when the
    /// page is missing.
    /// </summary>
    /// <remarks>
    /// The services call it for the changes the page's content no longer records afterwards (a deleted incident,
    /// window or component; a new component order), so that the time of the page's latest change still moves.
    /// </remarks>
    Task<bool> TouchPageAsync(Guid pageId, DateTimeOffset changedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a page with everything that belongs to it (components, windows, incidents, incident templates, metrics and their points,
    /// subscribers, history, notifications). Returns false when it was missing. Given <paramref name="expectedVersion"/>, a compare-and-set
    /// like <see cref="UpdatePageAsync"/>: it deletes only a page still at that version, in the delete itself, and a page
    /// at another version throws <see cref="StatusKitConcurrencyException"/> and deletes nothing, so a change made after
    /// the caller read the page is never deleted unseen. The other deletes take an expected version the same way.
    /// </summary>
    Task<bool> DeletePageAsync(Guid pageId, long? expectedVersion, CancellationToken cancellationToken);

    // ---- Components ----------------------------------------------------------------------------------------

    /// <summary>The component with <paramref name="componentId"/>, or null.</summary>
    Task<Component?> GetComponentAsync(Guid componentId, CancellationToken cancellationToken);

    /// <summary>The components of a page in display order (then name).</summary>
    Task<IReadOnlyList<Component>> ListComponentsAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>Adds a component at <see cref="Component.Version"/> 1. Throws when its page is missing or the name is taken on the page.</summary>
    Task AddComponentAsync(Component component, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces a component's descriptive fields (name, description, order, group, team, service,
    /// <see cref="Component.OnlyShowIfDegraded"/>, manual status and its expiry, <see cref="Component.UpstreamUrl"/> and
    /// <see cref="Component.UpstreamComponentId"/>) and its <see cref="Component.UpdatedAt"/> only if the stored
    /// <see cref="Component.Version"/> equals <paramref name="component"/>'s, and returns the component as stored, at the
    /// next version. <see cref="Component.Status"/> and <see cref="Component.StatusUpdatedAt"/> are not touched: only
    /// <see cref="CommitStatusAsync"/> changes them, and it does not move the version. Nor are
    /// <see cref="Component.UpstreamStatus"/> and <see cref="Component.UpstreamReadAt"/> (only
    /// <see cref="RecordUpstreamStatusAsync"/> writes them), except that an update that changes the upstream URL or
    /// component id clears both, as what was read belongs to the upstream followed before. Throws
    /// <see cref="StatusKitNotFoundException"/> when it is missing, <see cref="StatusKitConcurrencyException"/> when its
    /// version is stale and <see cref="StatusKitConflictException"/> when the name is taken; each changes nothing.
    /// </summary>
    Task<Component> UpdateComponentAsync(Component component, CancellationToken cancellationToken);

    /// <summary>
    /// Every component, of any page, that follows an upstream page (<see cref="Component.UpstreamUrl"/> set), in no
    /// particular order: what the upstream poller reads on each pass.
    /// </summary>
    Task<IReadOnlyList<Component>> ListUpstreamComponentsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: records the status read from a component's upstream page and when it was read
    /// (<see cref="Component.UpstreamStatus"/>, <see cref="Component.UpstreamReadAt"/>) only if the component is still
    /// at <paramref name="expectedVersion"/> (its upstream is the one that was read) and its stored
    /// <see cref="Component.UpstreamReadAt"/> still equals <paramref name="expectedReadAt"/> (no other host recorded a
    /// read since). True when it wrote; false, changing nothing, when the component is missing or either no longer
    /// matches ("someone else already did it", not an error). Like <see cref="CommitStatusAsync"/> it moves neither the
    /// <see cref="Component.Version"/> nor <see cref="Component.UpdatedAt"/>, so an operator's edit never fails because
    /// the upstream was read; <see cref="Component.Status"/> is left to the engine's recompute.
    /// </summary>
    Task<bool> RecordUpstreamStatusAsync(
        Guid componentId, long expectedVersion, DateTimeOffset? expectedReadAt, ComponentStatus status, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a component with its history, and takes its id out of every record of its page that names it, in the
    /// same atomic change. Returns false when it was missing. An expected version (see <see cref="DeletePageAsync"/>)
    /// that is stale throws before any of it changes.
    /// </summary>
    /// <remarks>
    /// <para>No record keeps a deleted component's id, so a client can send back the component list it reads:</para>
    /// <list type="bullet">
    /// <item>Public status incidents, incident templates and maintenance windows keep the other ids, in order. One that
    /// named only this component stays, naming none (shown without components, like one created without).</item>
    /// <item>Every incident, template, window and subscriber that changes gets its next version, so an update computed
    /// from it before loses its compare-and-set (<see cref="UpdateStatusIncidentAsync(StatusIncident, CancellationToken)"/>,
    /// <see cref="UpdateIncidentTemplateAsync"/>, <see cref="UpdateSubscriberAsync"/>,
    /// <see cref="TryUpdateMaintenanceWindowAsync"/>) rather than writing the id back.</item>
    /// <item>Subscribers keep the other ids. A subscriber that followed only this component is deactivated
    /// (<see cref="Subscriber.IsActive"/> false, an empty list, and, when it was active,
    /// <see cref="Subscriber.DeactivationReason"/> <see cref="SubscriberDeactivationReason.ComponentsDeleted"/>; one
    /// already inactive keeps its reason): an empty list follows every component, and someone who chose one component
    /// must not start hearing about all of them. Subscribing the same destination again starts
    /// over with the components it then chooses.</item>
    /// </list>
    /// </remarks>
    Task<bool> DeleteComponentAsync(Guid componentId, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the display order of every component of a page at once: <paramref name="orderedComponentIds"/> must list
    /// each of the page's components exactly once, else <see cref="StatusKitValidationException"/> and no change. Each
    /// component whose order changes moves to its next <see cref="Component.Version"/>, and so does the page's
    /// <see cref="StatusPage.Version"/> (the order is the page's), once, when any order changes. Given
    /// <paramref name="expectedPageVersion"/>, a compare-and-set on the page: the page must be at that version, else
    /// <see cref="StatusKitConcurrencyException"/> and no change, so a reorder computed from an order read before
    /// another one does not undo it. Returns the page's version as this reorder left it (moved or not), read in the same
    /// atomic change: what a caller hands on as the page's entity tag without reading the page again, which another
    /// write could have moved meanwhile.
    /// </summary>
    Task<long> ReorderComponentsAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, long? expectedPageVersion, CancellationToken cancellationToken);

    // ---- Page content --------------------------------------------------------------------------------------

    /// <summary>
    /// Loads what a page's snapshot shows, or null when the page is missing: the page, its components, its unresolved
    /// status incidents newest first (at most <paramref name="maxUnresolvedIncidents"/>, at least 1) and its open
    /// (Scheduled or InProgress) maintenance windows, each as the corresponding <c>List…</c> method returns them, and the
    /// latest change time of any of its incidents and of any of its windows (<see cref="PageContent.LatestIncidentChange"/>,
    /// <see cref="PageContent.LatestMaintenanceChange"/>; ended ones included, without loading them).
    /// </summary>
    /// <remarks>
    /// The engine rebuilds a page's snapshot with this after every change on the page, so a store should answer in one
    /// round trip (the EF Core store sends one command) and from one consistent state.
    /// </remarks>
    Task<PageContent?> LoadPageContentAsync(Guid pageId, int maxUnresolvedIncidents, CancellationToken cancellationToken);

    // ---- Status computation -------------------------------------------------------------------------------

    /// <summary>Loads everything needed to compute the statuses of the components in <paramref name="scope"/>.</summary>
    /// <remarks>
    /// Every recompute calls this, so a store should answer in one round trip and from one consistent state. The ended
    /// windows (<see cref="StatusInputs.EndedWindows"/>) matter only while a component in scope is Under Maintenance: a
    /// store finds none cheaply otherwise (the EF Core store seeks a (page, status switch time) index).
    /// </remarks>
    Task<StatusInputs> LoadStatusInputsAsync(StatusScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically applies a recompute: sets each component's status and status time, appends one history row per
    /// change, and enqueues the notifications (with the rules of <see cref="EnqueueNotificationsAsync"/>).
    /// Compare-and-set: when any component no longer has the change's <see cref="ComponentStatusChange.OldStatus"/>
    /// (or was deleted), nothing is written and the result is false; the caller reloads and recomputes.
    /// <see cref="Component.Version"/> does not move: the computed status is not an operator's field, and an edit read
    /// before a recompute must not fail because of it.
    /// </summary>
    Task<bool> CommitStatusAsync(StatusCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Status history of a page's components: every entry at or after <paramref name="since"/>, plus, per component,
    /// the latest entry before it (so the status at <paramref name="since"/> is known). Ordered by time; entries of one
    /// commit stamped with the same instant are in commit order.
    /// </summary>
    Task<IReadOnlyList<StatusHistoryEntry>> ListStatusHistoryAsync(Guid pageId, DateTimeOffset since, CancellationToken cancellationToken);

    // ---- Incident signals ----------------------------------------------------------------------------------

    /// <summary>
    /// Stores the latest state of a platform incident, keyed by <see cref="IncidentSignal.IncidentId"/>: applied when
    /// its version is newer than the stored one, otherwise a duplicate or stale no-op. Compare-and-set, so concurrent
    /// writers never let an older version win, and an applied signal returns the very signal it replaced (of all the
    /// signals applied to one incident, each names the one applied just before it). A signal with the stored version is
    /// a duplicate whatever it carries, and returns the stored signal (<see cref="SignalApplyOutcome.Stored"/>, read in
    /// the same call) so the intake can tell a re-send from a change under a reused version.
    /// </summary>
    Task<SignalApplyOutcome> ApplySignalAsync(IncidentSignal signal, CancellationToken cancellationToken);

    /// <summary>The stored signal of a platform incident, or null.</summary>
    Task<IncidentSignal?> GetSignalAsync(string incidentId, CancellationToken cancellationToken);

    // ---- Maintenance windows -------------------------------------------------------------------------------

    /// <summary>The window with <paramref name="windowId"/>, or null.</summary>
    Task<MaintenanceWindow?> GetMaintenanceWindowAsync(Guid windowId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's windows, only those in <see cref="MaintenanceWindowQuery.State"/> when it is given, the latest first: by
    /// occurrence start (the current, next or last occurrence's) descending, then by id descending, so that pages read
    /// one after another with <see cref="MaintenanceWindowQuery.Skip"/> and <see cref="MaintenanceWindowQuery.Take"/>
    /// neither repeat nor miss a window; at most <c>Take</c> after skipping <c>Skip</c>. A store reads only what it
    /// returns (a limit in the query), however many windows the page had over the years. Throws
    /// <see cref="ArgumentOutOfRangeException"/> when <c>Skip</c> is negative or <c>Take</c> below 1.
    /// </summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceWindowsAsync(Guid pageId, MaintenanceWindowQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// A page's open windows, Scheduled and InProgress (not Completed or Cancelled ones), ordered by occurrence start,
    /// then by id: what the page's maintenance effects and its calendar feed read. However many windows the page closed
    /// over the years, a store reads only its open ones.
    /// </summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's Completed windows (not Scheduled, InProgress or Cancelled ones), the latest first: by occurrence start (a
    /// recurring window's is its last occurrence's) descending, then by id descending, so that pages read one after
    /// another with <paramref name="skip"/> and <paramref name="take"/> neither repeat nor miss a window; at most
    /// <paramref name="take"/> after skipping <paramref name="skip"/>. A store reads only what it returns (a limit in the
    /// query), however many windows the page completed over the years. Throws <see cref="ArgumentOutOfRangeException"/>
    /// when <paramref name="skip"/> is negative or <paramref name="take"/> below 1.
    /// </summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListCompletedMaintenanceWindowsAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every Scheduled or InProgress window of every page (what a scheduler watches), ordered by occurrence start.</summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds a window (stored with <see cref="MaintenanceWindow.Version"/> 1), enqueuing <paramref name="notifications"/>
    /// (the notice that it is scheduled; with the rules of <see cref="EnqueueNotificationsAsync"/>) in the same atomic
    /// step, so the window and its notices are stored together or not at all. Throws when its page is missing, and
    /// <see cref="StatusKitConflictException"/> when its id is taken (an import of the same Statuspage maintenance that
    /// won a race, <see cref="Services.MaintenanceImportService"/>); either way it enqueues nothing.
    /// </summary>
    Task<MaintenanceWindow> AddMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces the window (every field, <see cref="MaintenanceWindow.ReminderSentFor"/> and
    /// <see cref="MaintenanceWindow.AnnouncedFor"/> included) only if the stored <see cref="MaintenanceWindow.Version"/>
    /// equals <paramref name="window"/>'s, and stores it with the version incremented, enqueuing
    /// <paramref name="notifications"/> (a transition's notice, or the rescheduled notice of an operator's move; with the
    /// rules of <see cref="EnqueueNotificationsAsync"/>) in the same atomic step, so a change, its notices and the marks
    /// that record them are stored together or not at all. Returns the stored window, or null when the version did not match (someone
    /// else changed it first; nothing is enqueued). Throws when the window is missing.
    /// </summary>
    Task<MaintenanceWindow?> TryUpdateMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a window (an expected version: see <see cref="DeletePageAsync"/>), enqueuing <paramref name="notifications"/>
    /// (the notice that a window in progress ended, or that a Scheduled one its subscribers know of is cancelled; with the
    /// rules of <see cref="EnqueueNotificationsAsync"/>) in the same atomic step, so the delete and its notices are stored
    /// together or not at all. Returns false when it was missing; a missing window or a stale version enqueues nothing.
    /// </summary>
    Task<bool> DeleteMaintenanceWindowAsync(
        Guid windowId, long? expectedVersion, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    // ---- Public status incidents ---------------------------------------------------------------------------

    /// <summary>The incident with <paramref name="incidentId"/> (with its updates), or null.</summary>
    Task<StatusIncident?> GetStatusIncidentAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's incidents, newest first (creation time, then id, both descending), filtered by every filter
    /// <paramref name="query"/> sets (all must hold: state, unresolved, <see cref="StatusIncidentQuery.CreatedSince"/>,
    /// <see cref="StatusIncidentQuery.NotResolvedBefore"/>) and paged by its skip and take. A backfilled incident is
    /// created with a <see cref="StatusIncident.CreatedAt"/> in the past: keep it as given and order by it.
    /// </summary>
    Task<IReadOnlyList<StatusIncident>> ListStatusIncidentsAsync(Guid pageId, StatusIncidentQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an incident (at <see cref="StatusIncident.Version"/> 1) with its initial updates, enqueuing <paramref name="notifications"/> (with the rules of
    /// <see cref="EnqueueNotificationsAsync"/>) in the same atomic step. Throws when its page is missing, and
    /// <see cref="StatusKitConflictException"/> when its id is taken (an import of the same Statuspage incident that
    /// won a race, <see cref="Services.IncidentImportService"/>); either way it enqueues nothing.
    /// </summary>
    Task AddStatusIncidentAsync(StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces an incident's descriptive fields (title, message, severity, components, platform
    /// incident id), its postmortem (<see cref="StatusIncident.Postmortem"/> and
    /// <see cref="StatusIncident.PostmortemPublishedAt"/>, null clearing them) and its <see cref="StatusIncident.UpdatedAt"/> only if the stored <see cref="StatusIncident.Version"/>
    /// equals <paramref name="incident"/>'s, and returns the incident as stored (with its updates), at the next version.
    /// Its updates, state and resolution are not touched: they change only by <see cref="AppendStatusIncidentUpdateAsync"/>.
    /// Throws <see cref="StatusKitNotFoundException"/> when it is missing and <see cref="StatusKitConcurrencyException"/>
    /// when its version is stale; each changes nothing.
    /// </summary>
    Task<StatusIncident> UpdateStatusIncidentAsync(StatusIncident incident, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="UpdateStatusIncidentAsync(StatusIncident, CancellationToken)"/>, enqueuing <paramref name="notifications"/>
    /// (with the rules of <see cref="EnqueueNotificationsAsync"/>) in the same atomic step: a stale version or a missing
    /// incident enqueues nothing, and a stored change has its notices stored with it (a crash cannot keep one without the
    /// other). Used to publish a postmortem with a notice to subscribers.
    /// </summary>
    Task<StatusIncident> UpdateStatusIncidentAsync(
        StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an update to the timeline (never rewriting earlier ones) and moves the incident to the update's state:
    /// <c>UpdatedAt</c> becomes the update's time, <c>ResolvedAt</c> is set when it resolves and cleared when it
    /// reopens; <see cref="StatusIncident.Version"/> moves to the next one. Enqueues <paramref name="notifications"/> in
    /// the same atomic step. Returns the incident as stored.
    /// </summary>
    Task<StatusIncident> AppendStatusIncidentUpdateAsync(
        Guid incidentId, StatusIncidentUpdate update, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an incident (an expected version: see <see cref="DeletePageAsync"/>). Returns false when it was missing.
    /// In the same atomic step its followers (<see cref="Subscriber.StatusIncidentId"/>) are deactivated, their version
    /// moving on: one that was active gets <see cref="SubscriberDeactivationReason.IncidentDeleted"/>, one already
    /// inactive keeps its reason. They keep the incident's id.
    /// </summary>
    Task<bool> DeleteStatusIncidentAsync(Guid incidentId, long? expectedVersion, CancellationToken cancellationToken);

    // ---- Incident templates --------------------------------------------------------------------------------

    /// <summary>The incident template with <paramref name="templateId"/>, or null.</summary>
    Task<IncidentTemplate?> GetIncidentTemplateAsync(Guid templateId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's incident templates ordered by name ignoring case (their invariant upper-case forms compared ordinally,
    /// as the uniqueness compares them).
    /// </summary>
    Task<IReadOnlyList<IncidentTemplate>> ListIncidentTemplatesAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a template at <see cref="IncidentTemplate.Version"/> 1. Throws <see cref="StatusKitNotFoundException"/>
    /// when its page is missing and <see cref="StatusKitConflictException"/> naming <c>name</c> when the page already
    /// has a template of that name (ignoring case), or <c>id</c> when its id is taken; each changes nothing.
    /// </summary>
    Task AddIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces a template's name, title, message, severity, components and
    /// <see cref="IncidentTemplate.UpdatedAt"/> only if the stored <see cref="IncidentTemplate.Version"/> equals
    /// <paramref name="template"/>'s, and returns the template as stored, at the next version (its page and creation
    /// time are kept). Throws <see cref="StatusKitNotFoundException"/> when it is missing,
    /// <see cref="StatusKitConcurrencyException"/> when its version is stale and <see cref="StatusKitConflictException"/>
    /// when the name is taken; each changes nothing.
    /// </summary>
    Task<IncidentTemplate> UpdateIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken);

    /// <summary>Deletes a template (an expected version: see <see cref="DeletePageAsync"/>). Returns false when it was missing.</summary>
    Task<bool> DeleteIncidentTemplateAsync(Guid templateId, long? expectedVersion, CancellationToken cancellationToken);

    // ---- Page metrics (system metrics shown on a page) ------------------------------------------------------

    /// <summary>The page metric with <paramref name="metricId"/>, or null.</summary>
    Task<PageMetric?> GetPageMetricAsync(Guid metricId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's metrics ordered by <see cref="PageMetric.DisplayOrder"/>, then by name ignoring case (their invariant
    /// upper-case forms compared ordinally), then by id.
    /// </summary>
    Task<IReadOnlyList<PageMetric>> ListPageMetricsAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a metric at <see cref="PageMetric.Version"/> 1. Throws <see cref="StatusKitNotFoundException"/> when its page
    /// is missing and <see cref="StatusKitConflictException"/> naming <c>name</c> when the page already has a metric of
    /// that name (ignoring case), or <c>id</c> when its id is taken; each changes nothing.
    /// </summary>
    Task AddPageMetricAsync(PageMetric metric, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces a metric's name, suffix, description, display order, decimals, visibility and
    /// <see cref="PageMetric.UpdatedAt"/> only if the stored <see cref="PageMetric.Version"/> equals
    /// <paramref name="metric"/>'s, and returns the metric as stored, at the next version (its page and creation time are
    /// kept). Throws <see cref="StatusKitNotFoundException"/> when it is missing, <see cref="StatusKitConcurrencyException"/>
    /// when its version is stale and <see cref="StatusKitConflictException"/> when the name is taken; each changes nothing.
    /// </summary>
    Task<PageMetric> UpdatePageMetricAsync(PageMetric metric, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a metric with all its points (an expected version: see <see cref="DeletePageAsync"/>). Returns false when
    /// it was missing. Deleting a page deletes its metrics and their points.
    /// </summary>
    Task<bool> DeletePageMetricAsync(Guid metricId, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Adds data points to a metric, atomically: a point at an instant the metric already has a point at replaces its
    /// value (so a retried submit is harmless), and of several points at one instant in the batch the last wins. Instants
    /// are kept to the microsecond. Throws <see cref="StatusKitNotFoundException"/> naming <c>metricId</c> when the
    /// metric is missing. The metric's version does not change.
    /// </summary>
    Task AddMetricPointsAsync(Guid metricId, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken);

    /// <summary>
    /// A metric's points at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first: at most
    /// <paramref name="take"/>, the newest of them when there are more. Empty when the metric is missing. A store should
    /// seek a (metric, instant) index rather than read the metric's every point.
    /// </summary>
    Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(Guid metricId, DateTimeOffset from, DateTimeOffset to, int take, CancellationToken cancellationToken);

    /// <summary>Deletes, of every metric, the points before <paramref name="before"/>, and returns how many.</summary>
    Task<int> DeleteMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    // ---- Subscribers ---------------------------------------------------------------------------------------

    /// <summary>The subscriber with <paramref name="subscriberId"/>, or null.</summary>
    Task<Subscriber?> GetSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken);

    /// <summary>The subscriber whose verification token hash is <paramref name="tokenHash"/>, or null.</summary>
    Task<Subscriber?> FindSubscriberByVerifyTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>The subscriber whose unsubscribe token hash is <paramref name="tokenHash"/>, or null.</summary>
    Task<Subscriber?> FindSubscriberByUnsubscribeTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// The subscriber that follows the page <paramref name="pageId"/> (not one of its incidents:
    /// <see cref="Subscriber.StatusIncidentId"/> null) on <paramref name="channel"/> whose destination is
    /// <paramref name="destination"/> as the (page, channel, destination) uniqueness compares it (an email address
    /// ignoring case, a URL ordinally), or null: what a subscription checks before it stores one, found through that
    /// unique key rather than among every subscriber of the page.
    /// </summary>
    Task<Subscriber?> FindSubscriberByDestinationAsync(Guid pageId, SubscriberChannel channel, string destination, CancellationToken cancellationToken);

    /// <summary>
    /// Every subscriber that follows the page (<see cref="Subscriber.StatusIncidentId"/> null) ordered by creation, then
    /// by id: what a notice of the page fans out to. The followers of one of its incidents are read only for that
    /// incident's notices (<see cref="ListStatusIncidentSubscribersAsync"/>). A list for people to read (the admin
    /// API's, which has both) reads one page of them at a time with
    /// <see cref="ListSubscribersAsync(Guid, int, int, CancellationToken)"/> instead.
    /// </summary>
    Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>
    /// Every subscriber that follows the status incident <paramref name="incidentId"/>
    /// (<see cref="Subscriber.StatusIncidentId"/>), active or not, ordered by creation, then by id: what the incident's
    /// notices fan out to besides the page's subscribers. A store reads only these rows (the EF Core store seeks an
    /// index that leads with the incident), however many subscribers the page has.
    /// </summary>
    Task<IReadOnlyList<Subscriber>> ListStatusIncidentSubscribersAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// A page's subscribers, those that follow one of its incidents too, the newest first: by creation time descending, then by id descending, so that pages read
    /// one after another with <paramref name="skip"/> and <paramref name="take"/> neither repeat nor miss a subscriber;
    /// at most <paramref name="take"/> after skipping <paramref name="skip"/>. A store reads only what it returns (a
    /// limit in the query), however many subscribers the page has. Throws <see cref="ArgumentOutOfRangeException"/>
    /// when <paramref name="skip"/> is negative or <paramref name="take"/> below 1.
    /// </summary>
    Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a subscriber (at <see cref="Subscriber.Version"/> 1), enqueuing <paramref name="notifications"/> (its verification message, say; with the rules of
    /// <see cref="EnqueueNotificationsAsync"/>) in the same atomic step. Throws when its page is missing or (page,
    /// channel, destination) is taken among the page's followers (for one that follows an incident, (incident, channel,
    /// destination) among that incident's), and then enqueues nothing.
    /// </summary>
    Task AddSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a batch of new subscribers (each at <see cref="Subscriber.Version"/> 1) in one atomic step, with
    /// <paramref name="notifications"/> (their verification messages, say; with the rules of
    /// <see cref="EnqueueNotificationsAsync"/>), and reports which it refused: a subscriber whose destination is taken,
    /// by the uniqueness rules of <see cref="AddSubscriberAsync"/> ((page, channel, destination) among the page's
    /// followers, (incident, channel, destination) among one incident's; an email address ignoring case, a URL
    /// ordinally), by a stored subscriber or by an earlier one of the batch, is not added, and a notification whose
    /// <see cref="Notification.SubscriberId"/> is a refused subscriber's is not enqueued; the others are added all the
    /// same. What is refused is what the store saw when it wrote, so of two batches that race for one destination,
    /// exactly one adds it. An empty batch does nothing.
    /// </summary>
    /// <remarks>
    /// Throws, adding and enqueuing nothing: <see cref="StatusKitNotFoundException"/> when a subscriber's page is missing
    /// (a page deleted while an import runs ends the import there; what earlier batches added went with the page), and
    /// <see cref="StatusKitConflictException"/> naming <c>id</c> when a subscriber's id is stored already or repeated in the batch.
    /// A store keeps the round-trips of one call independent of the size of the page (the EF Core store: one
    /// transaction, one query of the taken destinations per page, one <c>SaveChanges</c>).
    /// </remarks>
    Task<SubscriberBatchOutcome> AddSubscribersAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces a subscriber's fields only if the stored <see cref="Subscriber.Version"/> equals
    /// <paramref name="subscriber"/>'s, enqueuing <paramref name="notifications"/> in the same atomic step, and returns
    /// the subscriber as stored, at the next version. Throws <see cref="StatusKitNotFoundException"/> when it is missing,
    /// <see cref="StatusKitConcurrencyException"/> when its version is stale and <see cref="StatusKitConflictException"/>
    /// when the destination is taken; each changes nothing and enqueues nothing. The stored page and
    /// <see cref="Subscriber.StatusIncidentId"/> are kept.
    /// </summary>
    Task<Subscriber> UpdateSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a subscriber (its notifications are kept; an expected version: see <see cref="DeletePageAsync"/>).
    /// Returns false when it was missing.
    /// </summary>
    Task<bool> DeleteSubscriberAsync(Guid subscriberId, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes, on every page, the subscribers that never confirmed (<see cref="Subscriber.IsVerified"/> false) and whose
    /// verification token was issued before <paramref name="issuedBefore"/> (<see cref="Subscriber.VerifyTokenIssuedAt"/>,
    /// or <see cref="Subscriber.CreatedAt"/> when that is null), and returns how many. Each row's condition holds when it
    /// is deleted, so one confirmed or given a fresh token meanwhile is kept. Their notifications are kept, as with
    /// <see cref="DeleteSubscriberAsync"/>.
    /// </summary>
    Task<int> DeleteUnverifiedSubscribersAsync(DateTimeOffset issuedBefore, CancellationToken cancellationToken);

    // ---- Audit log -----------------------------------------------------------------------------------------

    /// <summary>
    /// Adds an audit entry (<see cref="AuditEntry"/>). Entries are not tied to their page: they stay when the page is
    /// deleted, until <see cref="DeleteAuditEntriesAsync"/> prunes them. Throws <see cref="StatusKitConflictException"/>
    /// naming <c>id</c> when the id is taken.
    /// </summary>
    Task AddAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// A page's audit entries newest first, by <see cref="AuditEntry.OccurredAt"/> then <see cref="AuditEntry.Id"/>
    /// (both descending; ids compared as the RFC 9562 byte order, which is <see cref="Guid.CompareTo(Guid)"/>'s): at most
    /// <see cref="AuditLogQuery.Take"/>, only those after <see cref="AuditLogQuery.After"/> in that order, whose action
    /// starts with <see cref="AuditLogQuery.ActionPrefix"/> (ordinal) and whose target is <see cref="AuditLogQuery.TargetId"/>
    /// when given. A store should seek a (page, occurrence time, id) index rather than read the page's whole log.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(Guid pageId, AuditLogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes, on every page (deleted pages included), the audit entries that occurred before <paramref name="occurredBefore"/>, and returns how many.</summary>
    Task<int> DeleteAuditEntriesAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken);

    // ---- Notification outbox -------------------------------------------------------------------------------

    /// <summary>
    /// Enqueues notifications atomically. A notification whose <see cref="Notification.DeduplicationKey"/> is already
    /// stored is skipped. One with a <see cref="Notification.CoalesceKey"/> for which a Pending, unleased row exists
    /// is merged into that row instead of inserted: the row takes the new content (a component change keeps the row's
    /// old status, which the subscriber last heard of, and its body says so; a postmortem's correction merged into the
    /// notice of its first publication keeps that notice's wording) and deduplication key, keeps its
    /// id, creation time and <see cref="Notification.NotAfter"/>, and its due time becomes the earlier of the new due
    /// time and its <see cref="Notification.NotAfter"/>. <see cref="OutboxStaging"/> applies these rules. Returns how
    /// many rows were inserted or merged.
    /// </summary>
    Task<int> EnqueueNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);

    /// <summary>
    /// Re-times held-back notifications: every Pending, unleased row whose <see cref="Notification.CoalesceKey"/> is one of
    /// <paramref name="coalesceKeys"/> and whose <see cref="Notification.DueAt"/> is exactly <paramref name="heldUntil"/>
    /// is timed as a notice created with that due time would be: it becomes due at the later of <paramref name="dueAt"/>
    /// and its latest change plus <paramref name="debounce"/>, and its <see cref="Notification.NotAfter"/>, when set,
    /// becomes the later of its new due time and its <see cref="Notification.CreatedAt"/> plus <paramref name="maxDelay"/>
    /// (null stays null), as the planner sets it (<see cref="NotificationOptions.MaxDebounceDelay"/>). Its latest change
    /// is the later of its <see cref="Notification.CreatedAt"/> and its content's
    /// <see cref="NotificationContent.OccurredAt"/>, which a merge moves on: a row moved earlier is never sent before the
    /// debounce its last change would have had without the hold, and a change merged into it afterwards is not pushed
    /// back past the deadline of the new time. Nothing else of the row changes, and no other row. Returns how many rows
    /// moved. This is how a component change held back until a maintenance window's end follows the window when its
    /// end moves or it ends early (<see cref="NotificationOptions.SuppressIncidentNotificationsDuringMaintenance"/>).
    /// <paramref name="coalesceKeys"/> holds one key per subscriber of the page and component of the window, so tens of
    /// thousands on a large page: take them as one list, not as one query parameter each.
    /// </summary>
    /// <param name="coalesceKeys">The keys whose held rows move.</param>
    /// <param name="heldUntil">The due time the rows are held until.</param>
    /// <param name="dueAt">Their new due time.</param>
    /// <param name="debounce">The least time after its latest change a row becomes due (<see cref="NotificationOptions.DebounceWindow"/>).</param>
    /// <param name="maxDelay">The longest a row is held after its creation besides the hold (<see cref="NotificationOptions.MaxDebounceDelay"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<int> RescheduleHeldNotificationsAsync(
        IReadOnlyCollection<string> coalesceKeys,
        DateTimeOffset heldUntil,
        DateTimeOffset dueAt,
        TimeSpan debounce,
        TimeSpan maxDelay,
        CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> Pending rows due at or before <paramref name="now"/> whose lease is
    /// absent or expired, oldest due first, setting their lease to <paramref name="leaseOwner"/> until
    /// <paramref name="leaseExpiresAt"/>. Two concurrent callers never claim the same row. No row is claimed for a
    /// subscriber that has a row under another owner's live lease (Pending, leased until after <paramref name="now"/>):
    /// one subscriber's rows are held by one lease owner at a time, which is what keeps
    /// <see cref="NotificationOptions.MaxNotificationsPerHour"/> exact when several dispatchers share the store.
    /// </summary>
    Task<IReadOnlyList<Notification>> ClaimNotificationsAsync(
        string leaseOwner,
        DateTimeOffset now,
        DateTimeOffset leaseExpiresAt,
        int maxCount,
        CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt's outcome and clears the lease, only if <see cref="NotificationOutcome.LeaseOwner"/> still
    /// holds the lease. Returns false (and changes nothing) otherwise.
    /// </summary>
    Task<bool> CompleteNotificationAsync(NotificationOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Gives a claimed row back unchanged (graceful shutdown). Returns false when the caller no longer held it.</summary>
    Task<bool> ReleaseNotificationAsync(Guid notificationId, string leaseOwner, CancellationToken cancellationToken);

    /// <summary>The notification with <paramref name="notificationId"/>, or null.</summary>
    Task<Notification?> GetNotificationAsync(Guid notificationId, CancellationToken cancellationToken);

    /// <summary>Outbox rows, newest first, filtered by <paramref name="query"/> (dead letters are listed this way).</summary>
    Task<IReadOnlyList<Notification>> ListNotificationsAsync(NotificationQuery query, CancellationToken cancellationToken);

    /// <summary>The most recent Delivered row with <paramref name="coalesceKey"/>, or null (used for flap suppression).</summary>
    Task<Notification?> GetLastDeliveredNotificationAsync(string coalesceKey, CancellationToken cancellationToken);

    /// <summary>How many rows for <paramref name="subscriberId"/> were delivered at or after <paramref name="since"/> (storm control).</summary>
    Task<int> CountDeliveredNotificationsAsync(Guid subscriberId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// How many outbox rows are <see cref="NotificationState.Pending"/>, on every page: due or not yet due (held back,
    /// waiting for a retry or deferred by the hourly cap), leased by a dispatcher or not. Delivered, dead-lettered and
    /// superseded rows are not counted. The dispatcher asks now and then for the <c>statuskit.notifications.pending</c>
    /// gauge (docs/metrics.md); a relational store answers it from its index on the row's state.
    /// </summary>
    Task<int> CountPendingNotificationsAsync(CancellationToken cancellationToken);
}
