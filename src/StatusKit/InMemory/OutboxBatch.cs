using StatusKit.Abstractions;
using StatusKit.Notifications;

namespace StatusKit.InMemory;

/// <summary>
/// Stages one enqueue over the in-memory outbox with the shared <see cref="OutboxStaging"/> rules, so the whole batch
/// is checked before any row is written (all or nothing), then writes it and keeps the deduplication-key index.
/// </summary>
internal static class OutboxBatch
{
    /// <summary>Stages <paramref name="notifications"/> over the rows they can touch; throws before anything is written.</summary>
    public static OutboxStaging Stage(
        IReadOnlyDictionary<Guid, Notification> rows,
        IReadOnlyDictionary<string, Guid> keys,
        IReadOnlyList<Notification> notifications)
    {
        OutboxStaging.Validate(notifications);
        var (deduplicationKeys, coalesceKeys) = OutboxStaging.KeysOf(notifications);
        var candidates = new Dictionary<Guid, Notification>();
        foreach (var key in deduplicationKeys)
        {
            if (keys.TryGetValue(key, out var id))
            {
                candidates[id] = rows[id];
            }
        }

        // Rows whose id the batch reuses, so the staging refuses the clash instead of overwriting them.
        foreach (var notification in notifications)
        {
            if (rows.TryGetValue(notification.Id, out var clash))
            {
                candidates[clash.Id] = clash;
            }
        }

        if (coalesceKeys.Length > 0)
        {
            var wanted = new HashSet<string>(coalesceKeys, StringComparer.Ordinal);
            foreach (var row in rows.Values)
            {
                if (row.CoalesceKey is { } coalesceKey && wanted.Contains(coalesceKey))
                {
                    candidates[row.Id] = row;
                }
            }
        }

        var staging = new OutboxStaging(candidates.Values);
        foreach (var notification in notifications)
        {
            staging.Add(notification);
        }

        return staging;
    }

    /// <summary>Writes the staged inserts and merges into the outbox and its deduplication-key index.</summary>
    public static void Apply(OutboxStaging staging, Dictionary<Guid, Notification> rows, Dictionary<string, Guid> keys)
    {
        foreach (var row in staging.Merges.Concat(staging.Inserts))
        {
            if (rows.TryGetValue(row.Id, out var old) && keys.TryGetValue(old.DeduplicationKey, out var owner) && owner == row.Id)
            {
                keys.Remove(old.DeduplicationKey);
            }

            rows[row.Id] = row;
            keys[row.DeduplicationKey] = row.Id;
        }
    }
}
