using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

/// <summary>
/// What a subscriber does with its own links is recorded as made by <c>subscriber</c>, whoever the caller is, naming
/// the subscriber and the fields, never a token or the destination; a subscriber the dispatcher stops is <c>system</c>'s.
/// </summary>
public sealed class SubscriberSelfServiceAuditTests
{
    private const string Hook = "https://151.101.1.140/very-secret-path";

    [Fact]
    public async Task Confirming_ChangingItsChoice_AndUnsubscribing_AreRecordedOnce_AsTheSubscribers()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("anonymous")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = Hook });
        var id = subscription.Subscriber.Id;

        await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);
        await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);
        await kit.Subscribers.UpdateOwnChoiceAsync(page.Id, subscription.UnsubscribeToken, new UpdateSubscriber { ComponentIds = [c[0].Id] });
        await kit.Subscribers.UpdateOwnChoiceAsync(page.Id, subscription.UnsubscribeToken, new UpdateSubscriber { ComponentIds = [c[0].Id] });
        await kit.Subscribers.UnsubscribeAsync(page.Id, subscription.UnsubscribeToken);
        await kit.Subscribers.UnsubscribeAsync(page.Id, subscription.UnsubscribeToken);

        var entries = (await kit.Get<AuditLog>().ListAsync(page.Id, limit: 200)).Entries;
        Assert.Equal(
            [
                ("subscriber", "subscriber.unsubscribed", id, "isActive,deactivationReason"),
                ("subscriber", "subscriber.updated", id, "componentIds"),
                ("subscriber", "subscriber.verified", id, "isVerified"),
                ("anonymous", "subscriber.created", id, ""),
            ],
            entries.Take(4).Select(e => (e.Actor, e.Action, e.TargetId, string.Join(",", e.Fields))));
        var written = JsonSerializer.Serialize(entries);
        Assert.DoesNotContain("151.101.1.140", written, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.VerificationToken!, written, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.UnsubscribeToken, written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribingAfterAnOperatorDeactivated_RecordsOnlyTheReason()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = Hook, PreVerified = true,
        });
        await kit.Subscribers.DeactivateAsync(subscription.Subscriber.Id);

        await kit.Subscribers.UnsubscribeAsync(page.Id, subscription.UnsubscribeToken);

        var last = (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries[0];
        Assert.Equal(("subscriber", "subscriber.unsubscribed", "deactivationReason"), (last.Actor, last.Action, string.Join(",", last.Fields)));
    }

    [Fact]
    public async Task AnUnknownTokenChangesNothing_AndRecordsNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var unknown = new string('a', 64);

        Assert.Null(await kit.Subscribers.VerifyAsync(page.Id, unknown));
        Assert.False(await kit.Subscribers.UnsubscribeAsync(page.Id, unknown));
        Assert.Null(await kit.Subscribers.UpdateOwnChoiceAsync(page.Id, unknown, new UpdateSubscriber { NotifyOn = NotificationEvents.All }));

        Assert.Equal(["page.created"], (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task ASubscriberTheDispatcherStopsBecauseItsDestinationIsGone_IsRecordedAsSystems()
    {
        var email = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Gone("HTTP 410")) };
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<INotifier>(email);
            services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice"));
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true,
        })).Subscriber;
        await kit.Subscribers.SendTestNotificationAsync(subscriber.Id);

        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        var entries = (await kit.Get<AuditLog>().ListAsync(page.Id, actionPrefix: "subscriber.deactivated")).Entries;
        var entry = Assert.Single(entries);
        Assert.Equal(("system", subscriber.Id, "isActive"), (entry.Actor, entry.TargetId, string.Join(",", entry.Fields)));
    }

}
