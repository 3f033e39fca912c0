using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Incident templates (as on Statuspage): the wording an operator prepares before an outage, so that the person on call
/// picks it by name instead of writing it under pressure, for a new incident or for the updates that follow. A template
/// changes no status and tells nobody; creating an incident from one (<see cref="CreateStatusIncident.TemplateId"/>) or
/// posting an update from one (<see cref="AddStatusIncidentUpdate.TemplateId"/>) does, as any incident or update.
/// </summary>
public sealed class IncidentTemplateService
{
    private readonly IStatusStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal IncidentTemplateService(IStatusStore store, TimeProvider time, ILogger<IncidentTemplateService> logger, AuditTrail audit)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _audit = audit;
    }

    /// <summary>
    /// Adds a template to a page. Its title and message have the limits of a status incident's, its components must be
    /// on the page, and its name must be free on the page ignoring case (else <see cref="StatusKitConflictException"/>
    /// naming <c>name</c>).
    /// </summary>
    public async Task<IncidentTemplate> CreateAsync(CreateIncidentTemplate request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Guard.Name(request.Name, "name");
        var title = Guard.IncidentTitle(request.Title);
        var message = Guard.IncidentMessage(request.Message);
        var severity = Guard.Defined(request.Severity, "severity");
        var state = request.State is { } given ? Guard.Defined(given, "state") : (StatusIncidentState?)null;
        var page = await _store.RequirePageAsync(request.PageId, cancellationToken);
        var componentIds = await _store.RequireComponentsOnPageAsync(page.Id, request.ComponentIds, cancellationToken);
        var now = _time.GetUtcNow();
        var template = new IncidentTemplate
        {
            Id = Guid.CreateVersion7(now),
            PageId = page.Id,
            Name = name,
            Title = title,
            Message = message,
            Severity = severity,
            State = state,
            ComponentIds = componentIds,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await _store.AddIncidentTemplateAsync(template, cancellationToken);
        Log.IncidentTemplateSaved(_logger, template.Id, template.PageId, template.Version);
        await _audit.RecordAsync(template.PageId, AuditActions.TemplateCreated, "template", template.Id);
        return template;
    }

    /// <summary>The template with <paramref name="templateId"/>, or null.</summary>
    public Task<IncidentTemplate?> GetAsync(Guid templateId, CancellationToken cancellationToken = default) =>
        _store.GetIncidentTemplateAsync(templateId, cancellationToken);

    /// <summary>A page's templates, by name ignoring case.</summary>
    public Task<IReadOnlyList<IncidentTemplate>> ListAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        _store.ListIncidentTemplatesAsync(pageId, cancellationToken);

    /// <summary>
    /// Changes the fields the request names, checked as on a create. When someone else changed the template meanwhile,
    /// the change is applied again to what they left (a few times at most), unless
    /// <see cref="UpdateIncidentTemplate.ExpectedVersion"/> is given, which must then be the stored version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing). A request that changes no field writes nothing and
    /// returns the template as stored. Incidents created from the template do not change.
    /// </summary>
    public async Task<IncidentTemplate> UpdateAsync(Guid templateId, UpdateIncidentTemplate changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var name = changes.Name is null ? null : Guard.Name(changes.Name, "name");
        var title = changes.Title is null ? null : Guard.IncidentTitle(changes.Title);
        var message = changes.Message is null ? null : Guard.IncidentMessage(changes.Message);
        var severity = changes.Severity is { } s ? Guard.Defined(s, "severity") : (StatusIncidentSeverity?)null;
        var state = changes.State is { } st ? Guard.Defined(st, "state") : (StatusIncidentState?)null;
        if (state is not null && changes.ClearState)
        {
            throw new StatusKitValidationException("state", "Give a new state or clear the state, not both.");
        }

        IReadOnlyList<string> fields = [];
        var stored = await OptimisticEdit.ApplyAsync(
            "incident template",
            templateId,
            changes.ExpectedVersion,
            () => RequireAsync(templateId, cancellationToken),
            static t => t.Version,
            async template =>
            {
                var edited = template with
                {
                    Name = name ?? template.Name,
                    Title = title ?? template.Title,
                    Message = message ?? template.Message,
                    Severity = severity ?? template.Severity,
                    State = changes.ClearState ? null : state ?? template.State,
                    ComponentIds = changes.ComponentIds is null
                        ? template.ComponentIds
                        : await _store.RequireComponentsOnPageAsync(template.PageId, changes.ComponentIds, cancellationToken),
                };
                fields = new AuditFields()
                    .Add("name", template.Name, edited.Name)
                    .Add("title", template.Title, edited.Title)
                    .Add("message", template.Message, edited.Message)
                    .Add("severity", template.Severity, edited.Severity)
                    .Add("state", template.State, edited.State)
                    .AddList("componentIds", template.ComponentIds, edited.ComponentIds)
                    .Names;

                // A change that changes nothing (the same values again, a retry) writes nothing and keeps the version.
                return edited with { ComponentIds = template.ComponentIds } == template && edited.ComponentIds.SequenceEqual(template.ComponentIds)
                    ? template
                    : edited with { UpdatedAt = _time.GetUtcNow() };
            },
            async template =>
            {
                var written = await _store.UpdateIncidentTemplateAsync(template, cancellationToken);
                Log.IncidentTemplateSaved(_logger, written.Id, written.PageId, written.Version);
                return written;
            });
        if (fields.Count > 0)
        {
            await _audit.RecordAsync(stored.PageId, AuditActions.TemplateUpdated, "template", templateId, fields);
        }

        return stored;
    }

    /// <summary>
    /// Deletes a template, when <paramref name="expectedVersion"/> is given only if it is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, deleting nothing). False when it did not exist. Incidents created
    /// from it stay as they are.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid templateId, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var template = await _store.GetIncidentTemplateAsync(templateId, cancellationToken);
        if (template is null)
        {
            return false;
        }

        OptimisticEdit.RequireVersion("incident template", templateId, expectedVersion, template.Version);
        if (!await _store.DeleteIncidentTemplateAsync(templateId, expectedVersion, cancellationToken))
        {
            return false;
        }

        Log.IncidentTemplateDeleted(_logger, templateId, template.PageId);
        await _audit.RecordAsync(template.PageId, AuditActions.TemplateDeleted, "template", templateId);
        return true;
    }

    private async Task<IncidentTemplate> RequireAsync(Guid templateId, CancellationToken cancellationToken) =>
        await _store.GetIncidentTemplateAsync(templateId, cancellationToken)
        ?? throw new StatusKitNotFoundException("incident template", templateId.ToString(), "templateId");
}
