namespace StatusKit.Health;

/// <summary>Options of StatusKit's health checks (<see cref="StatusKitBackgroundHealthCheck"/>).</summary>
public sealed class StatusKitHealthOptions
{
    /// <summary>
    /// How long background work may keep failing before the background check says <c>Unhealthy</c>; until then it says
    /// <c>Degraded</c>, so a short outage of the database that StatusKit retries through does not take the host out of
    /// its load balancer. Default 5 minutes; at least 1 second and at most 1 day.
    /// </summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromMinutes(5);
}
