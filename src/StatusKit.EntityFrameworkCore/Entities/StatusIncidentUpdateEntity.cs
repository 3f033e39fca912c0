using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>One row of a public status incident's timeline; the timeline is ordered by <see cref="At"/>, then <see cref="Position"/> (the append order).</summary>
internal sealed class StatusIncidentUpdateEntity
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public int Position { get; set; }

    public DateTime At { get; set; }

    public StatusIncidentState State { get; set; }

    public string Message { get; set; } = "";

    public static StatusIncidentUpdateEntity From(Guid incidentId, int position, StatusIncidentUpdate update) => new()
    {
        Id = update.Id,
        IncidentId = incidentId,
        Position = position,
        At = Instants.ToStore(update.At),
        State = update.State,
        Message = update.Message,
    };

    public StatusIncidentUpdate ToModel() => new(Id, Instants.FromStore(At), State, Message);
}
