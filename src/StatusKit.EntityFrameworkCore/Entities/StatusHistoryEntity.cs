using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of a <see cref="StatusHistoryEntry"/>.</summary>
internal sealed class StatusHistoryEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public Guid ComponentId { get; set; }

    public ComponentStatus OldStatus { get; set; }

    public ComponentStatus NewStatus { get; set; }

    public DateTime At { get; set; }

    public string Cause { get; set; } = "";

    public StatusHistoryEntry ToModel() =>
        new(Id, PageId, ComponentId, OldStatus, NewStatus, Instants.FromStore(At), Cause);
}
