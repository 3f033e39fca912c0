using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Configuration;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    /// <remarks>
    /// One command with eight result sets (components, pages, open signals, in-progress windows, ended windows,
    /// unresolved incidents, their updates, deliverable subscribers), each filtered in SQL by the scope: one round-trip
    /// however many components the scope has (the ended windows are a seek of the (page, status switch time) index that
    /// finds nothing unless a component in scope is Under Maintenance), read under one read transaction (<see cref="SnapshotReads"/>) so that the result sets
    /// agree with each other. Ids of <see cref="StatusScope.ForComponents"/> that are not stored are ignored.
    /// </remarks>
    public async Task<StatusInputs> LoadStatusInputsAsync(StatusScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.ComponentIds is { Count: 0 })
        {
            return new StatusInputs
            {
                Components = [], Pages = [], OpenSignals = [], InProgressWindows = [], UnresolvedIncidents = [], Subscribers = [],
            };
        }

        await using var session = await OpenAsync(cancellationToken);
        var s = session.Schema;
        var d = session.Dialect;
        var collate = " COLLATE " + d.OrdinalCollation;
        string Cc(string property) => "c." + s.Column<ComponentEntity>(property);
        (string Filter, object? Argument) scoped = scope switch
        {
            { TeamId: { } teamId } => ($"{Cc(nameof(ComponentEntity.TeamId))} = {{0}}", (object)teamId),
            { PageId: { } pageId } => ($"{Cc(nameof(ComponentEntity.PageId))} = {{0}}", pageId),
            { ComponentIds: { } ids } => (d.InList(Cc(nameof(ComponentEntity.Id)), "{0}"), d.ListArgument(ids.Distinct())),
            _ => ("1 = 1", null),
        };
        var (filter, argument) = scoped;
        var inScope = $"{s.Table<ComponentEntity>()} AS c WHERE {filter}";
        var pageIds = $"SELECT {Cc(nameof(ComponentEntity.PageId))} FROM {inScope}";
        string Col<T>(string alias, string property) => alias + "." + s.Column<T>(property);
        var unresolvedIncidents =
            $"FROM {s.Table<StatusIncidentEntity>()} AS i WHERE {Col<StatusIncidentEntity>("i", nameof(StatusIncidentEntity.State))} <> {(int)StatusIncidentState.Resolved} " +
            $"AND {Col<StatusIncidentEntity>("i", nameof(StatusIncidentEntity.PageId))} IN ({pageIds})";

        string Select<T>(string alias, string from, string? orderBy)
            where T : new() => RowReader.Select<T>(s.EntityType<T>(), d, alias, from, orderBy);
        var sql = string.Join(
            ";\n",
            RowReader.SelectInAnyOrder<ComponentEntity>(s.EntityType<ComponentEntity>(), d, "c", s.Table<ComponentEntity>(), filter),
            Select<PageEntity>(
                "p",
                $"FROM {s.Table<PageEntity>()} AS p WHERE {Col<PageEntity>("p", nameof(PageEntity.Id))} IN ({pageIds})",
                $"{Col<PageEntity>("p", nameof(PageEntity.Name))}{collate}, {Col<PageEntity>("p", nameof(PageEntity.Id))}"),
            Select<IncidentSignalEntity>(
                "g",
                $"FROM {s.Table<IncidentSignalEntity>()} AS g " +
                $"WHERE {Col<IncidentSignalEntity>("g", nameof(IncidentSignalEntity.State))} IN ({(int)PlatformIncidentState.Triggered}, {(int)PlatformIncidentState.Acknowledged}) " +
                $"AND {Col<IncidentSignalEntity>("g", nameof(IncidentSignalEntity.TeamId))} IN (SELECT {Cc(nameof(ComponentEntity.TeamId))} FROM {inScope})",
                $"{Col<IncidentSignalEntity>("g", nameof(IncidentSignalEntity.IncidentId))}{collate}"),
            Select<MaintenanceWindowEntity>(
                "w",
                $"FROM {s.Table<MaintenanceWindowEntity>()} AS w " +
                $"WHERE {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.State))} = {(int)MaintenanceState.InProgress} " +
                $"AND {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.PageId))} IN ({pageIds})",
                $"{Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.OccurrenceStartsAt))}, {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.Id))}"),
            Select<MaintenanceWindowEntity>(
                "w",
                $"FROM {s.Table<MaintenanceWindowEntity>()} AS w " +
                $"WHERE {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.PageId))} IN ({pageIds}) " +
                $"AND {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.StatusSwitchedAt))} >= " +
                $"(SELECT MIN({Cc(nameof(ComponentEntity.StatusUpdatedAt))}) FROM {inScope} AND {Cc(nameof(ComponentEntity.Status))} = {(int)ComponentStatus.UnderMaintenance}) " +
                $"AND {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.State))} <> {(int)MaintenanceState.InProgress}",
                $"{Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.OccurrenceStartsAt))}, {Col<MaintenanceWindowEntity>("w", nameof(MaintenanceWindowEntity.Id))}"),
            Select<StatusIncidentEntity>(
                "i",
                unresolvedIncidents,
                $"{Col<StatusIncidentEntity>("i", nameof(StatusIncidentEntity.CreatedAt))} DESC, {Col<StatusIncidentEntity>("i", nameof(StatusIncidentEntity.Id))} DESC"),
            Select<StatusIncidentUpdateEntity>(
                "u",
                $"FROM {s.Table<StatusIncidentUpdateEntity>()} AS u " +
                $"WHERE {Col<StatusIncidentUpdateEntity>("u", nameof(StatusIncidentUpdateEntity.IncidentId))} IN " +
                $"(SELECT {Col<StatusIncidentEntity>("i", nameof(StatusIncidentEntity.Id))} {unresolvedIncidents})",
                null),
            Select<SubscriberEntity>(
                "b",
                $"FROM {s.Table<SubscriberEntity>()} AS b " +
                $"WHERE {Col<SubscriberEntity>("b", nameof(SubscriberEntity.IsActive))} = TRUE AND {Col<SubscriberEntity>("b", nameof(SubscriberEntity.IsVerified))} = TRUE " +
                $"AND {Col<SubscriberEntity>("b", nameof(SubscriberEntity.PageId))} IN ({pageIds}) " +
                $"AND {Col<SubscriberEntity>("b", nameof(SubscriberEntity.StatusIncidentId))} IS NULL",
                $"{Col<SubscriberEntity>("b", nameof(SubscriberEntity.CreatedAt))}, {Col<SubscriberEntity>("b", nameof(SubscriberEntity.Id))}"));

        return await session.QuerySnapshotAsync(
            sql,
            argument is null ? [] : [argument],
            async reader =>
            {
                var sets = new ResultSets(reader, s, d, cancellationToken);
                var components = await sets.NextAsync<ComponentEntity>();
                var pages = await sets.NextAsync<PageEntity>();
                var signals = await sets.NextAsync<IncidentSignalEntity>();
                var windows = await sets.NextAsync<MaintenanceWindowEntity>();
                var endedWindows = await sets.NextAsync<MaintenanceWindowEntity>();
                var incidents = await sets.NextAsync<StatusIncidentEntity>();
                var updates = await sets.NextAsync<StatusIncidentUpdateEntity>();
                var subscribers = await sets.NextAsync<SubscriberEntity>();
                return new StatusInputs
                {
                    Components = SortedModels(components, ComponentOrder.ByPageThenDisplay),
                    Pages = pages.Select(p => p.ToModel()).ToArray(),
                    OpenSignals = signals.Select(g => g.ToModel()).ToArray(),
                    InProgressWindows = windows.Select(w => w.ToModel()).ToArray(),
                    EndedWindows = endedWindows.Count == 0 ? [] : endedWindows.Select(w => w.ToModel()).ToArray(),
                    UnresolvedIncidents = WithUpdates(incidents, updates),
                    Subscribers = subscribers.Select(b => b.ToModel()).ToArray(),
                };
            },
            cancellationToken);
    }

    /// <remarks>
    /// One transaction and at most three commands however many components change: the history rows and a set-based
    /// compare-and-set of the statuses (its row count must equal the number of changes plus the number of changed
    /// components, else everything is rolled back and the result is false), the load of the outbox rows the
    /// notifications can touch, and one command that merges and inserts the notifications. Changes are checked in
    /// order, so a commit may change one component twice (A→B, then B→C). History rows get version 7 ids stamped with
    /// the change time (what <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes, see <see cref="Version7Ids"/>),
    /// and each is chained to the component's previous row (<see cref="HistoryChain"/>).
    /// </remarks>
    public async Task<bool> CommitStatusAsync(StatusCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Changes, "commit.Changes");
        OutboxStaging.Validate(commit.Notifications);
        if (commit.Changes.Count == 0 && commit.Notifications.Count == 0)
        {
            return true;
        }

        var changes = commit.Changes;
        var historyIds = new Guid[changes.Count];
        var previousInCommit = new Guid?[changes.Count];
        var finals = new Dictionary<Guid, FinalStatus>();
        var ids = new Version7Ids(changes.Count);
        for (var k = 0; k < changes.Count; k++)
        {
            var change = changes[k] ?? throw new ArgumentException("The list of changes must not contain null.", nameof(commit));
            historyIds[k] = ids.Next(change.At);
            if (finals.TryGetValue(change.ComponentId, out var staged))
            {
                if (staged.New != change.OldStatus)
                {
                    return false;
                }

                previousInCommit[k] = staged.LastHistoryId;
                finals[change.ComponentId] = staged with { New = change.NewStatus, At = change.At, LastHistoryId = historyIds[k] };
            }
            else
            {
                finals[change.ComponentId] = new FinalStatus(change.OldStatus, change.NewStatus, change.At, historyIds[k], historyIds[k]);
            }
        }

        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var s = session.Schema;

        if (finals.Count > 0)
        {
            var history = HistoryInsert(session, changes, historyIds, previousInCommit, "{0}", out var historyArgument);
            var compareAndSet = StatusCompareAndSet(session, finals, "{1}", out var statusArgument);
            var written = await session.ExecuteAsync(history + ";\n" + compareAndSet, [historyArgument, statusArgument], cancellationToken);
            if (written != changes.Count + finals.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        if (commit.Notifications.Count > 0)
        {
            var statements = new List<string>();
            var arguments = new List<object?>();
            var staging = await StageAsync(session, commit.Notifications, cancellationToken);
            var (mergeSql, mergeArgument) = MergeStatement(session, staging, "{0}");
            if (mergeSql.Length > 0)
            {
                statements.Add(mergeSql);
                arguments.Add(mergeArgument);
            }

            var (insertSql, insertArgument) = InsertStatement(session, staging, $"{{{arguments.Count}}}");
            if (insertSql.Length > 0)
            {
                statements.Add(insertSql);
                arguments.Add(insertArgument);
            }

            if (statements.Count > 0)
            {
                try
                {
                    await session.ExecuteAsync(string.Join(";\n", statements), arguments, cancellationToken);
                }
                catch (Exception exception) when (DbErrors.FindUniqueViolation(exception) is { } unique)
                {
                    throw ConflictFrom(s, unique, "notification");
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <remarks>
    /// One command. The entries since <paramref name="since"/> come from the (page, time) index; the latest entry
    /// before it, per component, is found through the history chain (<see cref="HistoryChain"/>): the row before the
    /// component's first entry since then, or the component's newest row when it has none since then. The chain is in
    /// commit order, which is time order unless two hosts' clocks disagree about consecutive changes of one component;
    /// then the entry before is the one committed before, and none when that one is stamped later than
    /// <paramref name="since"/>.
    /// </remarks>
    public async Task<IReadOnlyList<StatusHistoryEntry>> ListStatusHistoryAsync(Guid pageId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var s = session.Schema;
        var d = session.Dialect;
        string H(string alias, string property) => alias + "." + s.Column<StatusHistoryEntity>(property);
        string C(string property) => "c." + s.Column<ComponentEntity>(property);
        var history = s.Table<StatusHistoryEntity>();
        var sinceThen = $"{H("w", nameof(StatusHistoryEntity.PageId))} = {{0}} AND {H("w", nameof(StatusHistoryEntity.At))} >= {{1}}";
        var firstSinceThen =
            $"SELECT f.previous FROM (SELECT {H("w", HistoryChain.PreviousId)} AS previous, ROW_NUMBER() OVER (PARTITION BY {H("w", nameof(StatusHistoryEntity.ComponentId))} " +
            $"ORDER BY {H("w", nameof(StatusHistoryEntity.At))}, {H("w", nameof(StatusHistoryEntity.Id))}) AS n FROM {history} AS w WHERE {sinceThen}) AS f WHERE f.n = 1";
        var quietSinceThen =
            $"SELECT {C(HistoryChain.LastHistoryId)} FROM {s.Table<ComponentEntity>()} AS c WHERE {C(nameof(ComponentEntity.PageId))} = {{0}} " +
            $"AND {C(nameof(ComponentEntity.Id))} NOT IN (SELECT {H("w", nameof(StatusHistoryEntity.ComponentId))} FROM {history} AS w WHERE {sinceThen})";
        var rows =
            $"FROM (SELECT w.* FROM {history} AS w WHERE {sinceThen} " +
            $"UNION ALL SELECT x.* FROM {history} AS x WHERE {H("x", nameof(StatusHistoryEntity.PageId))} = {{0}} AND {H("x", nameof(StatusHistoryEntity.At))} < {{1}} " +
            $"AND {H("x", nameof(StatusHistoryEntity.Id))} IN ({firstSinceThen} UNION {quietSinceThen})) AS h";
        var sql = RowReader.Select<StatusHistoryEntity>(
            s.EntityType<StatusHistoryEntity>(), d, "h", rows, $"{H("h", nameof(StatusHistoryEntity.At))}, {H("h", nameof(StatusHistoryEntity.Id))}");
        var entries = await session.QueryAsync(
            sql,
            [pageId, Instants.ToStore(since)],
            reader => new ResultSets(reader, s, d, cancellationToken).NextAsync<StatusHistoryEntity>(),
            cancellationToken);
        return entries.Select(r => r.ToModel()).ToArray();
    }

    /// <summary>
    /// Inserts one history row per change, taking each row's page from its component (so a change naming another page
    /// cannot write a row the page's cascade would miss) and chaining it to the row before it: the previous change of
    /// the same commit, else the component's newest row. A change of a component that is not stored inserts nothing.
    /// </summary>
    private static string HistoryInsert(
        Session session, IReadOnlyList<ComponentStatusChange> changes, Guid[] ids, Guid?[] previousInCommit, string parameter, out object argument)
    {
        var s = session.Schema;
        string H(string property) => s.Column<StatusHistoryEntity>(property);
        string C(string property) => "c." + s.Column<ComponentEntity>(property);
        using var rows = new JsonRowsBuilder(session.Dialect);
        for (var k = 0; k < changes.Count; k++)
        {
            var change = changes[k];
            rows.StartRow()
                .Add("i", ids[k])
                .Add("c", change.ComponentId)
                .Add("o", (long)change.OldStatus)
                .Add("n", (long)change.NewStatus)
                .Add("a", Instants.ToStore(change.At))
                .Add("r", change.Cause ?? "")
                .Add("p", previousInCommit[k])
                .EndRow();
        }

        argument = rows.Build();
        return
            $"INSERT INTO {s.Table<StatusHistoryEntity>()} ({H(nameof(StatusHistoryEntity.Id))}, {H(nameof(StatusHistoryEntity.PageId))}, " +
            $"{H(nameof(StatusHistoryEntity.ComponentId))}, {H(nameof(StatusHistoryEntity.OldStatus))}, {H(nameof(StatusHistoryEntity.NewStatus))}, " +
            $"{H(nameof(StatusHistoryEntity.At))}, {H(nameof(StatusHistoryEntity.Cause))}, {H(HistoryChain.PreviousId)}) " +
            $"SELECT j.i, {C(nameof(ComponentEntity.PageId))}, j.c, j.o, j.n, j.a, j.r, COALESCE(j.p, {C(HistoryChain.LastHistoryId)}) " +
            $"FROM {session.Dialect.JsonRows(parameter, "j", [new("i", JsonColumnKind.Uuid), new("c", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32), new("n", JsonColumnKind.Int32), new("a", JsonColumnKind.Instant), new("r", JsonColumnKind.Text), new("p", JsonColumnKind.Uuid)])} " +
            $"JOIN {s.Table<ComponentEntity>()} AS c ON {C(nameof(ComponentEntity.Id))} = j.c";
    }

    /// <summary>
    /// The compare-and-set of the changed components: each is updated only while its status is still the commit's
    /// old status, and it becomes the head of its history chain. On PostgreSQL, where a concurrent commit can land
    /// between the history insert and this statement, the component's chain head must also still be the one the
    /// insert chained to; SQLite holds the database's write lock from the insert on.
    /// </summary>
    private static string StatusCompareAndSet(Session session, Dictionary<Guid, FinalStatus> finals, string parameter, out object argument)
    {
        var s = session.Schema;
        var d = session.Dialect;
        string Cc(string property) => s.Column<ComponentEntity>(property);
        using var rows = new JsonRowsBuilder(d);
        foreach (var (id, final) in finals)
        {
            rows.StartRow()
                .Add("i", id)
                .Add("o", (long)final.Old)
                .Add("n", (long)final.New)
                .Add("a", Instants.ToStore(final.At))
                .Add("f", final.FirstHistoryId)
                .Add("h", final.LastHistoryId)
                .EndRow();
        }

        argument = rows.Build();
        var unchangedHead = d.IsPostgreSql
            ? " AND " + d.NullSafeEquals(
                $"c.{Cc(HistoryChain.LastHistoryId)}",
                $"(SELECT h.{s.Column<StatusHistoryEntity>(HistoryChain.PreviousId)} FROM {s.Table<StatusHistoryEntity>()} AS h " +
                $"WHERE h.{s.Column<StatusHistoryEntity>(nameof(StatusHistoryEntity.Id))} = j.f)")
            : "";
        return
            $"UPDATE {s.Table<ComponentEntity>()} AS c SET {Cc(nameof(ComponentEntity.Status))} = j.n, {Cc(nameof(ComponentEntity.StatusUpdatedAt))} = j.a, " +
            $"{Cc(HistoryChain.LastHistoryId)} = j.h " +
            $"FROM {d.JsonRows(parameter, "j", [new("i", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32), new("n", JsonColumnKind.Int32), new("a", JsonColumnKind.Instant), new("f", JsonColumnKind.Uuid), new("h", JsonColumnKind.Uuid)])} " +
            $"WHERE c.{Cc(nameof(ComponentEntity.Id))} = j.i AND c.{Cc(nameof(ComponentEntity.Status))} = j.o{unchangedHead}";
    }

    /// <summary>The incidents as models, each with its updates out of <paramref name="updates"/> (read as a separate result set).</summary>
    private static StatusIncident[] WithUpdates(List<StatusIncidentEntity> incidents, List<StatusIncidentUpdateEntity> updates)
    {
        var updatesByIncident = updates.ToLookup(u => u.IncidentId);
        foreach (var incident in incidents)
        {
            incident.Updates = updatesByIncident[incident.Id].ToList();
        }

        return [.. incidents.Select(i => i.ToModel())];
    }

    /// <summary>Where a commit leaves one component: its status before and after, and its first and last history row.</summary>
    private readonly record struct FinalStatus(ComponentStatus Old, ComponentStatus New, DateTimeOffset At, Guid FirstHistoryId, Guid LastHistoryId);
}
