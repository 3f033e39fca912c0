using Microsoft.Extensions.DependencyInjection;
using StatusKit.Audit;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

/// <summary>
/// What a delete does to the records that named the deleted component (subscribers stopped or trimmed among them) is
/// part of the operator's one atomic delete, and its one <c>component.deleted</c> entry is its record: the subscribers
/// get no entries of their own, and a stopped one says why in its <see cref="Subscriber.DeactivationReason"/>.
/// </summary>
public sealed class DeletionAuditTests
{
    [Fact]
    public async Task DeletingAComponent_RecordsOneEntryByTheOperator_AndNoneForTheSubscribersItStoppedOrTrimmed()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var onlyApi = await SubscribeAsync(kit, page.Id, "https://151.101.1.140/a", c[0].Id);
        var both = await SubscribeAsync(kit, page.Id, "https://151.101.1.140/b", c[0].Id, c[1].Id);
        var before = await kit.Get<AuditLog>().ListAsync(page.Id, limit: 200);

        await kit.Components.DeleteAsync(c[0].Id);

        var after = (await kit.Get<AuditLog>().ListAsync(page.Id, limit: 200)).Entries;
        var entry = Assert.Single(after.Take(after.Count - before.Entries.Count));
        Assert.Equal(("alice", "component.deleted", c[0].Id), (entry.Actor, entry.Action, entry.TargetId));
        var stopped = (await kit.Subscribers.GetAsync(onlyApi.Id))!;
        var trimmed = (await kit.Subscribers.GetAsync(both.Id))!;
        Assert.Equal((false, SubscriberDeactivationReason.ComponentsDeleted), (stopped.IsActive, stopped.DeactivationReason));
        Assert.Equal([c[1].Id], trimmed.ComponentIds);
    }

    private static async Task<Subscriber> SubscribeAsync(StatusKitHarness kit, Guid pageId, string destination, params Guid[] componentIds) =>
        (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Webhook, Destination = destination, ComponentIds = componentIds, PreVerified = true,
        })).Subscriber;
}
