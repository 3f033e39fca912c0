using StatusKit.Notifications;

namespace StatusKit.InMemory;

/// <summary>
/// The notifications of one enqueue, staged over the in-memory outbox with the rules of
/// <see cref="Abstractions.IStatusStore.EnqueueNotificationsAsync"/>, so that the whole batch is checked before any row
/// is written (all or nothing). Later notifications of a batch see the earlier ones.
/// </summary>
internal sealed class OutboxBatch
{
    private readonly IReadOnlyDictionary<Guid, Notification> _rows;
    private readonly IReadOnlyDictionary<string, Guid> _keys;
    private readonly Dictionary<Guid, Notification> _staged = [];
    private readonly Dictionary<string, Guid> _stagedKeys = new(StringComparer.Ordinal);

    /// <summary>Stages over the stored <paramref name="rows"/> and their deduplication key index.</summary>
    public OutboxBatch(IReadOnlyDictionary<Guid, Notification> rows, IReadOnlyDictionary<string, Guid> keys)
    {
        _rows = rows;
        _keys = keys;
    }

    /// <summary>How many rows the batch inserts or merges.</summary>
    public int Count { get; private set; }

    /// <summary>Stages one notification: skipped, merged into a coalescing row, or inserted.</summary>
    public void Add(Notification notification)
    {
        Validate(notification);
        if (KeyExists(notification.DeduplicationKey))
        {
            return;
        }

        if (notification.CoalesceKey is { } coalesceKey && FindCoalesceTarget(coalesceKey) is { } target)
        {
            var due = target.NotAfter is { } notAfter && notAfter < notification.DueAt ? notAfter : notification.DueAt;
            Stage(target with { Content = notification.Content, DeduplicationKey = notification.DeduplicationKey, DueAt = due });
            return;
        }

        if (_rows.ContainsKey(notification.Id) || _staged.ContainsKey(notification.Id))
        {
            throw new StatusKitConflictException("id", $"A notification with id '{notification.Id}' already exists; use a new id.");
        }

        Stage(notification);
    }

    /// <summary>Writes the staged rows into the outbox and its key index.</summary>
    public void ApplyTo(Dictionary<Guid, Notification> rows, Dictionary<string, Guid> keys)
    {
        foreach (var row in _staged.Values)
        {
            if (rows.TryGetValue(row.Id, out var old) && keys.TryGetValue(old.DeduplicationKey, out var owner) && owner == row.Id)
            {
                keys.Remove(old.DeduplicationKey);
            }
        }

        foreach (var row in _staged.Values)
        {
            rows[row.Id] = row;
            keys[row.DeduplicationKey] = row.Id;
        }
    }

    private static void Validate(Notification notification)
    {
        if (notification is null)
        {
            throw new ArgumentException("The list of notifications must not contain null.", nameof(notification));
        }

        if (notification.DeduplicationKey is null || notification.Content is null)
        {
            throw new ArgumentException(
                $"The notification '{notification.Id}' needs a deduplication key and content.",
                nameof(notification));
        }
    }

    private Notification Current(Guid id) => _staged.TryGetValue(id, out var staged) ? staged : _rows[id];

    private bool KeyExists(string key) =>
        (_stagedKeys.TryGetValue(key, out var stagedId) && Current(stagedId).DeduplicationKey == key)
        || (_keys.TryGetValue(key, out var storedId) && Current(storedId).DeduplicationKey == key);

    private Notification? FindCoalesceTarget(string coalesceKey) =>
        _rows.Keys
            .Concat(_staged.Keys.Where(id => !_rows.ContainsKey(id)))
            .Select(Current)
            .Where(n => n.State == NotificationState.Pending
                        && n.LeaseOwner is null
                        && string.Equals(n.CoalesceKey, coalesceKey, StringComparison.Ordinal))
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .FirstOrDefault();

    private void Stage(Notification row)
    {
        _staged[row.Id] = row;
        _stagedKeys[row.DeduplicationKey] = row.Id;
        Count++;
    }
}
