using System.Runtime.InteropServices;
using StatusKit.Model;

namespace StatusKit.Status;

/// <summary>
/// The worst status implied by open incidents, indexed per team and per (team, service), built once in O(I) so that
/// each component is looked up in O(1). Its size depends on the incidents, never on the components.
/// </summary>
public sealed class IncidentStatusIndex
{
    private readonly Dictionary<TeamService, ComponentStatus> _byTeamAndService;
    private readonly Dictionary<string, ComponentStatus> _byTeam;

    private IncidentStatusIndex(Dictionary<TeamService, ComponentStatus> byTeamAndService, Dictionary<string, ComponentStatus> byTeam)
    {
        _byTeamAndService = byTeamAndService;
        _byTeam = byTeam;
    }

    /// <summary>An index with no incidents.</summary>
    public static IncidentStatusIndex Empty { get; } = new(
        new Dictionary<TeamService, ComponentStatus>(0, TeamServiceComparer.Instance),
        new Dictionary<string, ComponentStatus>(0, StringComparer.Ordinal));

    /// <summary>Builds the index from <paramref name="signals"/>; closed and resolved ones are skipped.</summary>
    public static IncidentStatusIndex Build(IReadOnlyList<IncidentSignal> signals, PriorityStatusMap map)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(map);

        // One lookup per incident, keyed by (team, service): the team-wide worst is folded from the distinct pairs
        // afterwards, so the per-incident cost is one priority lookup and one hash probe.
        var byTeamAndService = new Dictionary<TeamService, ComponentStatus>(TeamServiceComparer.Instance);
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            if (!signal.IsOpen)
            {
                continue;
            }

            var status = map.Map(signal.Priority);
            if (status == ComponentStatus.Operational)
            {
                // Operational is the identity of Worst: such an incident cannot change any component's status.
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(
                byTeamAndService, new TeamService(signal.TeamId, signal.ServiceIdentifier), out _);
            slot = slot.Worst(status);
        }

        var byTeam = new Dictionary<string, ComponentStatus>(StringComparer.Ordinal);
        foreach (var (key, status) in byTeamAndService)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byTeam, key.TeamId, out _);
            slot = slot.Worst(status);
        }

        return new IncidentStatusIndex(byTeamAndService, byTeam);
    }

    /// <summary>
    /// The worst status the indexed incidents imply for a component with <paramref name="teamId"/> and
    /// <paramref name="serviceIdentifier"/>; <see cref="ComponentStatus.Operational"/> when none affects it.
    /// A component without a service is affected by every incident of its team; a component bound to a service only
    /// by its team's incidents on that service.
    /// </summary>
    public ComponentStatus StatusFor(string? teamId, string? serviceIdentifier)
    {
        if (teamId is null)
        {
            return ComponentStatus.Operational;
        }

        if (serviceIdentifier is null)
        {
            return _byTeam.GetValueOrDefault(teamId);
        }

        return _byTeamAndService.GetValueOrDefault(new TeamService(teamId, serviceIdentifier));
    }

    private readonly record struct TeamService(string TeamId, string? ServiceIdentifier);

    private sealed class TeamServiceComparer : IEqualityComparer<TeamService>
    {
        public static TeamServiceComparer Instance { get; } = new();

        public bool Equals(TeamService x, TeamService y) =>
            string.Equals(x.TeamId, y.TeamId, StringComparison.Ordinal)
            && string.Equals(x.ServiceIdentifier, y.ServiceIdentifier, StringComparison.Ordinal);

        // Both parts are already randomised string hashes, so a multiply-add mixes them well enough (and costs less
        // than HashCode.Combine on the path every incident takes).
        public int GetHashCode(TeamService key) =>
            unchecked((string.GetHashCode(key.TeamId, StringComparison.Ordinal) * 31)
                + (key.ServiceIdentifier is null ? 0 : string.GetHashCode(key.ServiceIdentifier, StringComparison.Ordinal)));
    }
}
