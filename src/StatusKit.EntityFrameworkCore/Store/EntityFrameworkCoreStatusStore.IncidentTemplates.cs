using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<IncidentTemplate?> GetIncidentTemplateAsync(Guid templateId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<IncidentTemplateEntity>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>
    /// Read through the unique (page, name key) index and sorted in .NET by the key, ordinally: the database's
    /// collation (PostgreSQL's follows the locale) would order some names differently from the in-memory store.
    /// </remarks>
    public async Task<IReadOnlyList<IncidentTemplate>> ListIncidentTemplatesAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<IncidentTemplateEntity>().AsNoTracking().Where(t => t.PageId == pageId).ToListAsync(cancellationToken);
        rows.Sort(static (a, b) => string.CompareOrdinal(a.NameKey, b.NameKey));
        return rows.Select(r => r.ToModel()).ToArray();
    }

    public Task AddIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken)
    {
        ValidateTemplate(template);
        return AddNamedRowAsync(
            IncidentTemplateEntity.From(template), template.PageId, template.Id, template.Name, "incident template", "incident template",
            cancellationToken);
    }

    public async Task<IncidentTemplate> UpdateIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken)
    {
        ValidateTemplate(template);
        var row = await UpdateNamedRowAsync<IncidentTemplateEntity>(
            template.Id, template.Name, template.Version, r => r.CopyFrom(template), "incident template", "incident template",
            cancellationToken);
        return row.ToModel();
    }

    public async Task<bool> DeleteIncidentTemplateAsync(Guid templateId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await DeleteAtVersionAsync(
            session.Set<IncidentTemplateEntity>().Where(t => t.Id == templateId), expectedVersion, "incident template", templateId, cancellationToken);
    }

    private static void ValidateTemplate(IncidentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(template.Name, "template.Name");
        ArgumentNullException.ThrowIfNull(template.Title, "template.Title");
        ArgumentNullException.ThrowIfNull(template.Message, "template.Message");
    }
}
