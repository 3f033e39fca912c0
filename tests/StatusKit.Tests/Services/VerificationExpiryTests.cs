using Microsoft.Extensions.DependencyInjection;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>A verification token confirms a subscription only within its lifetime; subscribing again issues a fresh one.</summary>
public sealed class VerificationExpiryTests
{
    private static readonly TimeSpan Lifetime = new StatusPagesOptions().VerificationTokenLifetime;

    [Fact]
    public async Task Subscribe_RecordsWhenTheTokenWasIssued_AndAPreVerifiedSubscriptionHasNoToken()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var issuedAt = kit.Clock.GetUtcNow();

        var pending = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        var preVerified = await kit.Subscribers.SubscribeAsync(Request(page.Id, "b@example.com") with { PreVerified = true });

        Assert.Equal(issuedAt, (await kit.Subscribers.GetAsync(pending.Subscriber.Id))!.VerifyTokenIssuedAt);
        Assert.Null((await kit.Subscribers.GetAsync(preVerified.Subscriber.Id))!.VerifyTokenIssuedAt);
    }

    [Fact]
    public async Task Verify_JustBeforeTheTokenExpires_ConfirmsTheSubscription_AndClearsTheIssueTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));

        var verified = await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);

        Assert.True(verified!.IsVerified);
        Assert.Null(verified.VerifyTokenIssuedAt);
    }

    [Fact]
    public async Task Verify_OnceTheTokenExpired_IsNull_AndLeavesTheSubscriptionUnconfirmed()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime);

        var verified = await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);
        var pageless = await kit.Subscribers.VerifyAsync(subscription.VerificationToken!);

        Assert.Null(verified);
        Assert.Null(pageless);
        Assert.False((await kit.Subscribers.GetAsync(subscription.Subscriber.Id))!.IsDeliverable);
    }

    [Fact]
    public async Task FindByVerificationToken_OnceTheTokenExpired_IsNull()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime);

        Assert.Null(await kit.Subscribers.FindByVerificationTokenAsync(page.Id, subscription.VerificationToken!));
    }

    [Fact]
    public async Task IsVerificationTokenExpired_IsTrueOnlyForAnExpiredTokenOfThePagesUnconfirmedSubscriber()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (other, _) = await kit.CreatePageAsync("Other");
        var subscription = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        var token = subscription.VerificationToken!;
        var beforeExpiry = await kit.Subscribers.IsVerificationTokenExpiredAsync(page.Id, token);
        kit.Clock.Advance(Lifetime);

        var expired = await kit.Subscribers.IsVerificationTokenExpiredAsync(page.Id, token);
        var onAnotherPage = await kit.Subscribers.IsVerificationTokenExpiredAsync(other.Id, token);
        var unknown = await kit.Subscribers.IsVerificationTokenExpiredAsync(page.Id, new string('0', 64));

        Assert.Equal((false, true, false, false), (beforeExpiry, expired, onAnotherPage, unknown));
    }

    [Fact]
    public async Task Subscribe_AgainAfterTheTokenExpired_SendsAFreshTokenThatLastsAWholeLifetime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime + TimeSpan.FromDays(1));

        var second = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        var verified = await kit.Subscribers.VerifyAsync(page.Id, second.VerificationToken!);

        Assert.Equal(first.Subscriber.Id, second.Subscriber.Id);
        Assert.True(verified!.IsVerified);
        Assert.Equal(first.Subscriber.CreatedAt, verified.CreatedAt);
    }

    [Fact]
    public async Task TheTokenLifetime_IsTheConfiguredOne()
    {
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<Abstractions.INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            services.Configure<StatusPagesOptions>(o => o.VerificationTokenLifetime = TimeSpan.FromHours(1));
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!));
    }

    [Fact]
    public async Task Subscribe_AgainWhileTheCleanUpDeletesTheExpiredSubscription_SubscribesAnew()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));
        kit.Clock.Advance(Lifetime + TimeSpan.FromDays(30));
        // The clean-up deletes the subscriber after the new request read it and before it writes.
        kit.StoreControl.Before = (method, _) => method == nameof(Abstractions.IStatusStore.UpdateSubscriberAsync)
            ? kit.Store.DeleteUnverifiedSubscribersAsync(kit.Clock.GetUtcNow(), CancellationToken.None)
            : null;

        var again = await kit.Subscribers.SubscribeAsync(Request(page.Id, "a@example.com"));

        kit.StoreControl.Before = null;
        Assert.Equal(kit.Clock.GetUtcNow(), again.Subscriber.CreatedAt);
        Assert.True((await kit.Subscribers.VerifyAsync(page.Id, again.VerificationToken!))!.IsVerified);
    }

    private static Subscribe Request(Guid pageId, string destination) =>
        new() { PageId = pageId, Channel = SubscriberChannel.Email, Destination = destination };
}
