using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Shared;

namespace StatusKit.InMemory;

/// <summary>
/// An <see cref="IStatusStore"/> that keeps everything in the memory of one process: for tests, demos and single-instance
/// hosts that can lose their state on restart. It is thread-safe and every call is atomic (one lock per store, never held
/// across an await); it is not shared between processes, so several hosts need the Entity Framework Core store.
/// </summary>
/// <remarks>
/// <para>Choices this store makes where the port leaves room (the shared contract tests pin the observable ones):</para>
/// <list type="bullet">
/// <item>Slugs are unique across pages and compared ordinally (case-sensitive).</item>
/// <item>Component and incident template names are unique per page ignoring case (their invariant upper-case forms compared ordinally, as
/// the Entity Framework Core store's key column does), so "API" and "api" cannot sit on one page.</item>
/// <item>Subscribers are unique per (page, channel, destination); an <see cref="SubscriberChannel.Email"/> destination
/// is compared ignoring case the same way, a Slack or webhook URL ordinally.</item>
/// <item>Adding an aggregate whose id is already stored throws <see cref="StatusKitConflictException"/> naming
/// <c>id</c>; adding a child of a missing page throws <see cref="StatusKitNotFoundException"/>.</item>
/// <item>Updates never move a child to another page: the stored page id is kept.</item>
/// <item>Lists inside stored aggregates are private read-only copies, so neither the caller's list nor a returned one
/// aliases the store's state.</item>
/// <item>A notification is merged into a coalescing row only while that row is Pending and has no lease owner; a row
/// whose lease expired without completion is not merged into until it is released, completed or re-claimed and completed.</item>
/// <item>A cancelled token yields a cancelled task and changes nothing; invalid arguments yield a faulted task.</item>
/// </list>
/// </remarks>
public sealed partial class InMemoryStatusStore : IStatusStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, StatusPage> _pages = [];
    private readonly Dictionary<Guid, Component> _components = [];
    private readonly Dictionary<Guid, MaintenanceWindow> _windows = [];
    private readonly Dictionary<Guid, StatusIncident> _incidents = [];
    private readonly Dictionary<Guid, IncidentTemplate> _templates = [];
    private readonly Dictionary<Guid, Subscriber> _subscribers = [];
    private readonly Dictionary<string, IncidentSignal> _signals = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, StatusHistoryEntry> _history = [];
    private readonly Dictionary<Guid, Notification> _notifications = [];
    private readonly Dictionary<string, Guid> _notificationIdsByDeduplicationKey = new(StringComparer.Ordinal);

    private Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            lock (_gate)
            {
                return Task.FromResult(operation());
            }
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private Task Run(Action operation, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                operation();
                return true;
            },
            cancellationToken);

    private void EnsurePageExists(Guid pageId)
    {
        if (!_pages.ContainsKey(pageId))
        {
            throw new StatusKitNotFoundException("page", pageId.ToString(), "pageId");
        }
    }

    /// <summary>The compare-and-set check of an update: <paramref name="expected"/> must be the stored version.</summary>
    private static void EnsureVersion(string resource, Guid id, long stored, long expected)
    {
        if (stored != expected)
        {
            throw StaleVersion.Of(resource, id, expected);
        }
    }

    /// <summary>
    /// The compare-and-set check of a delete: a record that is there (<paramref name="stored"/> not null) must be at
    /// <paramref name="expected"/> when one is given; a missing one is left to the delete, which reports it.
    /// </summary>
    private static void EnsureVersionToDelete(string resource, Guid id, long? stored, long? expected)
    {
        if (stored is { } version && expected is { } wanted)
        {
            EnsureVersion(resource, id, version, wanted);
        }
    }

    private static StatusKitConflictException DuplicateId(string resource, Guid id) =>
        new("id", $"{IndefiniteArticle.With(resource, capital: true)} with id '{id}' already exists; use a new id.");
}
