using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Configuration;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<Component?> GetComponentAsync(Guid componentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<ComponentEntity>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == componentId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>
    /// Raw SQL read by <see cref="RowReader"/> rather than a LINQ query: the page snapshot reads every component of the
    /// page after each status change, and EF's materialisation of SQLite's text GUIDs and instants costs about twice
    /// as much per row (on SQLite 3.44+ the rows arrive as JSON values, a third of the time again). Sorted in .NET
    /// (<see cref="ComponentOrder"/>): SQLite sorting a page's 1,000 components inside its JSON aggregate cost a third
    /// of the read.
    /// </remarks>
    public async Task<IReadOnlyList<Component>> ListComponentsAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var s = session.Schema;
        var d = session.Dialect;
        var sql = RowReader.SelectInAnyOrder<ComponentEntity>(
            s.EntityType<ComponentEntity>(), d, "c", s.Table<ComponentEntity>(), $"c.{s.Column<ComponentEntity>(nameof(ComponentEntity.PageId))} = {{0}}");
        var rows = await session.QueryAsync(
            sql,
            [pageId],
            reader => new ResultSets(reader, s, d, cancellationToken).NextAsync<ComponentEntity>(),
            cancellationToken);
        return SortedModels(rows, ComponentOrder.ByDisplay);
    }

    public async Task AddComponentAsync(Component component, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(component.Name, "component.Name");
        await using var session = await OpenAsync(cancellationToken);
        await EnsurePageExistsAsync(session, component.PageId, cancellationToken);
        await RefuseTakenNameAsync(session, component, cancellationToken);
        session.Set<ComponentEntity>().Add(ComponentEntity.From(component));
        await SaveAsync(session, "component", () => MissingPage(component.PageId), cancellationToken);
    }

    /// <remarks>Compare-and-set on the version (<see cref="AdvanceVersion{T}"/>).</remarks>
    public async Task<Component> UpdateComponentAsync(Component component, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(component.Name, "component.Name");
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<ComponentEntity>().AsTracking().FirstOrDefaultAsync(c => c.Id == component.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("component", component.Id.ToString());
        AdvanceVersion(session, row, "component", component.Id, component.Version);
        if (row.NameKey != CaseInsensitiveKey.Of(component.Name))
        {
            await RefuseTakenNameAsync(session, component with { PageId = row.PageId }, cancellationToken);
        }

        row.CopyDescriptiveFrom(component);
        await SaveAsync(session, "component", null, cancellationToken);
        return row.ToModel();
    }

    /// <remarks>One query of the rows whose upstream URL is set (no index: read once per poll interval).</remarks>
    public async Task<IReadOnlyList<Component>> ListUpstreamComponentsAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<ComponentEntity>().AsNoTracking().Where(c => c.UpstreamUrl != null).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToModel())];
    }

    /// <remarks>
    /// One <c>UPDATE … WHERE id = @id AND version = @expected AND upstream_url IS NOT NULL AND upstream_read_at = @read</c>
    /// (<c>IS NULL</c> before the first read): zero rows is another host's read, an edit, or a missing component.
    /// </remarks>
    public async Task<bool> RecordUpstreamStatusAsync(
        Guid componentId, long expectedVersion, DateTimeOffset? expectedReadAt, ComponentStatus status, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var at = Instants.ToStore(readAt);
        var expected = Instants.ToStore(expectedReadAt);
        await using var session = await OpenAsync(cancellationToken);
        var rows = session.Set<ComponentEntity>().Where(c => c.Id == componentId && c.Version == expectedVersion && c.UpstreamUrl != null);
        rows = expected is { } previous ? rows.Where(c => c.UpstreamReadAt == previous) : rows.Where(c => c.UpstreamReadAt == null);
        return await rows.ExecuteUpdateAsync(
            set => set.SetProperty(c => c.UpstreamStatus, status).SetProperty(c => c.UpstreamReadAt, at),
            cancellationToken) > 0;
    }

    // A name another component of the page holds (ignoring case) is a conflict found by a read, as a taken slug is
    // (RefuseTakenSlugAsync): no failed command for EF Core to log as an error. The unique index still decides a race.
    private static async Task RefuseTakenNameAsync(Session session, Component component, CancellationToken cancellationToken)
    {
        var key = CaseInsensitiveKey.Of(component.Name);
        if (await session.Set<ComponentEntity>().AnyAsync(c => c.PageId == component.PageId && c.NameKey == key && c.Id != component.Id, cancellationToken))
        {
            throw Conflict("name", "component");
        }
    }

    /// <remarks>
    /// The component's history goes in the same transaction, found through the page's (page, time) index: history
    /// has no (component, time) index for a foreign-key cascade to use (see <see cref="HistoryChain"/>). Its id leaves
    /// the JSON id lists of the page's incidents, incident templates, windows and subscribers in the same command
    /// (<see cref="ForgetComponentSql"/>), which runs before the component row goes because it reads the row's page.
    /// </remarks>
    public async Task<bool> DeleteComponentAsync(Guid componentId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        // An UPDATE of the row at the expected version that changes nothing, before the history and the references are
        // touched: no row is a stale version (or a missing component), and on PostgreSQL the row stays locked until the
        // delete commits, so an edit cannot land in between.
        if (expectedVersion is { } expected
            && await session.Set<ComponentEntity>()
                .Where(c => c.Id == componentId && c.Version == expected)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Version, c => c.Version), cancellationToken) == 0)
        {
            return await session.Set<ComponentEntity>().AnyAsync(c => c.Id == componentId, cancellationToken)
                ? throw StaleVersion.Of("component", componentId, expected)
                : false;
        }

        var s = session.Schema;
        string H(string property) => s.Column<StatusHistoryEntity>(property);
        string C(string property) => s.Column<ComponentEntity>(property);
        await session.ExecuteAsync(
            $"DELETE FROM {s.Table<StatusHistoryEntity>()} WHERE {H(nameof(StatusHistoryEntity.ComponentId))} = {{0}} AND {H(nameof(StatusHistoryEntity.PageId))} = " +
            $"(SELECT {C(nameof(ComponentEntity.PageId))} FROM {s.Table<ComponentEntity>()} WHERE {C(nameof(ComponentEntity.Id))} = {{0}});\n" +
            ForgetComponentSql(session),
            [componentId, componentId.ToString("D", CultureInfo.InvariantCulture)],
            cancellationToken);
        var deleted = await session.Set<ComponentEntity>().Where(c => c.Id == componentId).ExecuteDeleteAsync(cancellationToken) > 0;
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Four set-based statements that take the component <c>{0}</c> (its id as JSON text in <c>{1}</c>) out of the id
    /// lists of its page's incidents, incident templates, windows and subscribers, each found through its page index. The version of each
    /// changed row moves on, so an update computed from it before loses its compare-and-set instead of writing the id
    /// back; a subscriber left with an empty list, which would follow every component, is deactivated
    /// (<see cref="SubscriberDeactivationReason.ComponentsDeleted"/>).
    /// </summary>
    private static string ForgetComponentSql(Session session)
    {
        var s = session.Schema;
        var d = session.Dialect;
        var pageOfComponent =
            $"(SELECT {s.Column<ComponentEntity>(nameof(ComponentEntity.PageId))} FROM {s.Table<ComponentEntity>()} " +
            $"WHERE {s.Column<ComponentEntity>(nameof(ComponentEntity.Id))} = {{0}})";

        // The four entities name their page, id-list and version properties alike.
        const string PageId = nameof(StatusIncidentEntity.PageId);
        const string ComponentIds = nameof(StatusIncidentEntity.ComponentIds);
        const string Version = nameof(StatusIncidentEntity.Version);
        string Statement<T>(string extraAssignments)
        {
            var ids = $"r.{s.Column<T>(ComponentIds)}";
            var version = s.Column<T>(Version);
            return $"UPDATE {s.Table<T>()} AS r SET {s.Column<T>(ComponentIds)} = {d.JsonIdsWithout(ids, "{1}")}, {version} = r.{version} + 1{extraAssignments} " +
                   $"WHERE r.{s.Column<T>(PageId)} = {pageOfComponent} AND {d.JsonIdsContain(ids, "{1}")};\n";
        }

        var active = s.Column<SubscriberEntity>(nameof(SubscriberEntity.IsActive));
        var reason = s.Column<SubscriberEntity>(nameof(SubscriberEntity.DeactivationReason));
        var subscriberIds = $"r.{s.Column<SubscriberEntity>(ComponentIds)}";
        var holdsOthers = d.JsonIdsHoldOtherThan(subscriberIds, "{1}");
        // Both assignments read the row as it was: one that was active and holds no other id stops, and says why.
        return Statement<StatusIncidentEntity>("") +
               Statement<IncidentTemplateEntity>("") +
               Statement<MaintenanceWindowEntity>("") +
               Statement<SubscriberEntity>(
                   $", {active} = r.{active} AND {holdsOthers}" +
                   $", {reason} = CASE WHEN r.{active} AND NOT ({holdsOthers}) THEN {((int)SubscriberDeactivationReason.ComponentsDeleted).ToString(CultureInfo.InvariantCulture)} ELSE r.{reason} END");
    }

    /// <remarks>
    /// In one transaction: first an <c>UPDATE</c> of the page row that changes nothing locks that row, at the expected
    /// page version when one is given (so a stale one is refused before anything is written), then the components
    /// whose order changes are written, and the page's version moves when any did. Every reorder takes the page row's
    /// lock first, with or without an expected version, so on PostgreSQL two reorders of one page run one after the
    /// other: the second waits on the page row until the first commits, and then reads and writes the orders the first
    /// left (or, given the version the first moved, is refused). Without that lock their updates of the component rows
    /// could interleave row by row and leave a mix of both orders. The version returned is the expected one (moved by
    /// one when an order changed); without one it is read in the transaction, after the page row's lock, so no other
    /// write can have moved it since.
    /// </remarks>
    public async Task<long> ReorderComponentsAsync(Guid pageId, IReadOnlyList<Guid> orderedComponentIds, long? expectedPageVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderedComponentIds);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        await EnsurePageExistsAsync(session, pageId, cancellationToken);

        // The page row's lock serialises every reorder of the page, not only the compare-and-set ones.
        var page = session.Set<PageEntity>().Where(p => p.Id == pageId);
        if (expectedPageVersion is { } expected)
        {
            page = page.Where(p => p.Version == expected);
        }

        if (await page.ExecuteUpdateAsync(set => set.SetProperty(p => p.Version, p => p.Version), cancellationToken) == 0)
        {
            // The page was there a statement ago: without an expected version it has been deleted since.
            throw expectedPageVersion is { } stale ? StaleVersion.Of("page", pageId, stale) : MissingPage(pageId);
        }

        var onPage = (await session.Set<ComponentEntity>().Where(c => c.PageId == pageId).Select(c => c.Id).ToListAsync(cancellationToken))
            .ToHashSet();
        var listed = orderedComponentIds.ToHashSet();
        if (listed.Count != orderedComponentIds.Count || !listed.SetEquals(onPage))
        {
            throw new StatusKitValidationException(
                "componentIds",
                $"The new order must list each of the page's {onPage.Count} components exactly once; " +
                $"got {orderedComponentIds.Count} ids ({listed.Count} distinct). Reload the components and retry.");
        }

        var moved = false;
        if (orderedComponentIds.Count > 0)
        {
            using var rows = new JsonRowsBuilder(session.Dialect);
            for (var index = 0; index < orderedComponentIds.Count; index++)
            {
                rows.StartRow().Add("i", orderedComponentIds[index]).Add("o", index).EndRow();
            }

            // A component already at its place keeps its version (and is not written).
            var s = session.Schema;
            var order = s.Column<ComponentEntity>(nameof(ComponentEntity.DisplayOrder));
            var version = s.Column<ComponentEntity>(nameof(ComponentEntity.Version));
            var sql =
                $"UPDATE {s.Table<ComponentEntity>()} AS c SET {order} = j.o, {version} = c.{version} + 1 " +
                $"FROM {session.Dialect.JsonRows("{0}", "j", [new("i", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32)])} " +
                $"WHERE c.{s.Column<ComponentEntity>(nameof(ComponentEntity.Id))} = j.i AND c.{order} <> j.o";
            moved = await session.ExecuteAsync(sql, [rows.Build()], cancellationToken) > 0;
            if (moved)
            {
                await session.Set<PageEntity>()
                    .Where(p => p.Id == pageId)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            }
        }

        var pageVersion = expectedPageVersion is { } known
            ? known + (moved ? 1 : 0)
            : await session.Set<PageEntity>().Where(p => p.Id == pageId).Select(p => p.Version).SingleAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pageVersion;
    }

    /// <summary>The rows as models in <paramref name="order"/> (read unordered, see <see cref="RowReader.SelectInAnyOrder{T}"/>).</summary>
    private static Component[] SortedModels(List<ComponentEntity> rows, Comparison<Component> order)
    {
        var models = new Component[rows.Count];
        for (var i = 0; i < models.Length; i++)
        {
            models[i] = rows[i].ToModel();
        }

        Array.Sort(models, order);
        return models;
    }
}
