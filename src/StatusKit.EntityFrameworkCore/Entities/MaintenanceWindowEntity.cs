using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>
/// The row of a <see cref="MaintenanceWindow"/>; the component ids and the excluded occurrence starts are JSON arrays
/// (the starts as ISO 8601 wall-clock date-times without offset).
/// </summary>
internal sealed class MaintenanceWindowEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string TimeZoneId { get; set; } = "UTC";

    public string? Recurrence { get; set; }

    public string ExcludedOccurrences { get; set; } = "[]";

    public bool AutoUpdateStatus { get; set; }

    public bool NotifySubscribers { get; set; }

    public MaintenanceState State { get; set; }

    public DateTime OccurrenceStartsAt { get; set; }

    public DateTime OccurrenceEndsAt { get; set; }

    public DateTime? ReminderSentFor { get; set; }

    public DateTime? AnnouncedFor { get; set; }

    public DateTime? StatusSwitchedAt { get; set; }

    public string ComponentIds { get; set; } = "[]";

    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public static MaintenanceWindowEntity From(MaintenanceWindow window) => new()
    {
        Id = window.Id,
        PageId = window.PageId,
        Title = window.Title,
        Description = window.Description,
        StartsAt = Instants.ToStore(window.StartsAt),
        EndsAt = Instants.ToStore(window.EndsAt),
        TimeZoneId = window.TimeZoneId,
        Recurrence = window.Recurrence,
        ExcludedOccurrences = JsonColumns.FromWallTimes(window.ExcludedOccurrences),
        AutoUpdateStatus = window.AutoUpdateStatus,
        NotifySubscribers = window.NotifySubscribers,
        State = window.State,
        OccurrenceStartsAt = Instants.ToStore(window.OccurrenceStartsAt),
        OccurrenceEndsAt = Instants.ToStore(window.OccurrenceEndsAt),
        ReminderSentFor = Instants.ToStore(window.ReminderSentFor),
        AnnouncedFor = Instants.ToStore(window.AnnouncedFor),
        StatusSwitchedAt = Instants.ToStore(window.StatusSwitchedAt),
        ComponentIds = JsonColumns.FromIds(window.ComponentIds),
        CreatedBy = window.CreatedBy,
        CreatedAt = Instants.ToStore(window.CreatedAt),
        UpdatedAt = Instants.ToStore(window.UpdatedAt),
        Version = window.Version,
    };

    public MaintenanceWindow ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        Title = Title,
        Description = Description,
        StartsAt = Instants.FromStore(StartsAt),
        EndsAt = Instants.FromStore(EndsAt),
        TimeZoneId = TimeZoneId,
        Recurrence = Recurrence,
        ExcludedOccurrences = JsonColumns.ToWallTimes(ExcludedOccurrences),
        AutoUpdateStatus = AutoUpdateStatus,
        NotifySubscribers = NotifySubscribers,
        State = State,
        OccurrenceStartsAt = Instants.FromStore(OccurrenceStartsAt),
        OccurrenceEndsAt = Instants.FromStore(OccurrenceEndsAt),
        ReminderSentFor = Instants.FromStore(ReminderSentFor),
        AnnouncedFor = Instants.FromStore(AnnouncedFor),
        StatusSwitchedAt = Instants.FromStore(StatusSwitchedAt),
        ComponentIds = JsonColumns.ToIds(ComponentIds),
        CreatedBy = CreatedBy,
        CreatedAt = Instants.FromStore(CreatedAt),
        UpdatedAt = Instants.FromStore(UpdatedAt),
        Version = Version,
    };
}
