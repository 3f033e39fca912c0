using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Imports a page's incident history from Atlassian Statuspage: each resolved incident is recorded on the page with
/// its whole timeline as it happened, told to nobody. A service of its own rather than a method of
/// <see cref="StatusIncidentService"/>, whose every write may notify subscribers and move component statuses: an
/// import does neither, and never changes what the page says now.
/// </summary>
/// <remarks>
/// <para>
/// Each incident follows the rules of a backfilled one (<see cref="CreateStatusIncident.StartedAt"/>): begun at or after
/// 1970-01-01 UTC, nothing in the future, resolved at or after it began; its timeline is stored oldest first and its
/// latest update must be Resolved. One that breaks a rule is skipped (<see cref="ImportSkipReason.Invalid"/>), the others
/// are still recorded. An unresolved incident is skipped (<see cref="ImportSkipReason.Unresolved"/>): it would change
/// the page's live status and tell subscribers nothing of it. A scheduled maintenance, which <c>incidents.json</c> lists
/// among the incidents, is skipped (<see cref="ImportSkipReason.ScheduledMaintenance"/>): <see cref="MaintenanceImportService"/>
/// records it as a maintenance window.
/// </para>
/// <para>
/// Idempotent: an imported incident keeps its Statuspage id as <see cref="StatusIncident.PlatformIncidentId"/>
/// (<c>statuspage:{id}</c>), by which a later import finds it (even after its start was edited on Statuspage), and its
/// StatusKit id is derived from the page, that id and its start (a version 7 id whose random bits are a hash), so two
/// imports of the same document at once add it once (the store refuses the taken id); either way it is reported
/// <see cref="ImportSkipReason.AlreadyImported"/>. Nothing is written to the notification outbox, no component status
/// or status history changes; the page's snapshot is refreshed once, so its history, feeds and JSON API show the
/// imported incidents.
/// </para>
/// </remarks>
public sealed class IncidentImportService
{
    /// <summary>The prefix of <see cref="StatusIncident.PlatformIncidentId"/> of an incident imported from Statuspage.</summary>
    public const string PlatformIdPrefix = "statuspage:";

    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal IncidentImportService(IStatusStore store, StatusEngine engine, TimeProvider time, ILogger<IncidentImportService> logger, AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _engine = engine;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Records each resolved incident of <paramref name="incidents"/> on the page <paramref name="pageId"/> and reports
    /// what it did with each one. Throws <see cref="StatusKitNotFoundException"/> for an unknown page and
    /// <see cref="StatusKitValidationException"/> (naming <c>statuspageId</c>, recording nothing) when an incident has no
    /// Statuspage id.
    /// </summary>
    public async Task<IncidentImportReport> ImportAsync(Guid pageId, IReadOnlyList<ImportedIncident> incidents, CancellationToken cancellationToken = default)
    {
        Guard.Entries(incidents);
        foreach (var entry in incidents)
        {
            Guard.Name(entry.StatuspageId, "statuspageId", Guard.MaxNameLength - PlatformIdPrefix.Length);
        }

        var page = await _store.RequirePageAsync(pageId, cancellationToken);
        var components = new ComponentNameMatch(await _store.ListComponentsAsync(page.Id, cancellationToken));
        var now = _time.GetUtcNow();
        var imported = new List<ImportedIncidentRecord>();
        var skipped = new List<SkippedImport>();
        var unknown = new List<string>();
        var taken = await ImportedPlatformIdsAsync(page.Id, cancellationToken);
        foreach (var source in incidents)
        {
            var sourceId = source.StatuspageId.Trim();
            if (source.IsScheduledMaintenance)
            {
                skipped.Add(new SkippedImport(
                    sourceId, ImportSkipReason.ScheduledMaintenance, "It is a scheduled maintenance, not an incident: import the page's scheduled-maintenances.json with POST .../admin/pages/{pageId}/import/statuspage/maintenances, which records it as a maintenance window."));
                continue;
            }

            if (source.State != StatusIncidentState.Resolved)
            {
                skipped.Add(new SkippedImport(
                    sourceId, ImportSkipReason.Unresolved, $"The incident is {source.State}, not resolved: an import records only past incidents; post it with the admin API, or import it again once it is resolved."));
                continue;
            }

            StatusIncident incident;
            List<string> missing;
            try
            {
                (incident, missing) = Build(page.Id, sourceId, source, components, now);
            }
            catch (StatusKitValidationException ex)
            {
                skipped.Add(new SkippedImport(sourceId, ImportSkipReason.Invalid, $"{ex.Field}: {ex.Message}"));
                continue;
            }

            // Imported before (even under another id: its start was edited on Statuspage since), or earlier in this document.
            if (!taken.Add(incident.PlatformIncidentId!))
            {
                skipped.Add(AlreadyImported(sourceId));
                continue;
            }

            try
            {
                await _store.AddStatusIncidentAsync(incident, [], cancellationToken);
            }
            catch (StatusKitConflictException)
            {
                // Another import of the same document added it meanwhile: its id is taken.
                skipped.Add(AlreadyImported(sourceId));
                continue;
            }

            imported.Add(new ImportedIncidentRecord(sourceId, incident.Id));
            ComponentNameMatch.AddOnce(unknown, missing);
        }

        if (imported.Count > 0)
        {
            await _engine.RefreshPageAsync(page.Id, cancellationToken);
        }

        if (imported.Count > 0)
        {
            await _audit.RecordAsync(page.Id, AuditActions.IncidentsImported, "page", page.Id);
        }

        Log.IncidentsImported(_logger, page.Id, imported.Count, skipped.Count, unknown.Count);
        return new IncidentImportReport { Imported = imported, Skipped = skipped, UnknownComponents = unknown };
    }

    /// <summary>
    /// The id of the incident imported from Statuspage incident <paramref name="statuspageId"/> onto
    /// <paramref name="pageId"/>: a version 7 id stamped with <paramref name="createdAt"/> whose 74 random bits are the
    /// start of a SHA-256 of the page and the Statuspage id, so the same incident always gets the same id.
    /// </summary>
    internal static Guid IdFor(Guid pageId, string statuspageId, DateTimeOffset createdAt) =>
        ImportIds.For(pageId, PlatformIdPrefix + statuspageId, createdAt);

    private static (StatusIncident Incident, List<string> UnknownComponents) Build(
        Guid pageId, string sourceId, ImportedIncident source, ComponentNameMatch components, DateTimeOffset now)
    {
        var title = Guard.Name(source.Title, "title");
        Guard.Defined(source.Severity, "severity");
        if (source.Updates is not { Count: > 0 })
        {
            throw new StatusKitValidationException("updates", "The incident has no updates: a resolved incident's timeline ends with its resolution.");
        }

        var updates = new List<StatusIncidentUpdate>(source.Updates.Count);
        for (var i = 0; i < source.Updates.Count; i++)
        {
            var update = source.Updates[i] ?? throw new StatusKitValidationException($"updates[{i}]", "The update is missing.");
            Guard.Defined(update.State, $"updates[{i}].state");
            var message = Guard.Name(update.Message, $"updates[{i}].message", Guard.MaxTextLength);
            if (update.At > now)
            {
                throw new StatusKitValidationException($"updates[{i}].at", $"The update's time ({update.At:O}) is in the future; an import records past incidents.");
            }

            updates.Add(new StatusIncidentUpdate(Guid.CreateVersion7(update.At < IncidentBackfill.Earliest ? IncidentBackfill.Earliest : update.At), update.At, update.State, message)
            {
                NotifySubscribers = false,
            });
        }

        var timeline = updates.OrderBy(u => u.At).ToArray();
        var latest = timeline[^1];
        if (latest.State != StatusIncidentState.Resolved)
        {
            throw new StatusKitValidationException("updates", $"The incident's latest update is {latest.State}, not Resolved: its timeline does not tell it resolved.");
        }

        // An update posted before the incident's recorded start (a backfill on Statuspage) moves the start back to it.
        var createdAt = timeline[0].At < source.CreatedAt ? timeline[0].At : source.CreatedAt;
        var (startedAt, resolvedAt) = IncidentBackfill.Dates(StatusIncidentState.Resolved, createdAt, source.ResolvedAt ?? latest.At, now)!.Value;
        string? postmortem = null;
        DateTimeOffset? postmortemAt = null;
        if (!string.IsNullOrWhiteSpace(source.Postmortem))
        {
            postmortem = Guard.Name(source.Postmortem, "postmortem", Guard.MaxTextLength);
            postmortemAt = source.PostmortemPublishedAt ?? now;
            if (postmortemAt > now || postmortemAt < IncidentBackfill.Earliest)
            {
                throw new StatusKitValidationException("postmortemPublishedAt", $"The postmortem's publication time ({postmortemAt:O}) must be between 1970-01-01 and now.");
            }
        }

        var (componentIds, unknown) = components.Match(source.ComponentNames);
        var incident = new StatusIncident
        {
            Id = IdFor(pageId, sourceId, startedAt),
            PageId = pageId,
            PlatformIncidentId = PlatformIdPrefix + sourceId,
            Title = title,
            Message = timeline[0].Message,
            Severity = source.Severity,
            State = StatusIncidentState.Resolved,
            ComponentIds = componentIds,
            Updates = timeline,
            CreatedAt = startedAt,
            UpdatedAt = now,
            ResolvedAt = resolvedAt,
            Postmortem = postmortem,
            PostmortemPublishedAt = postmortemAt,
            Version = 1,
        };
        return (incident, unknown);
    }

    // The Statuspage ids of the incidents the page already has from an import, read once per import (every past
    // incident of the page, a batch at a time: an import is rare, and its idempotency must not hang on derived ids alone).
    private async Task<HashSet<string>> ImportedPlatformIdsAsync(Guid pageId, CancellationToken cancellationToken)
    {
        const int Batch = 200;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await _store.ListStatusIncidentsAsync(pageId, new StatusIncidentQuery { Unresolved = false, Skip = skip, Take = Batch }, cancellationToken);
            foreach (var incident in batch)
            {
                if (incident.PlatformIncidentId is { } id && id.StartsWith(PlatformIdPrefix, StringComparison.Ordinal))
                {
                    ids.Add(id);
                }
            }

            if (batch.Count < Batch)
            {
                return ids;
            }
        }
    }

    private static SkippedImport AlreadyImported(string sourceId) =>
        new(sourceId, ImportSkipReason.AlreadyImported, $"The page already has the incident imported from Statuspage incident '{sourceId}' ({PlatformIdPrefix}{sourceId}).");
}
