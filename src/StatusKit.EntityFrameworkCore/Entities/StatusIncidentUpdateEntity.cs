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

    /// <summary>Whether subscribers were to be notified of the update (added by migration <c>20261209000000_AddStatusIncidentUpdateNotifySubscribers</c>; true for rows stored before it).</summary>
    public bool NotifySubscribers { get; set; } = true;

    public static StatusIncidentUpdateEntity From(Guid incidentId, int position, StatusIncidentUpdate update) => new()
    {
        Id = update.Id,
        IncidentId = incidentId,
        Position = position,
        At = Instants.ToStore(update.At),
        State = update.State,
        Message = update.Message,
        NotifySubscribers = update.NotifySubscribers,
    };

    public StatusIncidentUpdate ToModel() => new(Id, Instants.FromStore(At), State, Message) { NotifySubscribers = NotifySubscribers };
}
