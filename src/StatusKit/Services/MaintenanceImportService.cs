using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Imports a page's scheduled maintenances from Atlassian Statuspage, the last step of moving a page over (after its
/// components, <see cref="ComponentImportService"/>, and its incident history, <see cref="IncidentImportService"/>): a
/// completed maintenance becomes a completed window of the page's history, told to nobody; an upcoming one a scheduled
/// window that StatusKit then starts and ends by itself, as any window.
/// </summary>
/// <remarks>
/// <para>
/// A completed maintenance is stored as the scheduler leaves a one-off window it ended: Completed, its start and end
/// (and its occurrence's) the times it really ran (<see cref="ImportedMaintenance.StartedAt"/> and
/// <see cref="ImportedMaintenance.CompletedAt"/>, else the planned ones), nothing announced, no component switched. It
/// never moves a component's status, never notifies, never shows as upcoming; the history page and the Atom feed list
/// it (the iCalendar feed, as for any completed one-off window, does not). Its times follow the rules of a window's occurrence (from 1970, the end after the start) and
/// its end is not in the future.
/// </para>
/// <para>
/// A scheduled maintenance whose start is still to come is scheduled with the rules of
/// <see cref="MaintenanceService.CreateAsync"/>, without its "scheduled" notice (Statuspage told the subscribers);
/// unless <see cref="ImportedMaintenance.NotifySubscribers"/> is off, its reminder, start and end are told as for any
/// window, and a later move or cancellation too. One in progress on Statuspage, or still scheduled there with its start
/// passed, is skipped (<see cref="MaintenanceImportSkipReason.InProgress"/>, <see cref="MaintenanceImportSkipReason.StartPassed"/>):
/// StatusKit starts its windows itself, and never at a time already gone. A maintenance that breaks a rule is skipped
/// (<see cref="MaintenanceImportSkipReason.Invalid"/>, naming the field); the others are still recorded.
/// </para>
/// <para>
/// Idempotent: a window's id is derived from the page, the Statuspage id and its creation there (a version 7 id whose
/// random bits are a hash, as an imported incident's), so importing again, even after the maintenance was rescheduled
/// on Statuspage, finds it, and two imports at once add it once (the store refuses the taken id); a window of the page
/// whose <see cref="MaintenanceWindow.CreatedBy"/> names the same source is found too (a Cachet list, whose times carry
/// no offset, read again in another zone gives another creation instant); either way it is reported
/// <see cref="MaintenanceImportSkipReason.AlreadyImported"/>, as is a maintenance named twice in one document. The page's snapshot is refreshed once.
/// </para>
/// </remarks>
public sealed class MaintenanceImportService
{
    /// <summary>The prefix of the <see cref="MaintenanceWindow.CreatedBy"/> of a window imported from Statuspage, before its Statuspage id.</summary>
    public const string CreatedByPrefix = "statuspage:";

    // Hashed with the Statuspage id for the window's id: not the incidents' prefix, so a maintenance that incidents.json
    // also lists (Statuspage keeps both in one list) gets another id as a window than as an incident.
    private const string IdPrefix = "statuspage-maintenance:";

    private readonly IStatusStore _store;
    private readonly MaintenanceService _maintenance;
    private readonly StatusEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal MaintenanceImportService(
        IStatusStore store, MaintenanceService maintenance, StatusEngine engine, TimeProvider time, ILogger<MaintenanceImportService> logger, AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _maintenance = maintenance;
        _engine = engine;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Records each completed and upcoming maintenance of <paramref name="maintenances"/> on the page
    /// <paramref name="pageId"/> and reports what it did with each one. Throws <see cref="StatusKitNotFoundException"/>
    /// for an unknown page and <see cref="StatusKitValidationException"/> (naming <c>statuspageId</c>, recording nothing)
    /// when a maintenance has no Statuspage id.
    /// </summary>
    public async Task<MaintenanceImportReport> ImportAsync(
        Guid pageId, IReadOnlyList<ImportedMaintenance> maintenances, CancellationToken cancellationToken = default)
    {
        Guard.Entries(maintenances);
        foreach (var entry in maintenances)
        {
            Guard.Name(entry.StatuspageId, "statuspageId", Guard.MaxNameLength - CreatedByPrefix.Length);
        }

        var page = await _store.RequirePageAsync(pageId, cancellationToken);
        var components = new ComponentNameMatch(await _store.ListComponentsAsync(page.Id, cancellationToken));
        var imported = new List<ImportedMaintenanceRecord>();
        var skipped = new List<SkippedMaintenance>();
        var unknown = new List<string>();
        var taken = await ImportedSourcesAsync(page.Id, cancellationToken);
        foreach (var source in maintenances)
        {
            var sourceId = source.StatuspageId.Trim();
            var name = source.Title ?? string.Empty;
            var now = _time.GetUtcNow();
            if (Refused(source, sourceId, now) is { } refused)
            {
                skipped.Add(refused);
                continue;
            }

            var (componentIds, missing) = components.Match(source.ComponentNames);
            MaintenanceWindow window;
            try
            {
                // Imported before (even under another id: its creation read in another zone, as a Cachet list without
                // offsets is), or earlier in this document.
                var id = IdFor(page.Id, sourceId, source.CreatedAt);
                if (!taken.Add(CreatedByPrefix + sourceId) || await _store.GetMaintenanceWindowAsync(id, cancellationToken) is not null)
                {
                    skipped.Add(AlreadyImported(sourceId, name));
                    continue;
                }

                window = source.State == MaintenanceState.Completed
                    ? await AddCompletedAsync(Completed(page.Id, id, sourceId, source, componentIds, now), cancellationToken)
                    : await _maintenance.ScheduleImportedAsync(Upcoming(page.Id, sourceId, source, componentIds), id, source.CreatedAt, cancellationToken);
            }
            catch (StatusKitValidationException ex)
            {
                skipped.Add(new SkippedMaintenance(sourceId, name, MaintenanceImportSkipReason.Invalid, $"{ex.Field}: {ex.Message}"));
                continue;
            }
            catch (StatusKitConflictException)
            {
                // Another import of the same document added it meanwhile: its id is taken.
                skipped.Add(AlreadyImported(sourceId, name));
                continue;
            }

            imported.Add(new ImportedMaintenanceRecord(sourceId, window.Id, window.Title, window.State));
            ComponentNameMatch.AddOnce(unknown, missing);
        }

        if (imported.Count > 0)
        {
            await _engine.RefreshPageAsync(page.Id, cancellationToken);
        }

        if (imported.Count > 0)
        {
            await _audit.RecordAsync(page.Id, AuditActions.MaintenanceImported, "page", page.Id);
        }

        Log.MaintenancesImported(_logger, page.Id, imported.Count, skipped.Count, unknown.Count);
        return new MaintenanceImportReport { Imported = imported, Skipped = skipped, UnknownComponents = unknown };
    }

    /// <summary>The <see cref="MaintenanceWindow.CreatedBy"/> of every window of the page an import recorded (<see cref="CreatedByPrefix"/>).</summary>
    private async Task<HashSet<string>> ImportedSourcesAsync(Guid pageId, CancellationToken cancellationToken)
    {
        const int Batch = 200;
        var sources = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await _store.ListMaintenanceWindowsAsync(pageId, new MaintenanceWindowQuery { Skip = skip, Take = Batch }, cancellationToken);
            foreach (var window in batch)
            {
                if (window.CreatedBy is { } createdBy && createdBy.StartsWith(CreatedByPrefix, StringComparison.Ordinal))
                {
                    sources.Add(createdBy);
                }
            }

            if (batch.Count < Batch)
            {
                return sources;
            }
        }
    }

    /// <summary>
    /// The id of the window imported from Statuspage maintenance <paramref name="statuspageId"/> onto
    /// <paramref name="pageId"/>, stamped with its creation on Statuspage (which is never edited there, unlike its times).
    /// </summary>
    internal static Guid IdFor(Guid pageId, string statuspageId, DateTimeOffset createdAt) =>
        ImportIds.For(pageId, IdPrefix + statuspageId, createdAt);

    // Why a maintenance is not for an import whatever its fields say: its state, or its start gone by.
    private static SkippedMaintenance? Refused(ImportedMaintenance source, string sourceId, DateTimeOffset now)
    {
        var name = source.Title ?? string.Empty;
        switch (source.State)
        {
            case MaintenanceState.InProgress:
                return new SkippedMaintenance(
                    sourceId, name, MaintenanceImportSkipReason.InProgress,
                    "The maintenance is in progress on Statuspage, and StatusKit starts and ends its windows itself: complete it on Statuspage and import it again, or schedule what is left of it with the admin API.");
            case MaintenanceState.Scheduled when source.ScheduledFor <= now:
                return new SkippedMaintenance(
                    sourceId, name, MaintenanceImportSkipReason.StartPassed,
                    $"The maintenance is still scheduled on Statuspage but its start ({source.ScheduledFor:O}) has passed, and StatusKit starts windows only at a time to come: finish it on Statuspage and import it again, or create it by hand with the admin API.");
            case MaintenanceState.Cancelled:
                return new SkippedMaintenance(
                    sourceId, name, MaintenanceImportSkipReason.Invalid, "state: A cancelled maintenance is not imported; only completed and upcoming ones are.");
            case MaintenanceState.Completed or MaintenanceState.Scheduled:
                return null;
            default:
                return new SkippedMaintenance(sourceId, name, MaintenanceImportSkipReason.Invalid, $"state: '{source.State}' is not a maintenance state.");
        }
    }

    // A past window cannot go through MaintenanceService, which schedules windows still to come (and tells their
    // subscribers): it is written straight to the store in the state the scheduler leaves a one-off window it ended, with
    // no notice, and nothing for the scheduler to do.
    private async Task<MaintenanceWindow> AddCompletedAsync(MaintenanceWindow window, CancellationToken cancellationToken) =>
        await _store.AddMaintenanceWindowAsync(window, [], cancellationToken);

    private static MaintenanceWindow Completed(
        Guid pageId, Guid id, string sourceId, ImportedMaintenance source, IReadOnlyList<Guid> componentIds, DateTimeOffset now)
    {
        var title = Guard.Name(source.Title, "title");
        var description = Guard.OptionalText(source.Description, "description");
        RequirePast(source.CreatedAt, "createdAt", now);
        var startsAt = (source.StartedAt ?? source.ScheduledFor).ToUniversalTime();
        var endsAt = (source.CompletedAt ?? source.ScheduledUntil).ToUniversalTime();
        ScheduleValidator.ValidateSpan(startsAt, endsAt);
        if (endsAt > now)
        {
            throw new StatusKitValidationException(
                source.CompletedAt is null ? "scheduledUntil" : "completedAt", $"The completed maintenance ends in the future ({endsAt:O}); an import records it once it has ended.");
        }

        return new MaintenanceWindow
        {
            Id = id,
            PageId = pageId,
            Title = title,
            Description = description,
            // The scheduler moves a one-off window's first occurrence to the times it really ran (a start now, a completion
            // now), so its planned times are not kept: the times it ran are what the page's history shows.
            StartsAt = startsAt,
            EndsAt = endsAt,
            OccurrenceStartsAt = startsAt,
            OccurrenceEndsAt = endsAt,
            State = MaintenanceState.Completed,
            // It switched none of this page's components (StatusSwitchedAt stays null) and told nobody: no mark of a notice.
            AutoUpdateStatus = true,
            NotifySubscribers = false,
            ComponentIds = componentIds,
            TimeZoneId = source.TimeZoneId is null ? "UTC" : Guard.TimeZone(source.TimeZoneId),
            CreatedBy = CreatedByPrefix + sourceId,
            CreatedAt = source.CreatedAt.ToUniversalTime(),
            UpdatedAt = now,
        };
    }

    private CreateMaintenanceWindow Upcoming(Guid pageId, string sourceId, ImportedMaintenance source, IReadOnlyList<Guid> componentIds)
    {
        RequirePast(source.CreatedAt, "createdAt", _time.GetUtcNow());
        return new CreateMaintenanceWindow
        {
            PageId = pageId,
            Title = source.Title,
            Description = source.Description,
            StartsAt = source.ScheduledFor,
            EndsAt = source.ScheduledUntil,
            TimeZoneId = source.TimeZoneId ?? "UTC",
            ComponentIds = componentIds,
            NotifySubscribers = source.NotifySubscribers,
            CreatedBy = CreatedByPrefix + sourceId,
        };
    }

    private static void RequirePast(DateTimeOffset at, string field, DateTimeOffset now)
    {
        if (at < ScheduleValidator.Earliest || at > now)
        {
            throw new StatusKitValidationException(field, $"The {field} ({at:O}) must be between 1970-01-01 and now.");
        }
    }

    private static SkippedMaintenance AlreadyImported(string sourceId, string name) =>
        new(sourceId, name, MaintenanceImportSkipReason.AlreadyImported, $"The page already has the window imported from Statuspage maintenance '{sourceId}'.");
}
