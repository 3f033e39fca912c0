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

    public async Task AddIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken)
    {
        ValidateTemplate(template);
        await using var session = await OpenAsync(cancellationToken);
        await EnsurePageExistsAsync(session, template.PageId, cancellationToken);
        await RefuseTakenTemplateNameAsync(session, template, cancellationToken);
        session.Set<IncidentTemplateEntity>().Add(IncidentTemplateEntity.From(template));
        await SaveAsync(session, "incident template", () => MissingPage(template.PageId), cancellationToken);
    }

    /// <remarks>Compare-and-set on the version (<see cref="AdvanceVersion{T}"/>); the stored page and creation time are kept.</remarks>
    public async Task<IncidentTemplate> UpdateIncidentTemplateAsync(IncidentTemplate template, CancellationToken cancellationToken)
    {
        ValidateTemplate(template);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<IncidentTemplateEntity>().AsTracking().FirstOrDefaultAsync(t => t.Id == template.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("incident template", template.Id.ToString());
        AdvanceVersion(session, row, "incident template", template.Id, template.Version);
        if (row.NameKey != CaseInsensitiveKey.Of(template.Name))
        {
            await RefuseTakenTemplateNameAsync(session, template with { PageId = row.PageId }, cancellationToken);
        }

        row.CopyFrom(template);
        await SaveAsync(session, "incident template", null, cancellationToken);
        return row.ToModel();
    }

    public async Task<bool> DeleteIncidentTemplateAsync(Guid templateId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await DeleteAtVersionAsync(
            session.Set<IncidentTemplateEntity>().Where(t => t.Id == templateId), expectedVersion, "incident template", templateId, cancellationToken);
    }

    // As a component's name (RefuseTakenNameAsync): a read finds the conflict, the unique index decides a race.
    private static async Task RefuseTakenTemplateNameAsync(Session session, IncidentTemplate template, CancellationToken cancellationToken)
    {
        var key = CaseInsensitiveKey.Of(template.Name);
        if (await session.Set<IncidentTemplateEntity>().AnyAsync(t => t.PageId == template.PageId && t.NameKey == key && t.Id != template.Id, cancellationToken))
        {
            throw Conflict("name", "incident template");
        }
    }

    private static void ValidateTemplate(IncidentTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(template.Name, "template.Name");
        ArgumentNullException.ThrowIfNull(template.Title, "template.Title");
        ArgumentNullException.ThrowIfNull(template.Message, "template.Message");
    }
}
