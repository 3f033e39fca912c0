using StatusKit.Abstractions;
using StatusKit.Notifications;

namespace StatusKit.Services;

/// <summary>
/// The delivery log: the notices StatusKit sent (or is still trying to send) to a subscriber, or to a page's
/// subscribers, newest first, with their state, attempts and last error, read from the notification outbox.
/// </summary>
public sealed class NotificationLog
{
    private const int MaxTake = 200;
    private readonly IStatusStore _store;

    internal NotificationLog(IStatusStore store) => _store = store;

    /// <summary>
    /// The <paramref name="subscriberId"/>'s notices, newest first (by creation time): at most <paramref name="take"/>
    /// (1 to 200, default 50), only those in <paramref name="state"/> when given. A take out of range or an undefined
    /// state is a <see cref="StatusKitValidationException"/> naming <c>take</c> or <c>state</c>; an unknown (or deleted)
    /// subscriber a <see cref="StatusKitNotFoundException"/> naming <c>subscriberId</c>.
    /// </summary>
    public async Task<IReadOnlyList<NotificationLogEntry>> ListForSubscriberAsync(
        Guid subscriberId, NotificationState? state = null, int take = 50, CancellationToken cancellationToken = default)
    {
        var query = Query(state, take) with { SubscriberId = subscriberId };
        _ = await _store.GetSubscriberAsync(subscriberId, cancellationToken)
            ?? throw new StatusKitNotFoundException("subscriber", subscriberId.ToString(), "subscriberId");
        return await ListAsync(query, cancellationToken);
    }

    /// <summary>
    /// The notices of every subscriber of <paramref name="pageId"/> (deleted subscribers' included), newest first (by
    /// creation time): at most <paramref name="take"/> (1 to 200, default 50), only those in <paramref name="state"/>
    /// when given. A take out of range or an undefined state is a <see cref="StatusKitValidationException"/> naming
    /// <c>take</c> or <c>state</c>; an unknown page a <see cref="StatusKitNotFoundException"/> naming <c>pageId</c>.
    /// </summary>
    public async Task<IReadOnlyList<NotificationLogEntry>> ListForPageAsync(
        Guid pageId, NotificationState? state = null, int take = 50, CancellationToken cancellationToken = default)
    {
        var query = Query(state, take) with { PageId = pageId };
        await _store.RequirePageAsync(pageId, cancellationToken);
        return await ListAsync(query, cancellationToken);
    }

    // Checked before the store is asked for anything.
    private static NotificationQuery Query(NotificationState? state, int take)
    {
        if (state is { } s)
        {
            Guard.Defined(s, "state");
        }

        Guard.Range(take, "take", 1, MaxTake);
        return new NotificationQuery { State = state, Take = take };
    }

    // The store filters, orders (newest first) and limits: a page's list never loads the page's whole outbox.
    private async Task<IReadOnlyList<NotificationLogEntry>> ListAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        var rows = await _store.ListNotificationsAsync(query, cancellationToken);
        return [.. rows.Select(NotificationLogEntry.From)];
    }
}
