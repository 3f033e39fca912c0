using System.Runtime.InteropServices;
using StatusKit.Model;

namespace StatusKit.Status;

/// <summary>
/// The worst status implied by open incidents, indexed per team and per (team, service), built once in O(I) so that
/// each component is looked up in O(1). Its size depends on the incidents, never on the components.
/// </summary>
public sealed class IncidentStatusIndex
{
    private readonly Dictionary<string, TeamEntry> _teams;

    private IncidentStatusIndex(Dictionary<string, TeamEntry> teams) => _teams = teams;

    /// <summary>An index with no incidents.</summary>
    public static IncidentStatusIndex Empty { get; } = new(new Dictionary<string, TeamEntry>(0, StringComparer.Ordinal));

    /// <summary>Builds the index from <paramref name="signals"/>; closed and resolved ones are skipped.</summary>
    public static IncidentStatusIndex Build(IReadOnlyList<IncidentSignal> signals, PriorityStatusMap map)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(map);
        var teams = new Dictionary<string, TeamEntry>(StringComparer.Ordinal);
        TeamEntry? lastEntry = null;
        string? lastTeam = null;
        string? lastPriority = null;
        var lastStatus = ComponentStatus.Operational;
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            if (!signal.IsOpen)
            {
                continue;
            }

            // Incidents arrive grouped by team and share a handful of priorities: remember the last of each, so the
            // common case skips a (case-insensitive) priority lookup and a team lookup.
            var priority = signal.Priority;
            if (!string.Equals(priority, lastPriority, StringComparison.Ordinal))
            {
                lastStatus = map.Map(priority);
                lastPriority = priority;
            }

            var team = signal.TeamId;
            if (lastEntry is null || !string.Equals(team, lastTeam, StringComparison.Ordinal))
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(teams, team, out _);
                slot ??= new TeamEntry();
                lastEntry = slot;
                lastTeam = team;
            }

            lastEntry.Add(signal.ServiceIdentifier, lastStatus);
        }

        return new IncidentStatusIndex(teams);
    }

    /// <summary>
    /// The worst status the indexed incidents imply for a component with <paramref name="teamId"/> and
    /// <paramref name="serviceIdentifier"/>; <see cref="ComponentStatus.Operational"/> when none affects it.
    /// </summary>
    public ComponentStatus StatusFor(string? teamId, string? serviceIdentifier)
    {
        if (teamId is null || !_teams.TryGetValue(teamId, out var entry))
        {
            return ComponentStatus.Operational;
        }

        return entry.StatusFor(serviceIdentifier);
    }

    private sealed class TeamEntry
    {
        private Dictionary<string, ComponentStatus>? _services;
        private ComponentStatus _any;

        public void Add(string? serviceIdentifier, ComponentStatus status)
        {
            _any = _any.Worst(status);
            if (serviceIdentifier is null)
            {
                return;
            }

            _services ??= new Dictionary<string, ComponentStatus>(StringComparer.Ordinal);
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_services, serviceIdentifier, out var exists);
            slot = exists ? slot.Worst(status) : status;
        }

        public ComponentStatus StatusFor(string? serviceIdentifier)
        {
            if (serviceIdentifier is null)
            {
                return _any;
            }

            return _services is not null && _services.TryGetValue(serviceIdentifier, out var status)
                ? status
                : ComponentStatus.Operational;
        }
    }
}
