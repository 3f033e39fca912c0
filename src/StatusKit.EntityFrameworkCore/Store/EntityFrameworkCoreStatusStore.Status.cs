using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    /// <remarks>
    /// One command with seven result sets (components, pages, open signals, in-progress windows, unresolved incidents,
    /// their updates, deliverable subscribers), each filtered in SQL by the scope: one round-trip however many
    /// components the scope has. Ids of <see cref="StatusScope.ForComponents"/> that are not stored are ignored.
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
            Select<ComponentEntity>(
                "c",
                $"FROM {inScope}",
                $"{Cc(nameof(ComponentEntity.PageId))}, {Cc(nameof(ComponentEntity.DisplayOrder))}, {Cc(nameof(ComponentEntity.Name))}{collate}, {Cc(nameof(ComponentEntity.Id))}"),
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
                $"AND {Col<SubscriberEntity>("b", nameof(SubscriberEntity.PageId))} IN ({pageIds})",
                $"{Col<SubscriberEntity>("b", nameof(SubscriberEntity.CreatedAt))}, {Col<SubscriberEntity>("b", nameof(SubscriberEntity.Id))}"));

        return await session.QueryAsync(
            sql,
            argument is null ? [] : [argument],
            async reader =>
            {
                var sets = new ResultSets(reader, s, d, cancellationToken);
                var components = await sets.NextAsync<ComponentEntity>();
                var pages = await sets.NextAsync<PageEntity>();
                var signals = await sets.NextAsync<IncidentSignalEntity>();
                var windows = await sets.NextAsync<MaintenanceWindowEntity>();
                var incidents = await sets.NextAsync<StatusIncidentEntity>();
                var updates = await sets.NextAsync<StatusIncidentUpdateEntity>();
                var subscribers = await sets.NextAsync<SubscriberEntity>();
                return new StatusInputs
                {
                    Components = components.Select(c => c.ToModel()).ToArray(),
                    Pages = pages.Select(p => p.ToModel()).ToArray(),
                    OpenSignals = signals.Select(g => g.ToModel()).ToArray(),
                    InProgressWindows = windows.Select(w => w.ToModel()).ToArray(),
                    UnresolvedIncidents = WithUpdates(incidents, updates),
                    Subscribers = subscribers.Select(b => b.ToModel()).ToArray(),
                };
            },
            cancellationToken);
    }

    /// <remarks>
    /// One transaction and at most three commands however many components change: a set-based compare-and-set of
    /// the statuses (its row count must equal the number of changed components, else everything is rolled back and
    /// the result is false), the load of the outbox rows the notifications can touch, and one command that inserts the
    /// history rows and merges and inserts the notifications. Changes are checked in order, so a commit may change one
    /// component twice (A→B, then B→C). History rows get version 7 ids stamped with the change time (what
    /// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes, see <see cref="Version7Ids"/>).
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

        var finals = new Dictionary<Guid, (ComponentStatus Old, ComponentStatus New, DateTimeOffset At)>();
        foreach (var change in commit.Changes)
        {
            if (change is null)
            {
                throw new ArgumentException("The list of changes must not contain null.", nameof(commit));
            }

            if (finals.TryGetValue(change.ComponentId, out var staged))
            {
                if (staged.New != change.OldStatus)
                {
                    return false;
                }

                finals[change.ComponentId] = (staged.Old, change.NewStatus, change.At);
            }
            else
            {
                finals[change.ComponentId] = (change.OldStatus, change.NewStatus, change.At);
            }
        }

        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var s = session.Schema;
        var d = session.Dialect;
        string Cc(string property) => s.Column<ComponentEntity>(property);

        if (finals.Count > 0)
        {
            using var rows = new JsonRowsBuilder(d);
            foreach (var (id, (oldStatus, newStatus, at)) in finals)
            {
                rows.StartRow().Add("i", id).Add("o", (long)oldStatus).Add("n", (long)newStatus).Add("a", Instants.ToStore(at)).EndRow();
            }

            var compareAndSet =
                $"UPDATE {s.Table<ComponentEntity>()} AS c SET {Cc(nameof(ComponentEntity.Status))} = j.n, {Cc(nameof(ComponentEntity.StatusUpdatedAt))} = j.a " +
                $"FROM {d.JsonRows("{0}", "j", [new("i", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32), new("n", JsonColumnKind.Int32), new("a", JsonColumnKind.Instant)])} " +
                $"WHERE c.{Cc(nameof(ComponentEntity.Id))} = j.i AND c.{Cc(nameof(ComponentEntity.Status))} = j.o";
            if (await session.ExecuteAsync(compareAndSet, [rows.Build()], cancellationToken) != finals.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        var statements = new List<string>();
        var arguments = new List<object?>();
        if (commit.Changes.Count > 0)
        {
            statements.Add(HistoryInsert(session, commit.Changes, "{0}", out var historyArgument));
            arguments.Add(historyArgument);
        }

        if (commit.Notifications.Count > 0)
        {
            var staging = await StageAsync(session, commit.Notifications, cancellationToken);
            var (mergeSql, mergeArgument) = MergeStatement(session, staging, $"{{{arguments.Count}}}");
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

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<StatusHistoryEntry>> ListStatusHistoryAsync(Guid pageId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = Instants.ToStore(since);
        await using var session = await OpenAsync(cancellationToken);
        var history = session.Set<StatusHistoryEntity>().AsNoTracking();
        var rows = await history
            .Where(h => h.PageId == pageId
                        && (h.At >= from
                            || h.Id == history
                                .Where(x => x.ComponentId == h.ComponentId && x.At < from)
                                .OrderByDescending(x => x.At)
                                .ThenByDescending(x => x.Id)
                                .Select(x => x.Id)
                                .FirstOrDefault()))
            .OrderBy(h => h.At)
            .ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <summary>
    /// Inserts one history row per change, taking each row's page from its component (so a change naming another page
    /// cannot write a row the page's cascade would miss).
    /// </summary>
    private static string HistoryInsert(Session session, IReadOnlyList<ComponentStatusChange> changes, string parameter, out object argument)
    {
        var s = session.Schema;
        string H(string property) => s.Column<StatusHistoryEntity>(property);
        using var rows = new JsonRowsBuilder(session.Dialect);
        var ids = new Version7Ids(changes.Count);
        foreach (var change in changes)
        {
            rows.StartRow()
                .Add("i", ids.Next(change.At))
                .Add("c", change.ComponentId)
                .Add("o", (long)change.OldStatus)
                .Add("n", (long)change.NewStatus)
                .Add("a", Instants.ToStore(change.At))
                .Add("r", change.Cause ?? "")
                .EndRow();
        }

        argument = rows.Build();
        return
            $"INSERT INTO {s.Table<StatusHistoryEntity>()} ({H(nameof(StatusHistoryEntity.Id))}, {H(nameof(StatusHistoryEntity.PageId))}, " +
            $"{H(nameof(StatusHistoryEntity.ComponentId))}, {H(nameof(StatusHistoryEntity.OldStatus))}, {H(nameof(StatusHistoryEntity.NewStatus))}, " +
            $"{H(nameof(StatusHistoryEntity.At))}, {H(nameof(StatusHistoryEntity.Cause))}) " +
            $"SELECT j.i, c.{s.Column<ComponentEntity>(nameof(ComponentEntity.PageId))}, j.c, j.o, j.n, j.a, j.r " +
            $"FROM {session.Dialect.JsonRows(parameter, "j", [new("i", JsonColumnKind.Uuid), new("c", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32), new("n", JsonColumnKind.Int32), new("a", JsonColumnKind.Instant), new("r", JsonColumnKind.Text)])} " +
            $"JOIN {s.Table<ComponentEntity>()} AS c ON c.{s.Column<ComponentEntity>(nameof(ComponentEntity.Id))} = j.c";
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
}
