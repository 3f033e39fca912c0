using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>
/// Everything the status calculator needs for a <see cref="StatusScope"/>, loaded by the store in one call so that a
/// relational store can answer with a constant number of round-trips.
/// </summary>
public sealed record StatusInputs
{
    /// <summary>The components in scope.</summary>
    public required IReadOnlyList<Component> Components { get; init; }

    /// <summary>The pages of those components.</summary>
    public required IReadOnlyList<StatusPage> Pages { get; init; }

    /// <summary>The open incident signals (Triggered/Acknowledged) of the teams of those components.</summary>
    public required IReadOnlyList<IncidentSignal> OpenSignals { get; init; }

    /// <summary>The InProgress maintenance windows of those pages.</summary>
    public required IReadOnlyList<MaintenanceWindow> InProgressWindows { get; init; }

    /// <summary>The unresolved public status incidents of those pages.</summary>
    public required IReadOnlyList<StatusIncident> UnresolvedIncidents { get; init; }

    /// <summary>The active, verified subscribers of those pages.</summary>
    public required IReadOnlyList<Subscriber> Subscribers { get; init; }
}
