using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// Maps a page snapshot (and the incidents and windows that are not in it) to Statuspage v2 objects, every timestamp
/// on the page's wall clock. See docs/statuspage-compatibility.md for the field-by-field mapping.
/// </summary>
internal sealed class StatuspageMapper
{
    private readonly PageSnapshot _snapshot;
    private readonly TimeZoneInfo _zone;
    private readonly string _pageId;
    private readonly string _pageUrl;
    private readonly Dictionary<Guid, ApiComponent> _componentsById = [];

    public StatuspageMapper(PageSnapshot snapshot, string pageUrl)
    {
        _snapshot = snapshot;
        _zone = PageTime.Zone(snapshot.TimeZoneId);
        _pageId = snapshot.PageId.ToString();
        _pageUrl = pageUrl;
        Components = MapComponents();
    }

    /// <summary>
    /// The shown components (<see cref="ComponentSnapshot.IsShown"/>) and their groups in display order: a group's entry
    /// comes just before its first shown member, and a group none of whose members is shown is left out. An incident's
    /// or a window's <c>components</c> name only these, so every id the documents name is in this list.
    /// </summary>
    public IReadOnlyList<ApiComponent> Components { get; }

    public ApiPage Page() => new(_pageId, _snapshot.Name, _pageUrl, _snapshot.TimeZoneId, Local(LastChange()));

    public ApiStatus Status() => new(_snapshot.Status.Indicator.ToApiName(), _snapshot.Status.Description);

    public ApiIncident Incident(StatusIncident incident)
    {
        var id = incident.Id.ToString();
        var monitoringAt = incident.Updates.FirstOrDefault(u => u.State == StatusIncidentState.Monitoring)?.At;
        var updates = new ApiIncidentUpdate[incident.Updates.Count];
        for (var i = 0; i < updates.Length; i++)
        {
            // Statuspage lists updates newest first.
            var update = incident.Updates[updates.Length - 1 - i];
            updates[i] = new ApiIncidentUpdate
            {
                Id = update.Id.ToString(),
                Status = IncidentStatus(update.State),
                Body = update.Message,
                IncidentId = id,
                CreatedAt = Local(update.At),
                UpdatedAt = Local(update.At),
                DisplayAt = Local(update.At),
                DeliverNotifications = update.NotifySubscribers,
            };
        }

        return new ApiIncident
        {
            Id = id,
            Name = incident.Title,
            Status = IncidentStatus(incident.State),
            CreatedAt = Local(incident.CreatedAt),
            UpdatedAt = Local(incident.UpdatedAt),
            MonitoringAt = monitoringAt is { } m ? Local(m) : null,
            ResolvedAt = incident.ResolvedAt is { } r ? Local(r) : null,
            Impact = Impact(incident.Severity),
            Shortlink = PagePaths.Incident(_pageUrl, incident.Id),
            StartedAt = Local(incident.CreatedAt),
            PageId = _pageId,
            IncidentUpdates = updates,
            Components = ComponentsOf(incident.ComponentIds),
            PostmortemBody = incident.Postmortem,
            PostmortemPublishedAt = incident.PostmortemPublishedAt is { } p ? Local(p) : null,
        };
    }

    public ApiScheduledMaintenance Maintenance(MaintenanceOccurrence occurrence) =>
        Maintenance(occurrence.WindowId, occurrence.Title, occurrence.Description, occurrence.State, occurrence.StartsAt, occurrence.EndsAt, occurrence.ComponentIds, occurrence.UpdatedAt);

    public ApiScheduledMaintenance Maintenance(MaintenanceWindow window) =>
        Maintenance(window.Id, window.Title, window.Description, window.State, window.OccurrenceStartsAt, window.OccurrenceEndsAt, window.ComponentIds, window.UpdatedAt);

    private ApiScheduledMaintenance Maintenance(
        Guid windowId,
        string title,
        string? description,
        MaintenanceState state,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        IReadOnlyList<Guid> componentIds,
        DateTimeOffset? updatedAt)
    {
        var id = windowId.ToString();
        var createdAt = DerivedIds.CreatedAt(windowId, startsAt);
        var body = string.IsNullOrWhiteSpace(description) ? title : description;
        var updates = new List<ApiIncidentUpdate>(3);
        if (state == MaintenanceState.Completed)
        {
            updates.Add(SyntheticUpdate(windowId, "completed", "The scheduled maintenance has been completed.", endsAt));
        }

        if (state is MaintenanceState.InProgress or MaintenanceState.Completed)
        {
            updates.Add(SyntheticUpdate(windowId, "in_progress", "Scheduled maintenance is currently in progress.", startsAt));
        }

        updates.Add(SyntheticUpdate(windowId, "scheduled", body, createdAt));
        var status = MaintenanceStatus(state);
        return new ApiScheduledMaintenance
        {
            Id = id,
            Name = title,
            Status = status,
            CreatedAt = Local(createdAt),
            UpdatedAt = Local(updatedAt ?? (state == MaintenanceState.InProgress ? startsAt : createdAt)),
            MonitoringAt = null,
            ResolvedAt = state == MaintenanceState.Completed ? Local(endsAt) : null,
            Impact = "maintenance",
            Shortlink = PagePaths.Maintenance(_pageUrl, windowId),
            // As Statuspage writes a maintenance's: when it was created (scheduled_for is when it starts).
            StartedAt = Local(createdAt),
            PageId = _pageId,
            IncidentUpdates = updates,
            Components = ComponentsOf(componentIds),
            PostmortemBody = null,
            PostmortemPublishedAt = null,
            ScheduledFor = Local(startsAt),
            ScheduledUntil = Local(endsAt),
        };

        ApiIncidentUpdate SyntheticUpdate(Guid window, string updateStatus, string text, DateTimeOffset at) => new()
        {
            Id = DerivedIds.For(window, $"{updateStatus}|{startsAt.UtcTicks}").ToString(),
            Status = updateStatus,
            Body = text,
            IncidentId = window.ToString(),
            CreatedAt = Local(at),
            UpdatedAt = Local(at),
            DisplayAt = Local(at),
        };
    }

    public static string IncidentStatus(StatusIncidentState state) => state switch
    {
        StatusIncidentState.Investigating => "investigating",
        StatusIncidentState.Identified => "identified",
        StatusIncidentState.Monitoring => "monitoring",
        StatusIncidentState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown incident state."),
    };

    public static string Impact(StatusIncidentSeverity severity) => severity switch
    {
        StatusIncidentSeverity.Minor => "minor",
        StatusIncidentSeverity.Major => "major",
        StatusIncidentSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static string MaintenanceStatus(MaintenanceState state) => state switch
    {
        MaintenanceState.Scheduled => "scheduled",
        MaintenanceState.InProgress => "in_progress",
        MaintenanceState.Completed => "completed",
        MaintenanceState.Cancelled => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown maintenance state."),
    };

    private DateTimeOffset Local(DateTimeOffset instant) => PageTime.Local(instant, _zone);

    /// <summary>
    /// The snapshot's <see cref="PageSnapshot.UpdatedAt"/> (the page's latest change of anything it shows), and for a
    /// snapshot without one (built by hand, or cached by an older version) what the snapshot itself shows.
    /// </summary>
    private DateTimeOffset LastChange()
    {
        var last = DerivedIds.CreatedAt(_snapshot.PageId, DateTimeOffset.UnixEpoch);
        last = _snapshot.UpdatedAt > last ? _snapshot.UpdatedAt : last;
        foreach (var component in _snapshot.Components)
        {
            last = component.StatusUpdatedAt > last ? component.StatusUpdatedAt : last;
        }

        foreach (var incident in _snapshot.UnresolvedIncidents)
        {
            last = incident.UpdatedAt > last ? incident.UpdatedAt : last;
        }

        return last;
    }

    private List<ApiComponent> ComponentsOf(IReadOnlyList<Guid> ids)
    {
        var result = new List<ApiComponent>(ids.Count);
        foreach (var id in ids)
        {
            if (_componentsById.TryGetValue(id, out var component))
            {
                result.Add(component);
            }
        }

        return result;
    }

    private List<ApiComponent> MapComponents()
    {
        // A component shown only while degraded is left out while it is operational; its group's status, the worst of
        // its members', is the same with or without it then.
        var shown = _snapshot.Components.Where(c => c.IsShown).ToList();
        var groups = shown
            .Where(c => c.GroupName is not null)
            .GroupBy(c => c.GroupName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var groupStatuses = _snapshot.GroupStatuses();
        var result = new List<ApiComponent>(shown.Count + groups.Count);
        var emittedGroups = new HashSet<string>(StringComparer.Ordinal);
        var topPosition = 0;
        foreach (var component in shown)
        {
            if (component.GroupName is null)
            {
                result.Add(Map(component, ++topPosition, groupId: null));
                continue;
            }

            if (!emittedGroups.Add(component.GroupName))
            {
                continue;
            }

            var members = groups[component.GroupName];
            var groupId = DerivedIds.ForGroup(_snapshot.PageId, component.GroupName).ToString();
            var created = DateTimeOffset.MaxValue;
            var updated = DateTimeOffset.MinValue;
            foreach (var member in members)
            {
                var memberCreated = DerivedIds.CreatedAt(member.Id, member.StatusUpdatedAt);
                created = memberCreated < created ? memberCreated : created;
                updated = member.StatusUpdatedAt > updated ? member.StatusUpdatedAt : updated;
            }

            result.Add(new ApiComponent
            {
                Id = groupId,
                Name = component.GroupName,
                Status = groupStatuses[component.GroupName].ToApiName(),
                CreatedAt = Local(created),
                UpdatedAt = Local(updated),
                Position = ++topPosition,
                Description = null,
                GroupId = null,
                PageId = _pageId,
                Group = true,
                Components = members.Select(m => m.Id.ToString()).ToArray(),
            });
            var memberPosition = 0;
            foreach (var member in members)
            {
                result.Add(Map(member, ++memberPosition, groupId));
            }
        }

        return result;
    }

    private ApiComponent Map(ComponentSnapshot component, int position, string? groupId)
    {
        var mapped = new ApiComponent
        {
            Id = component.Id.ToString(),
            Name = component.Name,
            Status = component.Status.ToApiName(),
            CreatedAt = Local(DerivedIds.CreatedAt(component.Id, component.StatusUpdatedAt)),
            UpdatedAt = Local(component.StatusUpdatedAt),
            Position = position,
            Description = component.Description,
            GroupId = groupId,
            PageId = _pageId,
            Group = false,
            OnlyShowIfDegraded = component.OnlyShowIfDegraded,
        };
        _componentsById[component.Id] = mapped;
        return mapped;
    }
}
