using System.Collections.Concurrent;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// What the notices of ONE dispatch pass are about: whether each status incident or maintenance window they name still
/// exists (and, for a postmortem notice, still has the postmortem it tells of), and so the reader's link (the status
/// page, or the incident's or window's own page while it exists; a deleted one's page is a 404). Each incident or
/// window is read from the store at most once per pass, however
/// many subscribers' rows of the pass name it: a notice to 10,000 subscribers costs one read per pass of
/// <see cref="NotificationOptions.BatchSize"/> rows, not one per subscriber. The notice a window's deletion sends knows
/// its window is gone (<see cref="NotificationContent.MaintenanceWindowDeleted"/>) and reads nothing.
/// </summary>
/// <remarks>
/// One instance per pass, so a deletion is seen by the next pass; what a reader opens after the delivery may still have
/// been deleted since, as any link in a message already sent. A failed read is not remembered: the next row reads again.
/// </remarks>
internal sealed class NoticeSubjects(IStatusStore store, SubscriberLinks links, DispatchResilience resilience)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<StatusIncident?>>> _incidents = new();
    private readonly ConcurrentDictionary<Guid, Lazy<Task<bool>>> _windows = new();
    private readonly ConcurrentDictionary<Guid, Lazy<Task<string?>>> _domains = new();
    private readonly ConcurrentDictionary<Guid, Lazy<Task<ComponentStatus?>>> _statuses = new();

    /// <summary>
    /// Why <paramref name="content"/> is not worth sending any more because of what became of its subject: its status
    /// incident or maintenance window was deleted, or the postmortem it tells of was removed
    /// (<see cref="SupersedeRules.ForPostmortem"/>); null when it still is, and for every notice whose subject
    /// <see cref="SupersedeRules.NeedsSubjectCheck">needs no check</see> (read nothing).
    /// </summary>
    public async Task<string?> WhyNotSentAsync(NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!SupersedeRules.NeedsSubjectCheck(content))
        {
            return null;
        }

        if (content.StatusIncidentId is { } incidentId)
        {
            return await IncidentAsync(incidentId, cancellationToken) is { } incident
                ? SupersedeRules.ForPostmortem(content, incident)
                : SupersedeRules.ForDeletedSubject(content);
        }

        return content.MaintenanceWindowId is { } windowId && !await WindowExistsAsync(windowId, cancellationToken)
            ? SupersedeRules.ForDeletedSubject(content)
            : null;
    }

    /// <summary>The link for the reader of <paramref name="content"/> (not a verification message), or null without a public address.</summary>
    public async Task<Uri?> LinkAsync(Guid pageId, NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var domain = await CustomDomainAsync(pageId, cancellationToken);
        if (content.StatusIncidentId is { } incidentId && links.IncidentUrl(content.PageSlug, domain, incidentId) is { } incidentPage
            && await IncidentAsync(incidentId, cancellationToken) is not null)
        {
            return incidentPage;
        }

        if (content.MaintenanceWindowId is { } windowId && !content.MaintenanceWindowDeleted
            && links.MaintenanceUrl(content.PageSlug, domain, windowId) is { } windowPage
            && await WindowExistsAsync(windowId, cancellationToken))
        {
            return windowPage;
        }

        return links.PageUrl(content.PageSlug, domain);
    }

    /// <summary>
    /// The page's <see cref="Model.StatusPage.CustomDomain"/> as it is now (null for none, or when the page is gone), read
    /// once per pass: the message's links point there rather than under the public address.
    /// </summary>
    public Task<string?> CustomDomainAsync(Guid pageId, CancellationToken cancellationToken) =>
        ReadOnceAsync(_domains, pageId, async ct => (await store.GetPageAsync(pageId, ct))?.CustomDomain, cancellationToken);

    /// <summary>
    /// The status the component of a component change has now (null for any other notice, or a component gone), read
    /// once per pass however many subscribers' rows name it.
    /// </summary>
    public Task<ComponentStatus?> CurrentStatusAsync(NotificationContent content, CancellationToken cancellationToken) =>
        content is { Kind: NotificationKind.ComponentStatusChanged, ComponentId: { } componentId }
            ? ReadOnceAsync(_statuses, componentId, async ct => (await store.GetComponentAsync(componentId, ct))?.Status, cancellationToken)
            : Task.FromResult<ComponentStatus?>(null);

    private Task<StatusIncident?> IncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        ReadOnceAsync(_incidents, incidentId, ct => store.GetStatusIncidentAsync(incidentId, ct), cancellationToken);

    private Task<bool> WindowExistsAsync(Guid windowId, CancellationToken cancellationToken) =>
        ReadOnceAsync(_windows, windowId, async ct => await store.GetMaintenanceWindowAsync(windowId, ct) is not null, cancellationToken);

    private async Task<T> ReadOnceAsync<T>(
        ConcurrentDictionary<Guid, Lazy<Task<T>>> reads, Guid id, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var lookup = reads.GetOrAdd(id, _ => new Lazy<Task<T>>(() => resilience.Store.ExecuteAsync(async ct => await read(ct), cancellationToken).AsTask()));
        try
        {
            return await lookup.Value;
        }
        catch
        {
            reads.TryRemove(KeyValuePair.Create(id, lookup));
            throw;
        }
    }
}
