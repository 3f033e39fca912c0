using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    // Per page, in (occurrence time, id) order, oldest first; kept when the page is deleted, as the port asks.
    private readonly Dictionary<Guid, SortedList<(DateTimeOffset At, Guid Id), AuditEntry>> _auditByPage = [];
    private readonly HashSet<Guid> _auditIds = [];

    /// <inheritdoc />
    public Task AddAuditEntryAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(entry);
                ArgumentException.ThrowIfNullOrEmpty(entry.Actor, "entry.Actor");
                ArgumentException.ThrowIfNullOrEmpty(entry.Action, "entry.Action");
                ArgumentException.ThrowIfNullOrEmpty(entry.TargetKind, "entry.TargetKind");
                var stored = entry with { Fields = ReadOnlyLists.Freeze(entry.Fields, "entry.Fields") };
                if (!_auditIds.Add(stored.Id))
                {
                    throw DuplicateId("audit entry", stored.Id);
                }

                if (!_auditByPage.TryGetValue(stored.PageId, out var log))
                {
                    _auditByPage[stored.PageId] = log = [];
                }

                log.Add((stored.OccurredAt.ToUniversalTime(), stored.Id), stored);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ListAuditEntriesAsync(Guid pageId, AuditLogQuery query, CancellationToken cancellationToken)
    {
        return Run<IReadOnlyList<AuditEntry>>(
            () =>
            {
                ArgumentNullException.ThrowIfNull(query);
                ArgumentOutOfRangeException.ThrowIfNegative(query.Take, "query.Take");
                if (!_auditByPage.TryGetValue(pageId, out var log))
                {
                    return [];
                }

                var found = new List<AuditEntry>(Math.Min(query.Take, log.Count));
                for (var i = log.Count - 1; i >= 0 && found.Count < query.Take; i--)
                {
                    var entry = log.Values[i];
                    if (query.After is { } after && (entry.OccurredAt > after.OccurredAt || (entry.OccurredAt == after.OccurredAt && entry.Id.CompareTo(after.Id) >= 0)))
                    {
                        continue;
                    }

                    if ((query.ActionPrefix is null || entry.Action.StartsWith(query.ActionPrefix, StringComparison.Ordinal))
                        && (query.TargetId is null || entry.TargetId == query.TargetId))
                    {
                        found.Add(entry);
                    }
                }

                return found;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteAuditEntriesAsync(DateTimeOffset occurredBefore, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                var removed = 0;
                foreach (var (pageId, log) in _auditByPage.ToArray())
                {
                    while (log.Count > 0 && log.Values[0].OccurredAt < occurredBefore)
                    {
                        _auditIds.Remove(log.Values[0].Id);
                        log.RemoveAt(0);
                        removed++;
                    }

                    if (log.Count == 0)
                    {
                        _auditByPage.Remove(pageId);
                    }
                }

                return removed;
            },
            cancellationToken);
}
