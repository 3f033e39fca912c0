using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task AddAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor, "entry.Actor");
        ArgumentException.ThrowIfNullOrEmpty(entry.Action, "entry.Action");
        ArgumentException.ThrowIfNullOrEmpty(entry.TargetKind, "entry.TargetKind");
        ArgumentNullException.ThrowIfNull(entry.Fields, "entry.Fields");
        await using var session = await OpenAsync(cancellationToken);
        session.Set<AuditEntryEntity>().Add(AuditEntryEntity.From(entry));
        await SaveAsync(session, "audit entry", null, cancellationToken);
    }

    /// <remarks>
    /// Seeks the (page, occurrence time, id) index backwards from the cursor: the keyset condition is written as
    /// "earlier, or as early with a smaller id", which both providers compare in the index's order (uuid bytes on
    /// PostgreSQL, the upper-case text of the id on SQLite, each the RFC 9562 order that <see cref="Guid.CompareTo(Guid)"/> uses).
    /// </remarks>
    public async Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(Guid pageId, AuditLogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take, "query.Take");
        await using var session = await OpenAsync(cancellationToken);
        var rows = session.Set<AuditEntryEntity>().AsNoTracking().Where(e => e.PageId == pageId);
        if (query.After is { } after)
        {
            var at = Instants.ToStore(after.OccurredAt);
            var id = after.Id;
            rows = rows.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id.CompareTo(id) < 0));
        }

        if (query.ActionPrefix is { } prefix)
        {
            // An equality of the leading characters, not StartsWith: SQLite's LIKE ignores the case of ASCII letters.
            var length = prefix.Length;
            rows = rows.Where(e => e.Action.Substring(0, length) == prefix);
        }

        if (query.TargetId is { } targetId)
        {
            rows = rows.Where(e => e.TargetId == targetId);
        }

        var found = await rows.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(query.Take).ToListAsync(cancellationToken);
        return [.. found.Select(e => e.ToModel())];
    }

    public async Task<int> DeleteAuditEntriesAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken)
    {
        var cutoff = Instants.ToStore(occurredBefore);
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<AuditEntryEntity>().Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
