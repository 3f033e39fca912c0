using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Webhooks;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class SubscriberServiceTests
{
    [Theory]
    [InlineData(SubscriberChannel.Email, " Ops@Example.com ", "Ops@Example.com")]
    [InlineData(SubscriberChannel.Slack, "https://hooks.slack.com/services/T0/B0/x", "https://hooks.slack.com/services/T0/B0/x")]
    [InlineData(SubscriberChannel.Webhook, "https://hooks.example.com/status", "https://hooks.example.com/status")]
    [InlineData(SubscriberChannel.Teams, " https://flows.example.com/workflows/a1/triggers/manual/paths/invoke?api-version=1&sig=x ", "https://flows.example.com/workflows/a1/triggers/manual/paths/invoke?api-version=1&sig=x")]
    [InlineData(SubscriberChannel.Discord, " https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123 ", "https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    public async Task Subscribe_EachChannel_StoresAnUnverifiedSubscriber_AndEnqueuesOneVerificationThroughThatChannel(SubscriberChannel channel, string destination, string stored)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = channel, Destination = destination });

        var subscriber = subscription.Subscriber;
        Assert.Equal((channel, stored), (subscriber.Channel, subscriber.Destination));
        Assert.False(subscriber.IsVerified);
        Assert.True(subscriber.IsActive);
        Assert.Equal(NotificationEvents.All, subscriber.NotifyOn);
        Assert.Matches("^[0-9a-f]{64}$", subscription.VerificationToken);
        Assert.Matches("^[0-9a-f]{64}$", subscription.UnsubscribeToken);
        Assert.Equal(SecretTokens.Hash(subscription.VerificationToken!), subscriber.VerifyTokenHash);
        Assert.Equal(SecretTokens.Hash(subscription.UnsubscribeToken), subscriber.UnsubscribeTokenHash);
        Assert.Equal(channel == SubscriberChannel.Webhook, subscriber.SigningSecret is not null);
        SameRecord(subscriber, await kit.Subscribers.GetAsync(subscriber.Id));
        var verification = Assert.Single(await OutboxAsync(kit, page.Id));
        Assert.Equal((NotificationKind.SubscriptionVerification, subscriber.Id, channel), (verification.Content.Kind, verification.SubscriberId, verification.Channel));
        Assert.Contains(subscription.VerificationToken!, verification.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionChannels_LimitsTheChannelsTaken_ToThoseListed_AndRefusesAnotherNamingChannel()
    {
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            services.Configure<StatusKit.Configuration.StatusPagesOptions>(o => o.SubscriptionChannels = [SubscriberChannel.Teams, SubscriberChannel.Email]);
        });
        var (page, _) = await kit.CreatePageAsync("Acme");

        var slack = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Slack, Destination = "https://hooks.slack.com/services/T0/B0/x" }));
        var email = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" });

        Assert.Equal([SubscriberChannel.Email, SubscriberChannel.Teams], kit.Subscribers.Channels);
        Assert.Equal(("channel", "This host takes no Slack subscriptions (it takes Email, Teams)."), (slack.Field, slack.Message));
        Assert.Equal(SubscriberChannel.Email, email.Subscriber.Channel);
        Assert.Equal([email.Subscriber.Id], (await kit.Subscribers.ListAsync(page.Id)).Select(s => s.Id));
    }

    [Fact]
    public async Task Channels_WithoutSubscriptionChannels_AreEveryChannelThatHasANotifier()
    {
        await using var withEmail = Kit();
        await using var withoutEmail = Kit(withEmail: false);

        Assert.Equal([SubscriberChannel.Email, SubscriberChannel.Slack, SubscriberChannel.Webhook, SubscriberChannel.Teams, SubscriberChannel.Discord], withEmail.Subscribers.Channels);
        Assert.Equal([SubscriberChannel.Slack, SubscriberChannel.Webhook, SubscriberChannel.Teams, SubscriberChannel.Discord], withoutEmail.Subscribers.Channels);
    }

    [Fact]
    public async Task Subscribe_StoresTheVerificationWithTheSubscriber_NotAfterIt()
    {
        // An outbox that refuses separate writes stands for a host that dies between the subscriber and its message.
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });

        var verification = Assert.Single(await OutboxAsync(kit, page.Id));
        Assert.Equal((NotificationKind.SubscriptionVerification, subscription.Subscriber.Id), (verification.Content.Kind, verification.SubscriberId));
    }

    [Fact]
    public async Task Verify_ActivatesTheSubscription_AndTheTokenWorksOnlyOnce()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });

        var verified = await kit.Subscribers.VerifyAsync(subscription.VerificationToken!);
        var again = await kit.Subscribers.VerifyAsync(subscription.VerificationToken!);

        Assert.NotNull(verified);
        Assert.True(verified.IsVerified);
        Assert.True(verified.IsDeliverable);
        Assert.Null(verified.VerifyTokenHash);
        Assert.Null(again);
        Assert.True((await kit.Subscribers.GetAsync(subscription.Subscriber.Id))!.IsVerified);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Verify_UnknownOrMalformedToken_IsNull_AndChangesNothing(string token)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });
        var before = await DumpAsync(kit.Store);

        Assert.Null(await kit.Subscribers.VerifyAsync(token));

        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Subscribe_PreVerified_IsDeliverableAtOnce_AndSendsNoVerification()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true,
            ComponentIds = [c[0].Id], NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved,
        });

        Assert.True(subscription.Subscriber.IsDeliverable);
        Assert.Null(subscription.VerificationToken);
        Assert.Null(subscription.Subscriber.VerifyTokenHash);
        Assert.Equal([c[0].Id], subscription.Subscriber.ComponentIds);
        Assert.Equal(NotificationEvents.Outage | NotificationEvents.Resolved, subscription.Subscriber.NotifyOn);
        Assert.Empty(await OutboxAsync(kit, page.Id));
    }

    [Fact]
    public async Task PageScoped_TokensOfAnotherPage_NeitherVerifyNorUnsubscribe_AndChangeNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (other, _) = await kit.CreatePageAsync("Other");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });
        var before = await DumpAsync(kit.Store);

        Assert.Null(await kit.Subscribers.VerifyAsync(other.Id, subscription.VerificationToken!));
        Assert.Null(await kit.Subscribers.FindByVerificationTokenAsync(other.Id, subscription.VerificationToken!));
        Assert.Null(await kit.Subscribers.FindByUnsubscribeTokenAsync(other.Id, subscription.UnsubscribeToken));
        Assert.False(await kit.Subscribers.UnsubscribeAsync(other.Id, subscription.UnsubscribeToken));

        Assert.Equal(before, await DumpAsync(kit.Store));
        Assert.Equal(subscription.Subscriber.Id, (await kit.Subscribers.FindByUnsubscribeTokenAsync(page.Id, subscription.UnsubscribeToken))?.Id);
        Assert.NotNull(await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!));
        Assert.True(await kit.Subscribers.UnsubscribeAsync(page.Id, subscription.UnsubscribeToken));
    }

    [Fact]
    public async Task FindByVerificationToken_FindsTheUnverifiedSubscriber_ChangesNothing_AndNotOnceVerified()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });
        var before = await DumpAsync(kit.Store);

        var found = await kit.Subscribers.FindByVerificationTokenAsync(page.Id, subscription.VerificationToken!);

        Assert.Equal(subscription.Subscriber.Id, found?.Id);
        Assert.Equal(before, await DumpAsync(kit.Store));
        Assert.Null(await kit.Subscribers.FindByVerificationTokenAsync(page.Id, "nope"));
        await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);
        Assert.Null(await kit.Subscribers.FindByVerificationTokenAsync(page.Id, subscription.VerificationToken!));
    }

    [Fact]
    public async Task Unsubscribe_ByToken_Deactivates_AndRepeatingItIsHarmless()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });

        Assert.True(await kit.Subscribers.UnsubscribeAsync(subscription.UnsubscribeToken));
        Assert.True(await kit.Subscribers.UnsubscribeAsync(subscription.UnsubscribeToken));

        Assert.False((await kit.Subscribers.GetAsync(subscription.Subscriber.Id))!.IsActive);
        Assert.False(await kit.Subscribers.UnsubscribeAsync(SecretTokens.Create()));
        Assert.False(await kit.Subscribers.UnsubscribeAsync("nope"));
    }

    [Fact]
    public async Task Subscribe_AfterUnsubscribing_StartsOverWithTheSameSubscriberAndNewTokens()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });
        await kit.Subscribers.UnsubscribeAsync(first.UnsubscribeToken);

        var second = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "A@example.com" });

        Assert.Equal(first.Subscriber.Id, second.Subscriber.Id);
        Assert.True(second.Subscriber.IsActive);
        Assert.False(second.Subscriber.IsVerified);
        Assert.NotEqual(first.UnsubscribeToken, second.UnsubscribeToken);
        Assert.False(await kit.Subscribers.UnsubscribeAsync(first.UnsubscribeToken));
        Assert.Single(await kit.Subscribers.ListAsync(page.Id));
        Assert.NotNull(await kit.Subscribers.VerifyAsync(second.VerificationToken!));
    }

    [Fact]
    public async Task Subscribe_FindsAnEarlierSubscriptionByItsDestination_WithoutReadingEverySubscriberOfThePage()
    {
        // The public subscribe route calls this for every visitor: a page with tens of thousands of subscribers must not
        // read them all to look for one.
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });

        var again = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "A@example.com" });

        Assert.Equal(first.Subscriber.Id, again.Subscriber.Id);
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.ListSubscribersAsync)));
    }

    [Theory]
    [InlineData("a@example.com", "a@example.com")]
    [InlineData("a@example.com", "A@EXAMPLE.COM")]
    public async Task Subscribe_AVerifiedDestinationAgain_IsAConflictOnDestination(string first, string second)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = first, PreVerified = true });

        await RejectsAsync<StatusKitConflictException>(kit, "destination", () =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = second }));
    }

    [Fact]
    public async Task Subscribe_AnUnverifiedDestinationAgain_SendsANewVerification_AndTheOldTokenStopsWorking()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var request = new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" };
        var first = await kit.Subscribers.SubscribeAsync(request);

        var second = await kit.Subscribers.SubscribeAsync(request);

        Assert.Equal(first.Subscriber.Id, second.Subscriber.Id);
        Assert.NotEqual(first.VerificationToken, second.VerificationToken);
        var verifications = (await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None))
            .Count(n => n.Content.Kind == NotificationKind.SubscriptionVerification);
        Assert.Equal(2, verifications);
        Assert.Null(await kit.Subscribers.VerifyAsync(first.VerificationToken!));
        Assert.True((await kit.Subscribers.VerifyAsync(second.VerificationToken!))!.IsVerified);
        Assert.Single(await kit.Subscribers.ListAsync(page.Id));
    }

    [Fact]
    public async Task Subscribe_AnUnverifiedDestinationAgain_DeliversOnlyTheVerificationWithTheWorkingToken()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var request = new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" };
        var first = await kit.Subscribers.SubscribeAsync(request);
        var second = await kit.Subscribers.SubscribeAsync(request); // "my confirmation email never arrived"
        var email = (RecordingNotifier)kit.Services.GetServices<INotifier>().Single(n => n.Channel == SubscriberChannel.Email);

        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        // Every confirmation the person receives must carry a token that still works.
        Assert.All(email.Delivered, m => Assert.DoesNotContain(first.VerificationToken!, m.Content.Body, StringComparison.Ordinal));
        Assert.Contains(email.Delivered, m => m.Content.Body.Contains(second.VerificationToken!, StringComparison.Ordinal));
        var verifications = (await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None))
            .Where(n => n.Content.Kind == NotificationKind.SubscriptionVerification);
        Assert.Equal([NotificationState.Delivered, NotificationState.Superseded], verifications.Select(n => n.State).Order());
    }

    [Fact]
    public async Task Deactivate_StopsDelivery_AndAnUnknownIdIsNotFound()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });

        var inactive = await kit.Subscribers.DeactivateAsync(subscription.Subscriber.Id);

        Assert.False(inactive.IsActive);
        Assert.False((await kit.Subscribers.GetAsync(inactive.Id))!.IsDeliverable);
        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => kit.Subscribers.DeactivateAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Deactivate_RecordsThatAnOperatorDidIt_AndUnsubscribingAfterwardsRecordsThatTheSubscriberDid()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });
        Assert.Null(subscription.Subscriber.DeactivationReason);

        var deactivated = await kit.Subscribers.DeactivateAsync(subscription.Subscriber.Id);
        Assert.Equal(SubscriberDeactivationReason.Operator, deactivated.DeactivationReason);

        Assert.True(await kit.Subscribers.UnsubscribeAsync(subscription.UnsubscribeToken));

        var unsubscribed = (await kit.Subscribers.GetAsync(deactivated.Id))!;
        Assert.Equal((false, SubscriberDeactivationReason.Unsubscribed), (unsubscribed.IsActive, unsubscribed.DeactivationReason));
        await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(deactivated.Id));
    }

    [Theory]
    [InlineData(SubscriberDeactivationReason.Operator)]
    [InlineData(SubscriberDeactivationReason.DestinationGone)]
    [InlineData(SubscriberDeactivationReason.DeadLetters)]
    public async Task Reactivate_ASubscriberStoppedByTheDispatcherOrAnOperator_TurnsItBackOn_FromNowOn(SubscriberDeactivationReason reason)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        var stopped = await kit.Store.UpdateSubscriberAsync(subscriber with { IsActive = false, DeactivationReason = reason }, [], CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromHours(3));

        var reactivated = await kit.Subscribers.ReactivateAsync(stopped.Id, stopped.Version);

        Assert.Equal((true, null, stopped.Version + 1), (reactivated.IsActive, reactivated.DeactivationReason, reactivated.Version));
        Assert.Equal(kit.Clock.GetUtcNow(), reactivated.ActivatedAt);
        Assert.True(reactivated.IsDeliverable);
        SameRecord(reactivated, await kit.Subscribers.GetAsync(stopped.Id));
    }

    [Fact]
    public async Task Reactivate_AnActiveSubscriber_ChangesNothing_AndAnUnknownIdIsNotFound()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        var before = await DumpAsync(kit.Store);

        var same = await kit.Subscribers.ReactivateAsync(subscriber.Id, subscriber.Version);

        SameRecord(subscriber, same);
        Assert.Equal(before, await DumpAsync(kit.Store));
        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Reactivate_AtAStaleVersion_IsAConcurrencyConflict_ChangingNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        var stopped = await kit.Subscribers.DeactivateAsync(subscriber.Id);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Subscribers.ReactivateAsync(stopped.Id, subscriber.Version));

        SameRecord(stopped, await kit.Subscribers.GetAsync(stopped.Id));
    }

    [Fact]
    public async Task Reactivate_ASubscriberThatUnsubscribedItself_IsRefusedSayingSo()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });
        await kit.Subscribers.UnsubscribeAsync(page.Id, subscription.UnsubscribeToken);

        var ex = await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(subscription.Subscriber.Id));

        Assert.Contains("unsubscribed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SubscriberDeactivationReason.Unsubscribed, (await kit.Subscribers.GetAsync(subscription.Subscriber.Id))!.DeactivationReason);
    }

    [Fact]
    public async Task Reactivate_ASubscriberThatNeverConfirmed_IsRefusedSayingSo()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" })).Subscriber;
        var stopped = await kit.Subscribers.DeactivateAsync(subscriber.Id);

        var ex = await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(stopped.Id));

        Assert.Contains("never confirmed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivate_ASubscriberWhoseReasonWasNotRecorded_OrWhoseComponentsWereAllDeleted_IsRefused()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var old = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        var following = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "b@example.com", ComponentIds = [c[0].Id], PreVerified = true })).Subscriber;
        // Stored before the reason was: it may have unsubscribed.
        await kit.Store.UpdateSubscriberAsync(old with { IsActive = false, DeactivationReason = null }, [], CancellationToken.None);
        await kit.Components.DeleteAsync(c[0].Id);
        Assert.Equal(SubscriberDeactivationReason.ComponentsDeleted, (await kit.Subscribers.GetAsync(following.Id))!.DeactivationReason);

        await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(old.Id));
        await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.ReactivateAsync(following.Id));
    }

    [Fact]
    public async Task SubscribePreVerified_OfADestinationThatUnsubscribedItself_IsAConflict_ButItMaySubscribeAgainByConfirming()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });
        await kit.Subscribers.UnsubscribeAsync(first.UnsubscribeToken);

        var ex = await RejectsAsync<StatusKitConflictException>(kit, "destination", () =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true }));
        var again = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });

        Assert.Contains("unsubscribed", ex.Message, StringComparison.Ordinal);
        Assert.Equal((true, false, null), (again.Subscriber.IsActive, again.Subscriber.IsVerified, again.Subscriber.DeactivationReason));
    }

    [Fact]
    public async Task Subscribe_AfterBeingDeactivated_StartsOverActiveWithoutAReason()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        await kit.Store.UpdateSubscriberAsync(first with { IsActive = false, DeactivationReason = SubscriberDeactivationReason.DeadLetters }, [], CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromDays(2));

        var again = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;

        Assert.Equal((true, null, kit.Clock.GetUtcNow()), (again.IsActive, again.DeactivationReason, again.ActivatedAt));
    }

    [Fact]
    public async Task RotateSigningSecret_OfAWebhook_StoresANewSecret_ReturnsIt_AndMovesTheVersion()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "https://hooks.example.com/x", PreVerified = true });
        var old = subscription.Subscriber;

        var rotated = await kit.Subscribers.RotateSigningSecretAsync(old.Id, old.Version);

        Assert.True(WebhookSignature.IsValidSecret(rotated.SigningSecret));
        Assert.NotEqual(old.SigningSecret, rotated.SigningSecret);
        Assert.Equal(old.Version + 1, rotated.Version);
        Assert.Equal((old.UnsubscribeTokenHash, old.Destination, true, true), (rotated.UnsubscribeTokenHash, rotated.Destination, rotated.IsVerified, rotated.IsActive));
        SameRecord(rotated, await kit.Subscribers.GetAsync(old.Id));
    }

    [Fact]
    public async Task RotateSigningSecret_KeepsTheOldSecretForTheOverlap_AndASecondRotationDropsTheOldest()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "https://hooks.example.com/x", PreVerified = true })).Subscriber;

        var second = await kit.Subscribers.RotateSigningSecretAsync(first.Id);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        var third = await kit.Subscribers.RotateSigningSecretAsync(first.Id);

        // The default overlap is 24 hours, counted from each rotation.
        Assert.Equal((first.SigningSecret, kit.Clock.GetUtcNow() - TimeSpan.FromHours(1) + TimeSpan.FromHours(24)), (second.PreviousSigningSecret, second.PreviousSigningSecretExpiresAt));
        Assert.Equal((second.SigningSecret, kit.Clock.GetUtcNow() + TimeSpan.FromHours(24)), (third.PreviousSigningSecret, third.PreviousSigningSecretExpiresAt));
        Assert.DoesNotContain(first.SigningSecret, new[] { third.SigningSecret, third.PreviousSigningSecret });
    }

    [Fact]
    public async Task RotateSigningSecret_WithNoOverlap_KeepsNoPreviousSecret()
    {
        await using var kit = new StatusKitHarness(services => services.Configure<StatusKit.Configuration.StatusPagesOptions>(o => o.SigningSecretRotationOverlap = TimeSpan.Zero));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "https://151.101.1.140/x", PreVerified = true })).Subscriber;

        var rotated = await kit.Subscribers.RotateSigningSecretAsync(subscriber.Id);

        Assert.NotEqual(subscriber.SigningSecret, rotated.SigningSecret);
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (rotated.PreviousSigningSecret, rotated.PreviousSigningSecretExpiresAt));
    }

    [Fact]
    public async Task RotateSigningSecret_AtAStaleVersion_OfAnotherChannel_OrOfNoSubscriber_ChangesNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var webhook = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "https://hooks.example.com/x", PreVerified = true })).Subscriber;
        var email = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Subscribers.RotateSigningSecretAsync(webhook.Id, webhook.Version + 1));
        await RejectsAsync<StatusKitValidationException>(kit, "channel", () => kit.Subscribers.RotateSigningSecretAsync(email.Id));
        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => kit.Subscribers.RotateSigningSecretAsync(Guid.NewGuid()));

        SameRecord(webhook, await kit.Subscribers.GetAsync(webhook.Id));
        SameRecord(email, await kit.Subscribers.GetAsync(email.Id));
    }

    [Fact]
    public async Task Update_ChangesComponentsAndEvents_KeepsEverythingElse_AndMovesTheVersion()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var old = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;

        var updated = await kit.Subscribers.UpdateAsync(old.Id, new UpdateSubscriber
        {
            ComponentIds = [c[1].Id, c[0].Id],
            NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved,
        });

        Assert.Equal([c[1].Id, c[0].Id], updated.ComponentIds);
        Assert.Equal(NotificationEvents.Outage | NotificationEvents.Resolved, updated.NotifyOn);
        Assert.Equal(old.Version + 1, updated.Version);
        Assert.Equal(
            (old.Destination, old.UnsubscribeTokenHash, old.IsVerified, old.IsActive, old.CreatedAt),
            (updated.Destination, updated.UnsubscribeTokenHash, updated.IsVerified, updated.IsActive, updated.CreatedAt));
        SameRecord(updated, await kit.Subscribers.GetAsync(old.Id));
        Assert.Empty(await OutboxAsync(kit, page.Id));
    }

    [Fact]
    public async Task Update_LeavesOutWhatItDoesNotName_AnEmptyListFollowsAll_AndNoChangeKeepsTheVersion()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var old = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true,
            ComponentIds = [c[0].Id], NotifyOn = NotificationEvents.Outage,
        })).Subscriber;

        var same = await kit.Subscribers.UpdateAsync(old.Id, new UpdateSubscriber { ComponentIds = [c[0].Id], NotifyOn = NotificationEvents.Outage });
        var events = await kit.Subscribers.UpdateAsync(old.Id, new UpdateSubscriber { NotifyOn = NotificationEvents.All });
        var all = await kit.Subscribers.UpdateAsync(old.Id, new UpdateSubscriber { ComponentIds = [] });

        Assert.Equal(old.Version, same.Version);
        Assert.Equal([c[0].Id], events.ComponentIds);
        Assert.Equal((NotificationEvents.All, old.Version + 1), (events.NotifyOn, events.Version));
        Assert.Empty(all.ComponentIds);
        Assert.Equal((NotificationEvents.All, old.Version + 2), (all.NotifyOn, all.Version));
    }

    [Fact]
    public async Task Update_BadInput_NamesTheFieldAsSubscribeDoes_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var (_, other) = await kit.CreatePageAsync("Other", ("X", null, null));
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;

        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { NotifyOn = NotificationEvents.None }));
        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { NotifyOn = (NotificationEvents)64 }));
        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [other[0].Id] }));
        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [Guid.Empty] }));
        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [c[0].Id, c[0].Id] }));
        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => kit.Subscribers.UpdateAsync(Guid.NewGuid(), new UpdateSubscriber { ComponentIds = [c[0].Id] }));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() =>
            kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [c[0].Id], ExpectedVersion = subscriber.Version + 1 }));
        SameRecord(subscriber, await kit.Subscribers.GetAsync(subscriber.Id));
    }

    [Fact]
    public async Task Update_AtTheExpectedVersion_Applies_AndAChangeMadeMeanwhileIsNotOverwritten()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var read = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true })).Subscriber;
        var deactivated = await kit.Subscribers.DeactivateAsync(read.Id);

        // Without a version, the change is applied to what the deactivation left; at the version read before it, refused.
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() =>
            kit.Subscribers.UpdateAsync(read.Id, new UpdateSubscriber { ComponentIds = [c[0].Id], ExpectedVersion = read.Version }));
        var updated = await kit.Subscribers.UpdateAsync(read.Id, new UpdateSubscriber { ComponentIds = [c[0].Id], ExpectedVersion = deactivated.Version });

        Assert.Equal([c[0].Id], updated.ComponentIds);
        Assert.Equal((false, deactivated.Version + 1), (updated.IsActive, updated.Version));
    }

    [Fact]
    public async Task ListAndDelete_WorkOnThePagesSubscribers()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var a = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });
        var b = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "https://hooks.example.com/x" });

        Assert.Equal(new[] { a.Subscriber.Id, b.Subscriber.Id }.Order(), (await kit.Subscribers.ListAsync(page.Id)).Select(s => s.Id).Order());
        Assert.True(await kit.Subscribers.DeleteAsync(a.Subscriber.Id));
        Assert.False(await kit.Subscribers.DeleteAsync(a.Subscriber.Id));
        Assert.Equal([b.Subscriber.Id], (await kit.Subscribers.ListAsync(page.Id)).Select(s => s.Id));
        Assert.Empty(await kit.Subscribers.ListAsync(Guid.NewGuid()));
    }

    [Theory]
    [InlineData(SubscriberChannel.Email, "")]
    [InlineData(SubscriberChannel.Email, "not-an-email")]
    [InlineData(SubscriberChannel.Email, "Ann <ann@example.com>")]
    [InlineData(SubscriberChannel.Email, "ann@localhost")]
    [InlineData(SubscriberChannel.Email, "a@b@example.com")]
    [InlineData(SubscriberChannel.Slack, "http://hooks.slack.com/services/x")]
    [InlineData(SubscriberChannel.Slack, "hooks.slack.com/services/x")]
    [InlineData(SubscriberChannel.Webhook, "ftp://hooks.example.com/x")]
    [InlineData(SubscriberChannel.Webhook, "https://user:pw@hooks.example.com/x")]
    [InlineData(SubscriberChannel.Webhook, "https://127.0.0.1/hook")]
    [InlineData(SubscriberChannel.Webhook, "https://[::1]/hook")]
    [InlineData(SubscriberChannel.Webhook, "https://192.168.1.10/hook")]
    [InlineData(SubscriberChannel.Webhook, "https://169.254.169.254/latest")]
    [InlineData(SubscriberChannel.Webhook, "https://internal.example.com/hook")]
    [InlineData(SubscriberChannel.Webhook, "https://no-such-host.example.com/hook")]
    [InlineData(SubscriberChannel.Slack, "https://10.0.0.1/services/x")]
    [InlineData(SubscriberChannel.Teams, "http://flows.example.com/workflows/a1")]
    [InlineData(SubscriberChannel.Teams, "flows.example.com/workflows/a1")]
    [InlineData(SubscriberChannel.Teams, "/workflows/a1")]
    [InlineData(SubscriberChannel.Teams, "https://user:pw@flows.example.com/workflows/a1")]
    [InlineData(SubscriberChannel.Teams, "https://10.0.0.1/workflows/a1")]
    [InlineData(SubscriberChannel.Teams, "https://169.254.169.254/latest")]
    [InlineData(SubscriberChannel.Teams, "https://internal.example.com/workflows/a1")]
    [InlineData(SubscriberChannel.Discord, "https://hooks.example.com/api/webhooks/1/token")]
    public async Task Subscribe_ABadDestinationForTheChannel_IsRejectedOnDestination(SubscriberChannel channel, string destination)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await InvalidAsync(kit, "destination", () => kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = channel, Destination = destination }));
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://discordapp.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://ptb.discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://canary.discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://Discord.com/api/v10/webhooks/112233445566778899/AbC-dEf_123/")]
    [InlineData("https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123?thread_id=998877")]
    public async Task Subscribe_ADiscordWebhookURL_OnEveryHostDiscordServesItOn_IsAccepted(string destination)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = destination });

        Assert.Equal(new Uri(destination).AbsoluteUri, subscription.Subscriber.Destination);
        Assert.Null(subscription.Subscriber.SigningSecret);
    }

    [Theory]
    [InlineData("http://discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://discord.com:8443/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://user:pw@discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://discord.com.evil.test/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://evil.discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    [InlineData("https://hooks.slack.com/services/T0/B0/x")]
    [InlineData("https://discord.com/api/webhooks/112233445566778899")]
    [InlineData("https://discord.com/api/webhooks/not-an-id/AbC-dEf_123")]
    [InlineData("https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123/slack")]
    [InlineData("https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123?wait=false&foo=1")]
    [InlineData("https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123#x")]
    [InlineData("https://discord.com/channels/1/2")]
    [InlineData("discord.com/api/webhooks/112233445566778899/AbC-dEf_123")]
    public async Task Subscribe_ADiscordDestinationThatIsNoDiscordWebhookURL_IsRejectedOnDestination_SayingWhatIsExpected_WithoutEchoingIt(string destination)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var ex = await InvalidAsync(kit, "destination", () =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = destination }));

        Assert.Contains("https://discord.com/api/webhooks/{id}/{token}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AbC-dEf_123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_ADiscordWebhookURL_WhoseHostResolvesToAPrivateAddress_IsRefusedByTheGuard()
    {
        await using var kit = Kit(dns: new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase) { ["discord.com"] = IPAddress.Parse("10.0.0.7") });
        var (page, _) = await kit.CreatePageAsync("Acme");

        var ex = await InvalidAsync(kit, "destination", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = "https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123" }));

        Assert.StartsWith("The host 'discord.com' does not resolve", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://internal.example.com/hook")]
    public async Task Subscribe_APrivateWebhookAddress_IsAcceptedWhenTheHostAllowsPrivateNetworks(string destination)
    {
        await using var kit = Kit(allowPrivateNetworks: true);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = destination });

        Assert.Equal(destination, subscription.Subscriber.Destination);
    }

    [Fact]
    public async Task Subscribe_Email_WithoutAnEmailNotifier_IsRefusedWithAMessageSayingHowToEnableIt()
    {
        await using var kit = Kit(withEmail: false);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var ex = await InvalidAsync(kit, "channel", () =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" }));

        Assert.Contains("Email channel is not enabled", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddSmtpEmailNotifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_OtherInvalidInput_NamesTheField_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var (_, other) = await kit.CreatePageAsync("Other", ("X", null, null));
        Subscribe Valid() => new() { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" };

        await InvalidAsync(kit, "channel", () => kit.Subscribers.SubscribeAsync(Valid() with { Channel = (SubscriberChannel)12 }));
        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(Valid() with { NotifyOn = NotificationEvents.None }));
        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(Valid() with { NotifyOn = (NotificationEvents)64 }));
        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(Valid() with { ComponentIds = [other[0].Id] }));
        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(Valid() with { ComponentIds = [c[0].Id, c[0].Id] }));
        await InvalidAsync(kit, "destination", () => kit.Subscribers.SubscribeAsync(Valid() with { Destination = new string('a', 1_990) + "@example.com" }));
        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Subscribers.SubscribeAsync(Valid() with { PageId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task Subscribe_WithALinkSigningKey_DerivesAStableUnsubscribeToken_ThatSurvivesResubscribing()
    {
        var key = Convert.ToBase64String(new byte[32]);
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<StatusKit.Abstractions.INotifier>(new StatusKit.TestSupport.Fakes.RecordingNotifier(SubscriberChannel.Email));
            services.Configure<StatusKit.Configuration.StatusPagesOptions>(o => o.LinkSigningKey = key);
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com", PreVerified = true });
        await kit.Subscribers.UnsubscribeAsync(first.UnsubscribeToken);

        var second = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "a@example.com" });

        Assert.Equal(first.UnsubscribeToken, second.UnsubscribeToken);
        Assert.True(await kit.Subscribers.UnsubscribeAsync(second.UnsubscribeToken));
        Assert.False((await kit.Subscribers.GetAsync(second.Subscriber.Id))!.IsActive);
    }
}
