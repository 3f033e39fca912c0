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
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            if (!signal.IsOpen)
            {
                continue;
            }

            var status = map.Map(signal.Priority);
            if (!teams.TryGetValue(signal.TeamId, out var entry))
            {
                entry = new TeamEntry();
                teams.Add(signal.TeamId, entry);
            }

            entry.Add(signal.ServiceIdentifier, status);
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
            _services[serviceIdentifier] = _services.TryGetValue(serviceIdentifier, out var existing)
                ? existing.Worst(status)
                : status;
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
