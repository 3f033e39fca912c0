using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Shared;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    public Task<Subscriber?> GetSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        Run(() => _subscribers.GetValueOrDefault(subscriberId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Hashes are compared ordinally.</remarks>
    public Task<Subscriber?> FindSubscriberByVerifyTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(tokenHash);
                return _subscribers.Values.FirstOrDefault(s => string.Equals(s.VerifyTokenHash, tokenHash, StringComparison.Ordinal));
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<Subscriber?> FindSubscriberByDestinationAsync(Guid pageId, SubscriberChannel channel, string destination, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(destination);
                return OnPage(
                        _subscriberIdsByPage,
                        _subscribers,
                        pageId,
                        s => s.StatusIncidentId is null && s.Channel == channel && SubscriberDestinations.Same(channel, s.Destination, destination))
                    .FirstOrDefault();
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Hashes are compared ordinally.</remarks>
    public Task<Subscriber?> FindSubscriberByUnsubscribeTokenHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(tokenHash);
                return _subscribers.Values.FirstOrDefault(s => string.Equals(s.UnsubscribeTokenHash, tokenHash, StringComparison.Ordinal));
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Ordered by creation time, then id.</remarks>
    public Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Subscriber>>(
            () => OrderedSubscribers(OnPage(_subscriberIdsByPage, _subscribers, pageId, static s => s.StatusIncidentId is null)),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Read through the incident's page (a deleted incident's followers through a follower's page).</remarks>
    public Task<IReadOnlyList<Subscriber>> ListStatusIncidentSubscribersAsync(Guid incidentId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Subscriber>>(() => OrderedSubscribers(FollowersOf(incidentId)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Subscriber>>(
            () =>
            {
                ArgumentOutOfRangeException.ThrowIfNegative(skip);
                ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
                var subscribers = OnPage(_subscriberIdsByPage, _subscribers, pageId, static _ => true);
                return [.. ByTime(subscribers, static s => s.CreatedAt, static s => s.Id, newestFirst: true).Skip(skip).Take(take)];
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// An email destination is unique per page ignoring case (<see cref="SubscriberDestinations.Same"/>); a Slack
    /// or webhook URL is compared ordinally.
    /// </remarks>
    public Task AddSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateSubscriber(subscriber);
                ArgumentNullException.ThrowIfNull(notifications);
                EnsurePageExists(subscriber.PageId);
                if (_subscribers.ContainsKey(subscriber.Id))
                {
                    throw DuplicateId("subscriber", subscriber.Id);
                }

                EnsureDestinationFree(subscriber);
                Enqueue(notifications);
                AddTo(_subscriberIdsByPage, subscriber.PageId, subscriber.Id);
                _subscribers.Add(subscriber.Id, subscriber with
                {
                    ComponentIds = ReadOnlyLists.Freeze(subscriber.ComponentIds, nameof(subscriber.ComponentIds)),
                    Version = 1,
                });
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Compares destinations as <see cref="AddSubscriberAsync"/> does, through one set of the batch's pages' slots, so a
    /// batch costs its size plus its pages' subscribers, not their product.
    /// </remarks>
    public Task<SubscriberBatchOutcome> AddSubscribersAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(subscribers);
                ArgumentNullException.ThrowIfNull(notifications);
                if (subscribers.Count == 0)
                {
                    return SubscriberBatchOutcome.Empty;
                }

                var ids = new HashSet<Guid>();
                foreach (var subscriber in subscribers)
                {
                    ValidateSubscriber(subscriber);
                    EnsurePageExists(subscriber.PageId);
                    if (_subscribers.ContainsKey(subscriber.Id) || !ids.Add(subscriber.Id))
                    {
                        throw DuplicateId("subscriber", subscriber.Id);
                    }
                }

                var holders = new Dictionary<(Guid, Guid?, SubscriberChannel, string), Subscriber>();
                foreach (var pageId in subscribers.Select(static s => s.PageId).Distinct())
                {
                    foreach (var stored in OnPage(_subscriberIdsByPage, _subscribers, pageId, static _ => true))
                    {
                        holders.TryAdd(SlotOf(stored), stored);
                    }
                }

                var added = new List<Subscriber>(subscribers.Count);
                var taken = new Dictionary<Guid, Subscriber>();
                foreach (var subscriber in subscribers)
                {
                    var slot = SlotOf(subscriber);
                    if (holders.TryGetValue(slot, out var holder))
                    {
                        taken.Add(subscriber.Id, holder);
                        continue;
                    }

                    var stored = subscriber with
                    {
                        ComponentIds = ReadOnlyLists.Freeze(subscriber.ComponentIds, nameof(subscriber.ComponentIds)),
                        Version = 1,
                    };
                    holders.Add(slot, stored);
                    added.Add(stored);
                }

                Enqueue([.. notifications.Where(n => !taken.ContainsKey(n.SubscriberId))]);
                foreach (var subscriber in added)
                {
                    AddTo(_subscriberIdsByPage, subscriber.PageId, subscriber.Id);
                    _subscribers.Add(subscriber.Id, subscriber);
                }

                return new SubscriberBatchOutcome { Added = [.. added.Select(static s => s.Id)], Taken = taken };
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The stored page id is kept. A new destination that another subscriber of the page already uses on the channel
    /// throws <see cref="StatusKitConflictException"/> naming <c>destination</c>.
    /// </remarks>
    public Task<Subscriber> UpdateSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ValidateSubscriber(subscriber);
                ArgumentNullException.ThrowIfNull(notifications);
                if (!_subscribers.TryGetValue(subscriber.Id, out var stored))
                {
                    throw new StatusKitNotFoundException("subscriber", subscriber.Id.ToString());
                }

                EnsureVersion("subscriber", subscriber.Id, stored.Version, subscriber.Version);
                var next = subscriber with
                {
                    PageId = stored.PageId,
                    StatusIncidentId = stored.StatusIncidentId,
                    Version = stored.Version + 1,
                    ComponentIds = ReadOnlyLists.Freeze(subscriber.ComponentIds, nameof(subscriber.ComponentIds)),
                };
                EnsureDestinationFree(next);
                Enqueue(notifications);
                _subscribers[next.Id] = next;
                return next;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteSubscriberAsync(Guid subscriberId, long? expectedVersion, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                EnsureVersionToDelete("subscriber", subscriberId, _subscribers.GetValueOrDefault(subscriberId)?.Version, expectedVersion);
                return RemoveOnPage(_subscribers, _subscriberIdsByPage, subscriberId, static s => s.PageId);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteUnverifiedSubscribersAsync(DateTimeOffset issuedBefore, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                var expired = _subscribers.Values
                    .Where(s => !s.IsVerified && (s.VerifyTokenIssuedAt ?? s.CreatedAt) < issuedBefore)
                    .Select(s => s.Id)
                    .ToList();
                foreach (var id in expired)
                {
                    RemoveOnPage(_subscribers, _subscriberIdsByPage, id, static s => s.PageId);
                }

                return expired.Count;
            },
            cancellationToken);

    /// <summary>Sorts <paramref name="subscribers"/> by creation time, then id, and returns it.</summary>
    private static Subscriber[] OrderedSubscribers(Subscriber[] subscribers) =>
        ByTime(subscribers, static s => s.CreatedAt, static s => s.Id);

    private static void ValidateSubscriber(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.Destination is null || subscriber.UnsubscribeTokenHash is null)
        {
            throw new ArgumentException("The subscriber's destination and unsubscribe token hash must not be null.", nameof(subscriber));
        }
    }

    // The slot a subscriber occupies, equal for two subscribers exactly when SubscriberDestinations.Collide says so.
    private static (Guid PageId, Guid? StatusIncidentId, SubscriberChannel Channel, string Destination) SlotOf(Subscriber subscriber) =>
        (subscriber.PageId, subscriber.StatusIncidentId, subscriber.Channel, SubscriberDestinations.Key(subscriber.Channel, subscriber.Destination));

    private void EnsureDestinationFree(Subscriber subscriber)
    {
        if (_subscribers.Values.Any(s => s.Id != subscriber.Id && SubscriberDestinations.Collide(s, subscriber)))
        {
            throw new StatusKitConflictException(
                "destination",
                subscriber.StatusIncidentId is null
                    ? $"The page already has {IndefiniteArticle.With(ChannelNames.Of(subscriber.Channel))} subscriber for '{QuotedValue.Of(subscriber.Destination)}'."
                    : $"The incident already has {IndefiniteArticle.With(ChannelNames.Of(subscriber.Channel))} subscriber for '{QuotedValue.Of(subscriber.Destination)}'.");
        }
    }

    /// <summary>The subscribers that follow the incident <paramref name="incidentId"/>, found among its page's.</summary>
    private Subscriber[] FollowersOf(Guid incidentId)
    {
        var pageId = _incidents.GetValueOrDefault(incidentId)?.PageId
                     ?? _subscribers.Values.FirstOrDefault(s => s.StatusIncidentId == incidentId)?.PageId;
        return pageId is { } page ? OnPage(_subscriberIdsByPage, _subscribers, page, s => s.StatusIncidentId == incidentId) : [];
    }

    /// <summary>Deactivates the followers of a deleted incident (see <see cref="DeleteStatusIncidentAsync"/>).</summary>
    private void DeactivateFollowers(Guid incidentId, Guid pageId)
    {
        foreach (var follower in OnPage(_subscriberIdsByPage, _subscribers, pageId, s => s.StatusIncidentId == incidentId))
        {
            _subscribers[follower.Id] = follower with
            {
                IsActive = false,
                DeactivationReason = follower.IsActive ? SubscriberDeactivationReason.IncidentDeleted : follower.DeactivationReason,
                Version = follower.Version + 1,
            };
        }
    }
}
