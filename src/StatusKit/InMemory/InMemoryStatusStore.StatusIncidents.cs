using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<StatusIncident?> GetStatusIncidentAsync(Guid incidentId, CancellationToken cancellationToken) =>
        Run(() => _incidents.GetValueOrDefault(incidentId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Newest first by creation time, then by id descending. A negative <see cref="StatusIncidentQuery.Skip"/> or a
    /// <see cref="StatusIncidentQuery.Take"/> below 1 throws <see cref="ArgumentOutOfRangeException"/>.
    /// </remarks>
    public Task<IReadOnlyList<StatusIncident>> ListStatusIncidentsAsync(Guid pageId, StatusIncidentQuery query, CancellationToken cancellationToken) =>
        Run(() => QueryIncidents(pageId, query), cancellationToken);

    /// <inheritdoc />
    /// <remarks>The initial updates are kept oldest first (by time; equal times keep the given order).</remarks>
    public Task AddStatusIncidentAsync(StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateIncident(incident);
                ArgumentNullException.ThrowIfNull(notifications);
                EnsurePageExists(incident.PageId);
                if (_incidents.ContainsKey(incident.Id))
                {
                    throw DuplicateId("status incident", incident.Id);
                }

                var updates = ReadOnlyLists.Freeze(incident.Updates, nameof(incident.Updates));
                if (updates.Any(u => u is null))
                {
                    throw new ArgumentException("The incident's updates must not contain null.", nameof(incident));
                }

                Enqueue(notifications);
                AddTo(_incidentIdsByPage, incident.PageId, incident.Id);
                _incidents.Add(incident.Id, incident with
                {
                    ComponentIds = ReadOnlyLists.Freeze(incident.ComponentIds, nameof(incident.ComponentIds)),
                    Updates = ReadOnlyLists.Freeze(updates.OrderBy(u => u.At).ToArray(), nameof(incident.Updates)),
                    Version = 1,
                });
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <see cref="StatusIncident.UpdatedAt"/> and the postmortem are taken from <paramref name="incident"/>; the page, state, updates,
    /// creation and resolution times are kept as stored.
    /// </remarks>
    public Task<StatusIncident> UpdateStatusIncidentAsync(StatusIncident incident, CancellationToken cancellationToken) =>
        UpdateStatusIncidentAsync(incident, [], cancellationToken);

    /// <inheritdoc />
    /// <remarks>As <see cref="UpdateStatusIncidentAsync(StatusIncident, CancellationToken)"/>; the notifications are enqueued only when the update is stored.</remarks>
    public Task<StatusIncident> UpdateStatusIncidentAsync(StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateIncident(incident);
                ArgumentNullException.ThrowIfNull(notifications);
                if (!_incidents.TryGetValue(incident.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("status incident", incident.Id.ToString());
                }

                EnsureVersion("status incident", incident.Id, stored.Version, incident.Version);
                var next = stored with
                {
                    Title = incident.Title,
                    Message = incident.Message,
                    Severity = incident.Severity,
                    ComponentIds = ReadOnlyLists.Freeze(incident.ComponentIds, nameof(incident.ComponentIds)),
                    PlatformIncidentId = incident.PlatformIncidentId,
                    Postmortem = incident.Postmortem,
                    PostmortemPublishedAt = incident.PostmortemPublishedAt,
                    UpdatedAt = incident.UpdatedAt,
                    Version = stored.Version + 1,
                };

                // Last but the write: nothing is enqueued for a change that throws before it is stored.
                Enqueue(notifications);
                _incidents[incident.Id] = next;
                return next;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The update is placed after every update at or before its time, so the timeline stays oldest first. A second
    /// Resolved update keeps the first resolution time; any other state clears it.
    /// </remarks>
    public Task<StatusIncident> AppendStatusIncidentUpdateAsync(
        Guid incidentId, StatusIncidentUpdate update, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(update);
                ArgumentNullException.ThrowIfNull(notifications);
                if (update.Message is null)
                {
                    throw new ArgumentException("The update's message must not be null.", nameof(update));
                }

                if (!_incidents.TryGetValue(incidentId, out var stored))
                {
                    throw new StatusKitNotFoundException("status incident", incidentId.ToString());
                }

                Enqueue(notifications);
                var timeline = stored.Updates.ToList();
                var position = timeline.FindLastIndex(u => u.At <= update.At) + 1;
                timeline.Insert(position, update);
                var resolved = update.State == StatusIncidentState.Resolved;
                var next = stored with
                {
                    Updates = ReadOnlyLists.Freeze(timeline, nameof(stored.Updates)),
                    State = update.State,
                    UpdatedAt = update.At,
                    Version = stored.Version + 1,
                    ResolvedAt = !resolved ? null
                        : stored.State == StatusIncidentState.Resolved ? stored.ResolvedAt ?? update.At
                        : update.At,
                };
                _incidents[incidentId] = next;
                return next;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteStatusIncidentAsync(Guid incidentId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                var incident = _incidents.GetValueOrDefault(incidentId);
                EnsureVersionToDelete("status incident", incidentId, incident?.Version, expectedVersion);
                if (incident is not null)
                {
                    DeactivateFollowers(incidentId, incident.PageId);
                }

                return RemoveOnPage(_incidents, _incidentIdsByPage, incidentId, static i => i.PageId);
            },
            cancellationToken);

    private static void ValidateIncident(StatusIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Title is null || incident.Message is null)
        {
            throw new ArgumentException("The incident's title and message must not be null.", nameof(incident));
        }
    }

    private IReadOnlyList<StatusIncident> QueryIncidents(Guid pageId, StatusIncidentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, "query.Skip");
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
        var matching = OnPage(
            _incidentIdsByPage,
            _incidents,
            pageId,
            i => (query.State is null || i.State == query.State)
                 && (query.Unresolved is null || i.IsUnresolved == query.Unresolved)
                 && (query.CreatedSince is null || i.CreatedAt >= query.CreatedSince)
                 && (query.NotResolvedBefore is not { } since || i.IsUnresolved || (i.ResolvedAt ?? i.CreatedAt) >= since));
        return [.. NewestFirst(matching).Skip(query.Skip).Take(query.Take)];
    }

    /// <summary>Sorts <paramref name="incidents"/> newest first (creation time, then id, both descending) and returns it.</summary>
    private static StatusIncident[] NewestFirst(StatusIncident[] incidents) =>
        ByTime(incidents, static i => i.CreatedAt, static i => i.Id, newestFirst: true);
}
