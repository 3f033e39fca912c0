using System.Collections.Concurrent;
using StatusKit.Abstractions;
using StatusKit.Services;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// The reader's link of the notices sent in ONE dispatch pass: the status page, or, for a status incident or a
/// maintenance window, its own page while it still exists (a deleted one's page is a 404). Whether it exists is read
/// from the store at most once per incident or window per pass, however many subscribers' rows of the pass name it: a
/// notice to 10,000 subscribers costs one read per pass of <see cref="NotificationOptions.BatchSize"/> rows, not one per
/// subscriber. The notice a window's deletion sends knows its page is gone
/// (<see cref="NotificationContent.MaintenanceWindowDeleted"/>) and reads nothing. Without
/// <c>StatusPagesOptions.PublicBaseAddress</c> there is no link and nothing is read.
/// </summary>
/// <remarks>
/// One instance per pass, so a deletion is seen by the next pass; what a reader opens after the delivery may still have
/// been deleted since, as any link in a message already sent. A failed read is not remembered: the next row reads again.
/// </remarks>
internal sealed class ReaderLinks(IStatusStore store, SubscriberLinks links, DispatchResilience resilience)
{
    private readonly ConcurrentDictionary<(bool IsWindow, Guid Id), Lazy<Task<bool>>> _exists = new();

    /// <summary>The link for the reader of <paramref name="content"/> (not a verification message), or null without a public address.</summary>
    public async Task<Uri?> ForAsync(NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.StatusIncidentId is { } incidentId && links.IncidentUrl(content.PageSlug, incidentId) is { } incidentPage
            && await ExistsAsync((false, incidentId), async ct => await store.GetStatusIncidentAsync(incidentId, ct) is not null, cancellationToken))
        {
            return incidentPage;
        }

        if (content.MaintenanceWindowId is { } windowId && !content.MaintenanceWindowDeleted
            && links.MaintenanceUrl(content.PageSlug, windowId) is { } windowPage
            && await ExistsAsync((true, windowId), async ct => await store.GetMaintenanceWindowAsync(windowId, ct) is not null, cancellationToken))
        {
            return windowPage;
        }

        return links.PageUrl(content.PageSlug);
    }

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
