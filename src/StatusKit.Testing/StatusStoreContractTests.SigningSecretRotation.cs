using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

// A webhook subscriber's rotated signing secret: the previous one and when it stops signing.
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddAndUpdateSubscriber_KeepThePreviousSigningSecretAndItsExpiry_AndClearThem()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Webhook) with
        {
            SigningSecret = "bmV3LXNlY3JldC1vZi0zMi1ieXRlcy1sb25nLi4uLi4=",
            PreviousSigningSecret = "b2xkLXNlY3JldC1vZi0zMi1ieXRlcy1sb25nLi4uLi4=",
            PreviousSigningSecretExpiresAt = TestData.At(10),
        };
        await Store.AddSubscriberAsync(subscriber, [], None);
        var added = (await Store.GetSubscriberAsync(subscriber.Id, None))!;

        var rotatedAgain = await Store.UpdateSubscriberAsync(
            added with { PreviousSigningSecret = added.SigningSecret, SigningSecret = "dGhpcmQtc2VjcmV0LW9mLTMyLWJ5dGVzLWxvbmcuLi4=", PreviousSigningSecretExpiresAt = TestData.At(70) },
            [],
            None);
        var readAgain = (await Store.GetSubscriberAsync(subscriber.Id, None))!;
        var cleared = await Store.UpdateSubscriberAsync(readAgain with { PreviousSigningSecret = null, PreviousSigningSecretExpiresAt = null }, [], None);

        Assert.Equal((subscriber.PreviousSigningSecret, TestData.At(10)), (added.PreviousSigningSecret, added.PreviousSigningSecretExpiresAt));
        Assert.Equal((subscriber.SigningSecret, TestData.At(70)), (rotatedAgain.PreviousSigningSecret, rotatedAgain.PreviousSigningSecretExpiresAt));
        Assert.Equal(
            ("dGhpcmQtc2VjcmV0LW9mLTMyLWJ5dGVzLWxvbmcuLi4=", subscriber.SigningSecret, TestData.At(70)),
            (readAgain.SigningSecret, readAgain.PreviousSigningSecret, readAgain.PreviousSigningSecretExpiresAt));
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (cleared.PreviousSigningSecret, cleared.PreviousSigningSecretExpiresAt));
        var stored = (await Store.GetSubscriberAsync(subscriber.Id, None))!;
        Assert.Equal(((string?)null, (DateTimeOffset?)null), (stored.PreviousSigningSecret, stored.PreviousSigningSecretExpiresAt));
    }
}
