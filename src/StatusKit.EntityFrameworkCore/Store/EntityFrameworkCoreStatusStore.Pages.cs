using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<StatusPage?> GetPageAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>
    /// One command with seven result sets (the page, its components, its unresolved incidents, their updates, its open
    /// windows, its most recently changed incident and window), where the four list calls cost four, read under one
    /// read transaction (<see cref="SnapshotReads"/>) so that the snapshot built from it never shows an incident without
    /// the updates committed with it. The latest incident is one row found through the (page, update time) index,
    /// however many incidents the page has collected; the latest window is one row of the page's windows found through
    /// the (page, occurrence start) index, without materialising the completed ones.
    /// </remarks>
    public async Task<PageContent?> LoadPageContentAsync(Guid pageId, int maxUnresolvedIncidents, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUnresolvedIncidents, 1);
        await using var session = await OpenAsync(cancellationToken);
        var s = session.Schema;
        var d = session.Dialect;
        string Col<T>(string alias, string property) => alias + "." + s.Column<T>(property);
        string Select<T>(string alias, string from, string? orderBy)
            where T : new() => RowReader.Select<T>(s.EntityType<T>(), d, alias, from, orderBy);
        // The page's row of one kind updated last: its update time is a change the page shows, whatever state it is in.
        string LatestOfPage<T>(string alias, string pageIdProperty, string updatedAtProperty)
            where T : new() => Select<T>(
                alias,
                $"FROM (SELECT x.* FROM {s.Table<T>()} AS x WHERE {Col<T>("x", pageIdProperty)} = {{0}} ORDER BY {Col<T>("x", updatedAtProperty)} DESC LIMIT 1) AS {alias}",
                null);
        string NewestFirst(string alias) =>
            $"{Col<StatusIncidentEntity>(alias, nameof(StatusIncidentEntity.CreatedAt))} DESC, {Col<StatusIncidentEntity>(alias, nameof(StatusIncidentEntity.Id))} DESC";
        var unresolved =
            $"FROM {s.Table<StatusIncidentEntity>()} AS x WHERE {Col<StatusIncidentEntity>("x", nameof(StatusIncidentEntity.PageId))} = {{0}} " +
            $"AND {Col<StatusIncidentEntity>("x", nameof(StatusIncidentEntity.State))} <> {(int)StatusIncidentState.Resolved} " +
            $"ORDER BY {NewestFirst("x")} LIMIT {{1}}";
        var sql = string.Join(
            ";\n",
            Select<PageEntity>("p", $"FROM {s.Table<PageEntity>()} AS p WHERE {Col<PageEntity>("p", nameof(PageEntity.Id))} = {{0}}", null),
            RowReader.SelectInAnyOrder<ComponentEntity>(
                s.EntityType<ComponentEntity>(), d, "c", s.Table<ComponentEntity>(), $"{Col<ComponentEntity>("c", nameof(ComponentEntity.PageId))} = {{0}}"),
            Select<StatusIncidentEntity>("i", $"FROM (SELECT x.* {unresolved}) AS i", NewestFirst("i")),
            Select<StatusIncidentUpdateEntity>(
                "u",
                $"FROM {s.Table<StatusIncidentUpdateEntity>()} AS u WHERE {Col<StatusIncidentUpdateEntity>("u", nameof(StatusIncidentUpdateEntity.IncidentId))} IN " +
                $"(SELECT {Col<StatusIncidentEntity>("x", nameof(StatusIncidentEntity.Id))} {unresolved})",
                null),
            Select<MaintenanceWindowEntity>(
                "w",
                $"FROM {s.Table<MaintenanceWindowEntity>()} AS w WHERE {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.PageId))} = {{0}} " +
                $"AND {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.State))} IN ({(int)MaintenanceState.Scheduled}, {(int)MaintenanceState.InProgress})",
                $"{Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.OccurrenceStartsAt))}, {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.Id))}"),
            LatestOfPage<StatusIncidentEntity>("l", nameof(StatusIncidentEntity.PageId), nameof(StatusIncidentEntity.UpdatedAt)),
            LatestOfPage<MaintenanceWindowEntity>("m", nameof(MaintenanceWindowEntity.PageId), nameof(MaintenanceWindowEntity.UpdatedAt)));

        return await session.QuerySnapshotAsync(
            sql,
            [pageId, maxUnresolvedIncidents],
            async reader =>
            {
                var sets = new ResultSets(reader, s, d, cancellationToken);
                var pages = await sets.NextAsync<PageEntity>();
                if (pages.Count == 0)
                {
                    return null;
                }

                var components = await sets.NextAsync<ComponentEntity>();
                var incidents = await sets.NextAsync<StatusIncidentEntity>();
                var updates = await sets.NextAsync<StatusIncidentUpdateEntity>();
                var windows = await sets.NextAsync<MaintenanceWindowEntity>();
                var latest = await sets.NextAsync<StatusIncidentEntity>();
                var latestWindow = await sets.NextAsync<MaintenanceWindowEntity>();
                return new PageContent
                {
                    Page = pages[0].ToModel(),
                    Components = SortedModels(components, ComponentOrder.ByDisplay),
                    UnresolvedIncidents = WithUpdates(incidents, updates),
                    MaintenanceWindows = windows.Select(w => w.ToModel()).ToArray(),
                    LatestIncidentChange = latest.Count == 0 ? null : Instants.FromStore(latest[0].UpdatedAt),
                    LatestMaintenanceChange = latestWindow.Count == 0 ? null : Instants.FromStore(latestWindow[0].UpdatedAt),
                };
            },
            cancellationToken);
    }

    public async Task<StatusPage?> GetPageBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return row?.ToModel();
    }

    public async Task<StatusPage?> GetPageByCustomDomainAsync(string customDomain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customDomain);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsNoTracking().FirstOrDefaultAsync(p => p.CustomDomain == customDomain, cancellationToken);
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
        await RefuseTakenSlugAsync(session, page, cancellationToken);
        session.Set<PageEntity>().Add(PageEntity.From(page));
        await SaveAsync(session, "page", null, cancellationToken);
    }

    /// <remarks>
    /// Compare-and-set on the version (<see cref="AdvanceVersion{T}"/>). One transaction: the fields'
    /// <c>UPDATE … WHERE id = @id AND version = @expected</c>, leaving the time alone, then the time's own conditional <c>UPDATE</c> as <see cref="TouchPageAsync"/> makes it (so a touch of another host
    /// that lands between the read and the write is never undone), then the time as stored.
    /// </remarks>
    public async Task<StatusPage> UpdatePageAsync(StatusPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var at = Instants.ToStore(page.UpdatedAt);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var row = await session.Set<PageEntity>().AsTracking().FirstOrDefaultAsync(p => p.Id == page.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("page", page.Id.ToString());
        AdvanceVersion(session, row, "page", page.Id, page.Version);
        if (row.Slug != page.Slug || row.CustomDomain != page.CustomDomain)
        {
            await RefuseTakenSlugAsync(session, page, cancellationToken);
        }

        var readAt = row.UpdatedAt;
        row.CopyFrom(page);
        row.UpdatedAt = readAt;
        await SaveAsync(session, "page", null, cancellationToken);
        var pageRow = session.Set<PageEntity>().Where(p => p.Id == page.Id);
        await pageRow.ExecuteUpdateAsync(set => set.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt < at ? at : p.UpdatedAt), cancellationToken);
        var storedAt = await pageRow.Select(p => p.UpdatedAt).SingleAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.ToModel() with { UpdatedAt = Instants.FromStore(storedAt) };
    }

    // A slug (or custom domain) another page holds is a conflict found by a read, not by a failed INSERT or UPDATE, which EF Core logs as an
    // error with its stack trace: a taken slug is the operator's everyday mistake. The unique index still decides a race.
    private static async Task RefuseTakenSlugAsync(Session session, StatusPage page, CancellationToken cancellationToken)
    {
        if (await session.Set<PageEntity>().AnyAsync(p => p.Slug == page.Slug && p.Id != page.Id, cancellationToken))
        {
            throw Conflict("slug", "page");
        }

        if (page.CustomDomain is { } domain
            && await session.Set<PageEntity>().AnyAsync(p => p.CustomDomain == domain && p.Id != page.Id, cancellationToken))
        {
            throw Conflict("customDomain", "page");
        }
    }

    /// <remarks>One conditional <c>UPDATE</c> of the timestamp column alone (not the version).</remarks>
    public async Task<bool> TouchPageAsync(Guid pageId, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var at = Instants.ToStore(changedAt);
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<PageEntity>()
            .Where(p => p.Id == pageId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt < at ? at : p.UpdatedAt), cancellationToken) > 0;
    }

    /// <remarks>One <c>DELETE</c> (the database cascades), conditional on the version when one is expected (<see cref="DeleteAtVersionAsync{T}"/>).</remarks>
    public async Task<bool> DeletePageAsync(Guid pageId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await DeleteAtVersionAsync(session.Set<PageEntity>().Where(p => p.Id == pageId), expectedVersion, "page", pageId, cancellationToken);
    }
}
