using StatusKit.Notifications;

namespace StatusKit.Abstractions;

/// <summary>
/// The outbox rules of <see cref="IStatusStore.EnqueueNotificationsAsync"/>, for store implementations: applied to one
/// batch over the stored rows it can touch (<see cref="KeysOf"/> says which: those holding one of its deduplication
/// keys, and the Pending unleased rows of its coalesce keys), in list order, so later notifications see earlier ones.
/// The result is a set of <see cref="Inserts"/> and <see cref="Merges"/> for the store to write atomically.
/// </summary>
public sealed class OutboxStaging
{
    private readonly Dictionary<Guid, Notification> _stored;
    private readonly Dictionary<Guid, Notification> _staged = [];
    private readonly Dictionary<string, Guid> _keys = new(StringComparer.Ordinal);

    // The ids of the rows, stored or staged, of each coalesce key: a batch of n notices finds its targets in O(n), not
    // by scanning every row for each (a fan-out of 50,000 notices took half a minute that way).
    private readonly Dictionary<string, List<Guid>> _byCoalesceKey = new(StringComparer.Ordinal);

    /// <summary>Stages over <paramref name="stored"/>: the stored rows the batch can touch (more do no harm).</summary>
    public OutboxStaging(IEnumerable<Notification> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _stored = stored.ToDictionary(n => n.Id);
        foreach (var row in _stored.Values)
        {
            _keys[row.DeduplicationKey] = row.Id;
            IndexCoalesceKey(row);
        }
    }

    /// <summary>How many notifications were inserted or merged.</summary>
    public int Count { get; private set; }

    /// <summary>The rows to insert.</summary>
    public IEnumerable<Notification> Inserts => _staged.Values.Where(n => !_stored.ContainsKey(n.Id));

    /// <summary>The stored rows that take new content, deduplication key and due time.</summary>
    public IEnumerable<Notification> Merges => _staged.Values.Where(n => _stored.ContainsKey(n.Id));

    /// <summary>The deduplication and coalesce keys of a batch: what to load before staging it.</summary>
    public static (string[] DeduplicationKeys, string[] CoalesceKeys) KeysOf(IReadOnlyList<Notification> notifications) =>
        (notifications.Select(n => n.DeduplicationKey).Distinct(StringComparer.Ordinal).ToArray(),
         notifications.Select(n => n.CoalesceKey).OfType<string>().Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>Throws <see cref="ArgumentException"/> for a null notification or one without key or content.</summary>
    public static void Validate(IReadOnlyList<Notification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        foreach (var notification in notifications)
        {
            if (notification is null)
            {
                throw new ArgumentException("The list of notifications must not contain null.", nameof(notifications));
            }

            if (notification.DeduplicationKey is null || notification.Content is null)
            {
                throw new ArgumentException(
                    $"The notification '{notification.Id}' needs a deduplication key and content.",
                    nameof(notifications));
            }
        }
    }

    /// <summary>Stages one notification: skipped (its deduplication key exists), merged into a coalescing row, or inserted.</summary>
    public void Add(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (KeyExists(notification.DeduplicationKey))
        {
            return;
        }

        if (notification.CoalesceKey is { } coalesceKey && FindCoalesceTarget(coalesceKey) is { } target)
        {
            var due = target.NotAfter is { } notAfter && notAfter < notification.DueAt ? notAfter : notification.DueAt;
            Stage(target with
            {
                Content = NotificationPlanner.Merged(target.Content, notification.Content),
                DeduplicationKey = notification.DeduplicationKey,
                DueAt = due,
            });
            return;
        }

        if (_staged.ContainsKey(notification.Id) || _stored.ContainsKey(notification.Id))
        {
            throw new StatusKitConflictException("id", $"A notification with id '{notification.Id}' already exists; use a new id.");
        }

        Stage(notification);
    }

    private Notification Current(Guid id) => _staged.TryGetValue(id, out var staged) ? staged : _stored[id];

    private bool KeyExists(string key) =>
        _keys.TryGetValue(key, out var id) && string.Equals(Current(id).DeduplicationKey, key, StringComparison.Ordinal);

    private Notification? FindCoalesceTarget(string coalesceKey) =>
        _byCoalesceKey.TryGetValue(coalesceKey, out var ids)
            ? ids.Select(Current)
                .Where(n => n.State == NotificationState.Pending
                            && n.LeaseOwner is null
                            && string.Equals(n.CoalesceKey, coalesceKey, StringComparison.Ordinal))
                .OrderByDescending(n => n.CreatedAt)
                .ThenByDescending(n => n.Id)
                .FirstOrDefault()
            : null;

    private void Stage(Notification row)
    {
        if (!_staged.ContainsKey(row.Id) && !_stored.ContainsKey(row.Id))
        {
            IndexCoalesceKey(row);
        }

        _staged[row.Id] = row;
        _keys[row.DeduplicationKey] = row.Id;
        Count++;
    }

    private void IndexCoalesceKey(Notification row)
    {
        if (row.CoalesceKey is not { } key)
        {
            return;
        }

        if (!_byCoalesceKey.TryGetValue(key, out var ids))
        {
            _byCoalesceKey[key] = ids = [];
        }

        ids.Add(row.Id);
    }
}
