using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<StatusPage?> GetPageAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        return row?.ToModel();
    }

    public async Task<StatusPage?> GetPageBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<StatusPage>> ListPagesAsync(string? teamId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var collation = session.Dialect.OrdinalCollation.Trim('"');
        var rows = await session.Set<PageEntity>().AsNoTracking()
            .Where(p => teamId == null || p.TeamId == teamId)
            .OrderBy(p => EF.Functions.Collate(p.Name, collation))
            .ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    public async Task AddPageAsync(StatusPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var session = await OpenAsync(cancellationToken);
        session.Set<PageEntity>().Add(PageEntity.From(page));
        await SaveAsync(session, "page", null, cancellationToken);
    }

    public async Task UpdatePageAsync(StatusPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().FirstOrDefaultAsync(p => p.Id == page.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("page", page.Id.ToString());
        row.CopyFrom(page);
        await SaveAsync(session, "page", null, cancellationToken);
    }

    public async Task<bool> DeletePageAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<PageEntity>().Where(p => p.Id == pageId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
