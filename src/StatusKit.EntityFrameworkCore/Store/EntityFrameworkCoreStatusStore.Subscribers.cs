using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<Subscriber?> GetSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        return row?.ToModel();
    }

    public async Task<Subscriber?> FindSubscriberByVerifyTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking()
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(s => s.VerifyTokenHash == tokenHash, cancellationToken);
        return row?.ToModel();
    }

    public async Task<Subscriber?> FindSubscriberByUnsubscribeTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking()
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(s => s.UnsubscribeTokenHash == tokenHash, cancellationToken);
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<SubscriberEntity>().AsNoTracking()
            .Where(s => s.PageId == pageId)
            .OrderBy(s => s.CreatedAt)
            .ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    public async Task AddSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(subscriber.Destination, "subscriber.Destination");
        await using var session = await OpenAsync(cancellationToken);
        await EnsurePageExistsAsync(session, subscriber.PageId, cancellationToken);
        session.Set<SubscriberEntity>().Add(SubscriberEntity.From(subscriber));
        await SaveAsync(session, "subscriber", () => MissingPage(subscriber.PageId), cancellationToken);
    }

    /// <remarks>The stored page is kept.</remarks>
    public async Task UpdateSubscriberAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(subscriber.Destination, "subscriber.Destination");
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().FirstOrDefaultAsync(s => s.Id == subscriber.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("subscriber", subscriber.Id.ToString());
        row.CopyFrom(subscriber with { PageId = row.PageId });
        await SaveAsync(session, "subscriber", null, cancellationToken);
    }

    public async Task<bool> DeleteSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<SubscriberEntity>().Where(s => s.Id == subscriberId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
