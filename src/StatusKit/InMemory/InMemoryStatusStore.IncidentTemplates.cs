using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<IncidentTemplate?> GetIncidentTemplateAsync(Guid templateId, CancellationToken cancellationToken) =>
        Run(() => _templates.GetValueOrDefault(templateId), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentTemplate>> ListIncidentTemplatesAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<IncidentTemplate>>(
            () =>
            {
                var templates = OnPage(_templateIdsByPage, _templates, pageId, static _ => true);
                Array.Sort(templates, static (a, b) => string.CompareOrdinal(CaseInsensitiveKey.Of(a.Name), CaseInsensitiveKey.Of(b.Name)));
                return templates;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Names are unique per page ignoring case (<see cref="CaseInsensitiveKey"/>), as component names are.</remarks>
    public Task AddIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateTemplate(template);
                EnsurePageExists(template.PageId);
                if (_templates.ContainsKey(template.Id))
                {
                    throw DuplicateId("incident template", template.Id);
                }

                EnsureTemplateNameFree(template.Id, template.PageId, template.Name);
                AddTo(_templateIdsByPage, template.PageId, template.Id);
                _templates.Add(template.Id, template with
                {
                    ComponentIds = ReadOnlyLists.Freeze(template.ComponentIds, nameof(template.ComponentIds)),
                    Version = 1,
                });
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IncidentTemplate> UpdateIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateTemplate(template);
                if (!_templates.TryGetValue(template.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("incident template", template.Id.ToString());
                }

                EnsureVersion("incident template", template.Id, stored.Version, template.Version);
                EnsureTemplateNameFree(template.Id, stored.PageId, template.Name);
                var updated = stored with
                {
                    Name = template.Name,
                    Title = template.Title,
                    Message = template.Message,
                    Severity = template.Severity,
                    State = template.State,
                    ComponentIds = ReadOnlyLists.Freeze(template.ComponentIds, nameof(template.ComponentIds)),
                    UpdatedAt = template.UpdatedAt,
                    Version = stored.Version + 1,
                };
                _templates[template.Id] = updated;
                return updated;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteIncidentTemplateAsync(Guid templateId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                EnsureVersionToDelete("incident template", templateId, _templates.GetValueOrDefault(templateId)?.Version, expectedVersion);
                return RemoveOnPage(_templates, _templateIdsByPage, templateId, static t => t.PageId);
            },
            cancellationToken);

    private static void ValidateTemplate(IncidentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Name is null || template.Title is null || template.Message is null)
        {
            throw new ArgumentException("The template's name, title and message must not be null.", nameof(template));
        }
    }

    private void EnsureTemplateNameFree(Guid templateId, Guid pageId, string name)
    {
        if (OnPage(_templateIdsByPage, _templates, pageId, t => t.Id != templateId && CaseInsensitiveKey.Same(t.Name, name)).Length > 0)
        {
            throw new StatusKitConflictException(
                "name",
                $"The page already has an incident template named '{name}' (names are compared ignoring case); choose another name.");
        }
    }
}
