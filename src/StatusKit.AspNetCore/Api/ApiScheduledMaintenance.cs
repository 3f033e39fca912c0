namespace StatusKit.AspNetCore.Api;

/// <summary>A Statuspage scheduled maintenance: an incident with impact <c>maintenance</c> and its window.</summary>
internal sealed record ApiScheduledMaintenance : ApiIncident
{
    public required DateTimeOffset ScheduledFor { get; init; }

    public required DateTimeOffset ScheduledUntil { get; init; }
}
