using StatusKit.Model;

namespace StatusKit.Status;

/// <summary>Which incidents affect which components (DESIGN.md: "Which incidents affect a component").</summary>
public static class ComponentMatcher
{
    /// <summary>
    /// Whether <paramref name="signal"/> affects a component with <paramref name="componentTeamId"/> and
    /// <paramref name="componentServiceIdentifier"/>: the incident is open, the teams are equal (ordinal), and the
    /// component has no service identifier or the incident's equals it. A component with no team is never affected.
    /// </summary>
    public static bool Affects(IncidentSignal signal, string? componentTeamId, string? componentServiceIdentifier)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.IsOpen
            && componentTeamId is not null
            && string.Equals(componentTeamId, signal.TeamId, StringComparison.Ordinal)
            && (componentServiceIdentifier is null
                || string.Equals(componentServiceIdentifier, signal.ServiceIdentifier, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="signal"/> affects <paramref name="component"/>.</summary>
    public static bool Affects(IncidentSignal signal, Component component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Affects(signal, component.TeamId, component.ServiceIdentifier);
    }
}
