using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// An <see cref="IStatusStore"/> decorator that makes <see cref="TryUpdateMaintenanceWindowAsync"/> throw a number of
/// times (for every window, or only for the windows a filter picks) before letting calls through, to test retries.
/// Everything else goes straight to the inner store.
/// </summary>
public sealed class ChaosStatusStore(IStatusStore inner) : IStatusStore
{
    private readonly object _gate = new();
    private int _remainingFailures;
    private Func<MaintenanceWindow, bool> _filter = static _ => true;

    /// <summary>The store calls go to.</summary>
    public IStatusStore Inner => inner;

    /// <summary>How many TryUpdateMaintenanceWindowAsync calls threw so far.</summary>
    public int FailuresThrown { get; private set; }

    /// <summary>Makes the next <paramref name="times"/> matching maintenance-window updates throw (int.MaxValue: always).</summary>
    public void FailMaintenanceWindowUpdates(int times, Func<MaintenanceWindow, bool>? filter = null)
    {
        lock (_gate)
        {
            _remainingFailures = times;
            _filter = filter ?? (static _ => true);
        }
    }

    private bool ShouldFail(MaintenanceWindow window)
    {
        lock (_gate)
        {
            if (_remainingFailures <= 0 || !_filter(window))
            {
                return false;
            }

            if (_remainingFailures != int.MaxValue)
            {
                _remainingFailures--;
            }

            FailuresThrown++;
            return true;
        }
    }

    public Task<StatusPage?> GetPageAsync(Guid pageId, CancellationToken cancellationToken) =>
        inner.GetPageAsync(pageId, cancellationToken);

    public Task<StatusPage?> GetPageBySlugAsync(string slug, CancellationToken cancellationToken) =>
        inner.GetPageBySlugAsync(slug, cancellationToken);

    public Task<IReadOnlyList<StatusPage>> ListPagesAsync(string? teamId, CancellationToken cancellationToken) =>
        inner.ListPagesAsync(teamId, cancellationToken);

    public Task AddPageAsync(StatusPage page, CancellationToken cancellationToken) =>
        inner.AddPageAsync(page, cancellationToken);

    public Task UpdatePageAsync(StatusPage page, CancellationToken cancellationToken) =>
        inner.UpdatePageAsync(page, cancellationToken);

    public Task<bool> DeletePageAsync(Guid pageId, CancellationToken cancellationToken) =>
        inner.DeletePageAsync(pageId, cancellationToken);

    public Task<Component?> GetComponentAsync(Guid componentId, CancellationToken cancellationToken) =>
        inner.GetComponentAsync(componentId, cancellationToken);

    public Task<IReadOnlyList<Component>> ListComponentsAsync(Guid pageId, CancellationToken cancellationToken) =>
        inner.ListComponentsAsync(pageId, cancellationToken);

    public Task AddComponentAsync(Component component, CancellationToken cancellationToken) =>
        inner.AddComponentAsync(component, cancellationToken);

    public Task UpdateComponentAsync(Component component, CancellationToken cancellationToken) =>
        inner.UpdateComponentAsync(component, cancellationToken);

    public Task<bool> DeleteComponentAsync(Guid componentId, CancellationToken cancellationToken) =>
        inner.DeleteComponentAsync(componentId, cancellationToken);

    public Task ReorderComponentsAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, CancellationToken cancellationToken) =>
        inner.ReorderComponentsAsync(pageId, orderedComponentIds, cancellationToken);

    public Task<StatusInputs> LoadStatusInputsAsync(StatusScope scope, CancellationToken cancellationToken) =>
        inner.LoadStatusInputsAsync(scope, cancellationToken);

    public Task<bool> CommitStatusAsync(StatusCommit commit, CancellationToken cancellationToken) =>
        inner.CommitStatusAsync(commit, cancellationToken);

    public Task<IReadOnlyList<StatusHistoryEntry>> ListStatusHistoryAsync(Guid pageId, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.ListStatusHistoryAsync(pageId, since, cancellationToken);

    public Task<SignalApplyResult> ApplySignalAsync(IncidentSignal signal, CancellationToken cancellationToken) =>
        inner.ApplySignalAsync(signal, cancellationToken);

    public Task<IncidentSignal?> GetSignalAsync(string incidentId, CancellationToken cancellationToken) =>
        inner.GetSignalAsync(incidentId, cancellationToken);

    public Task<MaintenanceWindow?> GetMaintenanceWindowAsync(Guid windowId, CancellationToken cancellationToken) =>
        inner.GetMaintenanceWindowAsync(windowId, cancellationToken);

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceWindowsAsync(Guid pageId, MaintenanceState? state, CancellationToken cancellationToken) =>
        inner.ListMaintenanceWindowsAsync(pageId, state, cancellationToken);

    public Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(CancellationToken cancellationToken) =>
        inner.ListOpenMaintenanceWindowsAsync(cancellationToken);

    public Task<MaintenanceWindow> AddMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken) =>
        inner.AddMaintenanceWindowAsync(window, cancellationToken);

    public async Task<MaintenanceWindow?> TryUpdateMaintenanceWindowAsync(MaintenanceWindow window, CancellationToken cancellationToken)
    {
        if (ShouldFail(window))
        {
            throw new ChaosException($"Chaos: TryUpdateMaintenanceWindowAsync failure for window {window.Id}.");
        }

        return await inner.TryUpdateMaintenanceWindowAsync(window, cancellationToken);
    }

    public Task<bool> DeleteMaintenanceWindowAsync(Guid windowId, CancellationToken cancellationToken) =>
        inner.DeleteMaintenanceWindowAsync(windowId, cancellationToken);

    public Task<StatusIncident?> GetStatusIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        inner.GetStatusIncidentAsync(incidentId, cancellationToken);

    public Task<IReadOnlyList<StatusIncident>> ListStatusIncidentsAsync(Guid pageId, StatusIncidentQuery query, CancellationToken cancellationToken) =>
        inner.ListStatusIncidentsAsync(pageId, query, cancellationToken);

    public Task AddStatusIncidentAsync(StatusIncident incident, CancellationToken cancellationToken) =>
        inner.AddStatusIncidentAsync(incident, cancellationToken);

    public Task UpdateStatusIncidentAsync(StatusIncident incident, CancellationToken cancellationToken) =>
        inner.UpdateStatusIncidentAsync(incident, cancellationToken);

    public Task<StatusIncident> AppendStatusIncidentUpdateAsync(Guid incidentId, StatusIncidentUpdate update, CancellationToken cancellationToken) =>
        inner.AppendStatusIncidentUpdateAsync(incidentId, update, cancellationToken);

    public Task<bool> DeleteStatusIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        inner.DeleteStatusIncidentAsync(incidentId, cancellationToken);

    public Task<Subscriber?> GetSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        inner.GetSubscriberAsync(subscriberId, cancellationToken);

    public Task<Subscriber?> FindSubscriberByVerifyTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        inner.FindSubscriberByVerifyTokenHashAsync(tokenHash, cancellationToken);

    public Task<Subscriber?> FindSubscriberByUnsubscribeTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        inner.FindSubscriberByUnsubscribeTokenHashAsync(tokenHash, cancellationToken);

    public Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, CancellationToken cancellationToken) =>
        inner.ListSubscribersAsync(pageId, cancellationToken);

    public Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        inner.AddSubscriberAsync(subscriber, cancellationToken);

    public Task UpdateSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        inner.UpdateSubscriberAsync(subscriber, cancellationToken);

    public Task<bool> DeleteSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        inner.DeleteSubscriberAsync(subscriberId, cancellationToken);

    public Task<int> EnqueueNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        inner.EnqueueNotificationsAsync(notifications, cancellationToken);

    public Task<IReadOnlyList<Notification>> ClaimNotificationsAsync(string leaseOwner, DateTimeOffset now, DateTimeOffset leaseExpiresAt, int maxCount, CancellationToken cancellationToken) =>
        inner.ClaimNotificationsAsync(leaseOwner, now, leaseExpiresAt, maxCount, cancellationToken);

    public Task<bool> CompleteNotificationAsync(NotificationOutcome outcome, CancellationToken cancellationToken) =>
        inner.CompleteNotificationAsync(outcome, cancellationToken);

    public Task<bool> ReleaseNotificationAsync(Guid notificationId, string leaseOwner, CancellationToken cancellationToken) =>
        inner.ReleaseNotificationAsync(notificationId, leaseOwner, cancellationToken);

    public Task<Notification?> GetNotificationAsync(Guid notificationId, CancellationToken cancellationToken) =>
        inner.GetNotificationAsync(notificationId, cancellationToken);

    public Task<IReadOnlyList<Notification>> ListNotificationsAsync(NotificationQuery query, CancellationToken cancellationToken) =>
        inner.ListNotificationsAsync(query, cancellationToken);

    public Task<Notification?> GetLastDeliveredNotificationAsync(string coalesceKey, CancellationToken cancellationToken) =>
        inner.GetLastDeliveredNotificationAsync(coalesceKey, cancellationToken);

    public Task<int> CountDeliveredNotificationsAsync(Guid subscriberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.CountDeliveredNotificationsAsync(subscriberId, since, cancellationToken);
}

/// <summary>The failure a <see cref="ChaosStatusStore"/> injects.</summary>
public sealed class ChaosException(string message) : Exception(message);
