using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

// When a subscriber's verification token was issued, and the clean-up of subscriptions that were never confirmed.
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddAndUpdateSubscriber_KeepWhenTheVerificationTokenWasIssued()
    {
        var page = await AddPageAsync();
        var subscriber = Unverified(page.Id, issuedAt: TestData.At(10));
        await Store.AddSubscriberAsync(subscriber, [], None);
        var added = await Store.GetSubscriberAsync(subscriber.Id, None);

        var updated = await Store.UpdateSubscriberAsync(added! with { VerifyTokenIssuedAt = TestData.At(70) }, [], None);

        Assert.Equal(TestData.At(10), added!.VerifyTokenIssuedAt);
        Assert.Equal(TestData.At(70), updated.VerifyTokenIssuedAt);
        Assert.Equal(TestData.At(70), (await Store.GetSubscriberAsync(subscriber.Id, None))!.VerifyTokenIssuedAt);
    }

    [Fact]
    public async Task DeleteUnverifiedSubscribers_DeletesOnlyUnconfirmedOnesWhoseTokenWasIssuedBeforeTheCutoff()
    {
        var page = await AddPageAsync();
        var expired = Unverified(page.Id, issuedAt: TestData.At(10));
        var fresh = Unverified(page.Id, issuedAt: TestData.At(50));
        var atTheCutoff = Unverified(page.Id, issuedAt: TestData.At(30));
        var confirmedLongAgo = TestData.Subscriber(page.Id, createdAt: TestData.At(0)) with { IsVerified = true, VerifyTokenHash = null };
        var reissued = Unverified(page.Id, issuedAt: TestData.At(45)) with { CreatedAt = TestData.At(0) };
        foreach (var subscriber in new[] { expired, fresh, atTheCutoff, confirmedLongAgo, reissued })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        var deleted = await Store.DeleteUnverifiedSubscribersAsync(TestData.At(30), None);

        Assert.Equal(1, deleted);
        Assert.Null(await Store.GetSubscriberAsync(expired.Id, None));
        StoreAssert.SameIds([fresh.Id, atTheCutoff.Id, confirmedLongAgo.Id, reissued.Id], (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task DeleteUnverifiedSubscribers_CountsATokenWithoutAnIssueTimeFromTheSubscription()
    {
        var page = await AddPageAsync();
        var old = Unverified(page.Id, issuedAt: null) with { CreatedAt = TestData.At(10) };
        var recent = Unverified(page.Id, issuedAt: null) with { CreatedAt = TestData.At(50) };
        await Store.AddSubscriberAsync(old, [], None);
        await Store.AddSubscriberAsync(recent, [], None);

        var deleted = await Store.DeleteUnverifiedSubscribersAsync(TestData.At(30), None);

        Assert.Equal(1, deleted);
        StoreAssert.SameIds([recent.Id], (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task DeleteUnverifiedSubscribers_OnEveryPage_AndNothingToDelete_ReturnsZero()
    {
        var first = await AddPageAsync();
        var second = await AddPageAsync();
        await Store.AddSubscriberAsync(Unverified(first.Id, issuedAt: TestData.At(1)), [], None);
        await Store.AddSubscriberAsync(Unverified(second.Id, issuedAt: TestData.At(2)), [], None);

        var deleted = await Store.DeleteUnverifiedSubscribersAsync(TestData.At(30), None);
        var again = await Store.DeleteUnverifiedSubscribersAsync(TestData.At(30), None);

        Assert.Equal((2, 0), (deleted, again));
        Assert.Empty(await Store.ListSubscribersAsync(first.Id, None));
        Assert.Empty(await Store.ListSubscribersAsync(second.Id, None));
    }

    [Fact]
    public async Task DeleteUnverifiedSubscribers_FreesTheDestinationForANewSubscription()
    {
        var page = await AddPageAsync();
        var expired = Unverified(page.Id, issuedAt: TestData.At(1));
        await Store.AddSubscriberAsync(expired, [], None);

        await Store.DeleteUnverifiedSubscribersAsync(TestData.At(30), None);
        var again = Unverified(page.Id, issuedAt: TestData.At(40)) with { Destination = expired.Destination };
        await Store.AddSubscriberAsync(again, [], None);

        StoreAssert.Same(again, await Store.GetSubscriberAsync(again.Id, None));
    }

    private static Subscriber Unverified(Guid pageId, DateTimeOffset? issuedAt) =>
        TestData.Subscriber(pageId, createdAt: issuedAt ?? TestData.At(0)) with { IsVerified = false, VerifyTokenIssuedAt = issuedAt };
}
