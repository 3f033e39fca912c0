using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of the latest <see cref="IncidentSignal"/> of one platform incident.</summary>
internal sealed class IncidentSignalEntity
{
    public string IncidentId { get; set; } = "";

    public string TeamId { get; set; } = "";

    public string? ServiceIdentifier { get; set; }

    public string Priority { get; set; } = "";

    public PlatformIncidentState State { get; set; }

    public long Version { get; set; }

    public DateTime OccurredAt { get; set; }

    public string? Title { get; set; }

    public IncidentSignal ToModel() => new()
    {
        IncidentId = IncidentId,
        TeamId = TeamId,
        ServiceIdentifier = ServiceIdentifier,
        Priority = Priority,
        State = State,
        Version = Version,
        OccurredAt = Instants.FromStore(OccurredAt),
        Title = Title,
    };
}
