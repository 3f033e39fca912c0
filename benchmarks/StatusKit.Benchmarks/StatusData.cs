using StatusKit.Model;

namespace StatusKit.Benchmarks;

/// <summary>
/// Deterministic data shaped like a large platform: components spread over 100 teams (the same teams whatever C, so
/// that the incident index is the same for every C and only the result array grows with C), a third of them
/// without a service identifier (affected by any incident of their team), incidents over the same teams and services
/// with a mix of priorities, most open.
/// </summary>
internal static class StatusData
{
    private static readonly string[] Priorities = ["Critical", "High", "Medium", "Low", "Info"];
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static (Component[] Components, IncidentSignal[] Signals) Build(int componentCount, int incidentCount, int seed)
    {
        var random = new Random(seed);
        const int teams = 100;
        var pageId = Guid.CreateVersion7(T0);
        var components = new Component[componentCount];
        for (var i = 0; i < componentCount; i++)
        {
            components[i] = new Component
            {
                Id = Guid.CreateVersion7(T0),
                PageId = pageId,
                Name = $"Component {i}",
                TeamId = $"team-{i % teams}",
                ServiceIdentifier = i % 3 == 0 ? null : $"svc-{i % 7}",
                StatusUpdatedAt = T0,
                CreatedAt = T0,
                UpdatedAt = T0,
            };
        }

        var signals = new IncidentSignal[incidentCount];
        for (var i = 0; i < incidentCount; i++)
        {
            signals[i] = new IncidentSignal
            {
                IncidentId = $"INC-{i}",
                TeamId = $"team-{random.Next(teams)}",
                ServiceIdentifier = random.Next(4) == 0 ? null : $"svc-{random.Next(10)}",
                Priority = Priorities[random.Next(Priorities.Length)],
                State = random.Next(10) == 0 ? PlatformIncidentState.Resolved : PlatformIncidentState.Triggered,
                Version = 1,
                OccurredAt = T0,
            };
        }

        return (components, signals);
    }
}
