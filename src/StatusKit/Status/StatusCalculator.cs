using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.Status;

/// <summary>
/// The pure status computation: no I/O, no clock (the instant is an argument), no allocation per component.
/// </summary>
public static class StatusCalculator
{
    /// <summary>
    /// Writes into <paramref name="destination"/> the worst status that the open incidents in
    /// <paramref name="signals"/> imply for each of <paramref name="components"/>. O(C + I): the incidents are
    /// indexed once, then each component is looked up.
    /// </summary>
    public static void ComputeIncidentStatuses(
        IReadOnlyList<Component> components,
        IReadOnlyList<IncidentSignal> signals,
        PriorityStatusMap map,
        Span<ComponentStatus> destination)
    {
        ArgumentNullException.ThrowIfNull(components);
        var index = IncidentStatusIndex.Build(signals, map);
        ComputeIncidentStatuses(components, index, destination);
    }

    /// <summary>Like <see cref="ComputeIncidentStatuses(IReadOnlyList{Component}, IReadOnlyList{IncidentSignal}, PriorityStatusMap, Span{ComponentStatus})"/> with a prebuilt index.</summary>
    public static void ComputeIncidentStatuses(IReadOnlyList<Component> components, IncidentStatusIndex index, Span<ComponentStatus> destination)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(index);
        if (destination.Length < components.Count)
        {
            throw new ArgumentException("The destination is shorter than the component list.", nameof(destination));
        }

        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            destination[i] = index.StatusFor(component.TeamId, component.ServiceIdentifier);
        }
    }

    /// <summary>
    /// The effective status of one component that follows no upstream page: the worst of its incidents' status, Under
    /// Maintenance while a window covers it, the status implied by unresolved public incidents naming it, and the manual
    /// status while it has not expired. A manual status can raise the computed status but never hide an incident.
    /// </summary>
    public static ComponentStatus Effective(
        ComponentStatus incidentStatus,
        bool underMaintenance,
        ComponentStatus publicIncidentStatus,
        ComponentStatus? manualStatus,
        DateTimeOffset? manualStatusExpiresAt,
        DateTimeOffset now) =>
        Effective(incidentStatus, underMaintenance, publicIncidentStatus, ComponentStatus.Operational, manualStatus, manualStatusExpiresAt, now);

    /// <summary>
    /// The effective status of one component that may follow an upstream page: like
    /// <see cref="Effective(ComponentStatus, bool, ComponentStatus, ComponentStatus?, DateTimeOffset?, DateTimeOffset)"/>,
    /// and also no better than <paramref name="upstreamStatus"/>, the status last read from its upstream page
    /// (<see cref="UpstreamStatusOf"/>). The worst of them all; a manual status still only raises it.
    /// </summary>
    public static ComponentStatus Effective(
        ComponentStatus incidentStatus,
        bool underMaintenance,
        ComponentStatus publicIncidentStatus,
        ComponentStatus upstreamStatus,
        ComponentStatus? manualStatus,
        DateTimeOffset? manualStatusExpiresAt,
        DateTimeOffset now)
    {
        var status = incidentStatus.Worst(publicIncidentStatus).Worst(upstreamStatus);
        if (underMaintenance)
        {
            status = status.Worst(ComponentStatus.UnderMaintenance);
        }

        if (IsManualStatusActive(manualStatus, manualStatusExpiresAt, now))
        {
            status = status.Worst(manualStatus!.Value);
        }

        return status;
    }

    /// <summary>
    /// What <paramref name="component"/>'s upstream page contributes to its status: the status last read there
    /// (<see cref="Component.UpstreamStatus"/>) while it follows one (<see cref="Component.UpstreamUrl"/>);
    /// <see cref="ComponentStatus.Operational"/>, the identity of worst-of, when it follows none or nothing was read yet.
    /// </summary>
    public static ComponentStatus UpstreamStatusOf(Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.UpstreamUrl is not null && component.UpstreamStatus is { } read ? read : ComponentStatus.Operational;
    }

    /// <summary>Whether a manual status is set and has not expired at <paramref name="now"/>.</summary>
    public static bool IsManualStatusActive(ComponentStatus? manualStatus, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        manualStatus is not null && (expiresAt is null || expiresAt.Value > now);

    /// <summary>
    /// The effective status of every component in <paramref name="inputs"/>, aligned with
    /// <see cref="StatusInputs.Components"/>.
    /// </summary>
    public static ComponentStatus[] ComputeEffectiveStatuses(StatusInputs inputs, PriorityStatusMap map, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(map);
        var components = inputs.Components;
        var result = new ComponentStatus[components.Count];
        ComputeIncidentStatuses(components, IncidentStatusIndex.Build(inputs.OpenSignals, map), result);

        var maintenance = ComponentsUnderMaintenance(inputs.InProgressWindows);
        var publicStatuses = PublicIncidentStatuses(inputs.UnresolvedIncidents);
        for (var i = 0; i < components.Count; i++)
        {
            var component = components[i];
            result[i] = Effective(
                result[i],
                maintenance is not null && maintenance.Contains(component.Id),
                publicStatuses is not null && publicStatuses.TryGetValue(component.Id, out var publicStatus) ? publicStatus : ComponentStatus.Operational,
                UpstreamStatusOf(component),
                component.ManualStatus,
                component.ManualStatusExpiresAt,
                now);
        }

        return result;
    }

    private static HashSet<Guid>? ComponentsUnderMaintenance(IReadOnlyList<MaintenanceWindow> windows)
    {
        HashSet<Guid>? set = null;
        for (var i = 0; i < windows.Count; i++)
        {
            var window = windows[i];
            if (window.State != MaintenanceState.InProgress || !window.AutoUpdateStatus)
            {
                continue;
            }

            set ??= [];
            foreach (var id in window.ComponentIds)
            {
                set.Add(id);
            }
        }

        return set;
    }

    private static Dictionary<Guid, ComponentStatus>? PublicIncidentStatuses(IReadOnlyList<StatusIncident> incidents)
    {
        Dictionary<Guid, ComponentStatus>? map = null;
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            if (!incident.IsUnresolved)
            {
                continue;
            }

            var status = incident.Severity.ToComponentStatus();
            map ??= [];
            foreach (var id in incident.ComponentIds)
            {
                map[id] = map.TryGetValue(id, out var existing) ? existing.Worst(status) : status;
            }
        }

        return map;
    }
}
