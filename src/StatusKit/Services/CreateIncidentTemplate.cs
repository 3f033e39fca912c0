using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>What a new incident template needs.</summary>
public sealed record CreateIncidentTemplate
{
    /// <summary>The page whose incidents it is for.</summary>
    public required Guid PageId { get; init; }

    /// <summary>What operators pick it by: required, at most 200 characters, unique on the page ignoring case.</summary>
    public required string Name { get; init; }

    /// <summary>The title of an incident created from it (required, at most 200 characters, as a status incident's).</summary>
    public required string Title { get; init; }

    /// <summary>The first message of an incident created from it (required, at most 20,000 characters, as a status incident's).</summary>
    public required string Message { get; init; }

    /// <summary>The severity of an incident created from it. Default Minor.</summary>
    public StatusIncidentSeverity Severity { get; init; } = StatusIncidentSeverity.Minor;

    /// <summary>The state an update posted from it moves the incident to (<see cref="IncidentTemplate.State"/>). Default null, none.</summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>The components of the page an incident created from it affects. Default none.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];
}
