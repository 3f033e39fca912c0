using System.Collections.Concurrent;
using StatusKit.Abstractions;
using StatusKit.Services;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// What the notices of ONE dispatch pass are about: whether each status incident or maintenance window they name still
/// exists, and so the reader's link (the status page, or the incident's or window's own page while it exists; a deleted
/// one's page is a 404). Whether it exists is read from the store at most once per incident or window per pass, however
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
    private readonly ConcurrentDictionary<(bool IsWindow, Guid Id), Lazy<Task<bool>>> _exists = new();

    /// <summary>
    /// Whether <paramref name="content"/> is about a status incident or maintenance window that was deleted (false for
    /// every other notice, and for the notice of a window's own deletion, which is sent after it by design).
    /// </summary>
    public async Task<bool> IsDeletedAsync(NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.StatusIncidentId is { } incidentId)
        {
            return !await IncidentExistsAsync(incidentId, cancellationToken);
        }

        return content.MaintenanceWindowId is { } windowId && !content.MaintenanceWindowDeleted
            && !await WindowExistsAsync(windowId, cancellationToken);
    }

    /// <summary>The link for the reader of <paramref name="content"/> (not a verification message), or null without a public address.</summary>
    public async Task<Uri?> LinkAsync(NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.StatusIncidentId is { } incidentId && links.IncidentUrl(content.PageSlug, incidentId) is { } incidentPage
            && await IncidentExistsAsync(incidentId, cancellationToken))
        {
            return incidentPage;
        }

        if (content.MaintenanceWindowId is { } windowId && !content.MaintenanceWindowDeleted
            && links.MaintenanceUrl(content.PageSlug, windowId) is { } windowPage
            && await WindowExistsAsync(windowId, cancellationToken))
        {
            return windowPage;
        }

        return links.PageUrl(content.PageSlug);
    }

    private Task<bool> IncidentExistsAsync(Guid incidentId, CancellationToken cancellationToken) =>
        ExistsAsync((false, incidentId), async ct => await store.GetStatusIncidentAsync(incidentId, ct) is not null, cancellationToken);

    private Task<bool> WindowExistsAsync(Guid windowId, CancellationToken cancellationToken) =>
        ExistsAsync((true, windowId), async ct => await store.GetMaintenanceWindowAsync(windowId, ct) is not null, cancellationToken);

    private async Task<bool> ExistsAsync((bool IsWindow, Guid Id) key, Func<CancellationToken, Task<bool>> read, CancellationToken cancellationToken)
    {
        var lookup = _exists.GetOrAdd(key, _ => new Lazy<Task<bool>>(() => resilience.Store.ExecuteAsync(async ct => await read(ct), cancellationToken).AsTask()));
        try
        {
            return await lookup.Value;
        }
        catch
        {
            _exists.TryRemove(KeyValuePair.Create(key, lookup));
            throw;
        }
    }
}
