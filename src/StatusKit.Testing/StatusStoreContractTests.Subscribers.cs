using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddSubscriber_ThenGet_ReturnsEveryField()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Webhook) with
        {
            ComponentIds = [Guid.NewGuid(), Guid.NewGuid()],
            IsVerified = false,
            IsActive = false,
            DeactivationReason = SubscriberDeactivationReason.DeadLetters,
            ActivatedAt = new DateTimeOffset(2026, 1, 6, 11, 0, 0, 375, TimeSpan.FromHours(5.5)),
            CreatedAt = new DateTimeOffset(2026, 1, 5, 9, 30, 0, 125, TimeSpan.FromHours(-3)),
        };

        await Store.AddSubscriberAsync(subscriber, [], None);

        StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
    }

    [Fact]
    public async Task AddSubscriber_WithNullableFieldsNullAndNoComponents_RoundTrips()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id) with { VerifyTokenHash = null, SigningSecret = null, ComponentIds = [] };

        await Store.AddSubscriberAsync(subscriber, [], None);

        StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
    }

    [Fact]
    public async Task AddSubscriber_OfEveryChannel_RoundTripsItsChannel_WithItsOutboxRow_AndIsFoundUnderThatChannel()
    {
        var page = await AddPageAsync();
        foreach (var channel in Enum.GetValues<SubscriberChannel>())
        {
            var subscriber = TestData.Subscriber(page.Id, channel);
            var verification = TestData.Notification(page.Id, subscriber.Id) with { Channel = channel };

            await Store.AddSubscriberAsync(subscriber, [verification], None);

            StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
            StoreAssert.Same(subscriber, await Store.FindSubscriberByDestinationAsync(page.Id, channel, subscriber.Destination, None));
            StoreAssert.Same(verification, await Store.GetNotificationAsync(verification.Id, None));
        }
    }

    [Fact]
    public async Task GetSubscriber_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetSubscriberAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task AddSubscriber_MissingPage_ThrowsNotFound()
    {
        var subscriber = TestData.Subscriber(Guid.NewGuid());

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddSubscriberAsync(subscriber, [], None));

        Assert.Null(await Store.GetSubscriberAsync(subscriber.Id, None));
    }

    [Fact]
    public async Task AddSubscriber_EmailDifferingOnlyInCase_ThrowsConflictNamingDestination()
    {
        var page = await AddPageAsync();
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Email, "Ops@Example.com"), [], None);
        var duplicate = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.COM");

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscriberAsync(duplicate, [], None));

        Assert.Equal("destination", error.Field);
        Assert.Single(await Store.ListSubscribersAsync(page.Id, None));
    }

    [Fact]
    public async Task AddSubscriber_EmailWithTheSameUpperCase_ThrowsConflict_InEveryStore()
    {
        var page = await AddPageAsync();
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com"), [], None);
        var longS = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com".Replace('s', '\u017F'));

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscriberAsync(longS, [], None));

        Assert.Equal("destination", error.Field);
    }

    [Fact]
    public async Task AddAndUpdateSubscriber_WithNotifications_StoreThemWithTheSubscriber_AndNotOnAConflict()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a");
        var verify = TestData.Notification(page.Id, subscriber.Id, subject: "Confirm");
        var again = TestData.Notification(page.Id, subscriber.Id, subject: "Confirm again");

        await Store.AddSubscriberAsync(subscriber, [verify], None);
        await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscriberAsync(
            TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a"), [TestData.Notification(page.Id)], None));
        await Store.UpdateSubscriberAsync(subscriber with { IsVerified = false }, [again], None);

        var rows = await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None);
        Assert.Equal(["Confirm", "Confirm again"], rows.Select(n => n.Content.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddSubscriber_SameWebhookUrl_ThrowsConflictNamingDestination()
    {
        var page = await AddPageAsync();
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a"), [], None);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscriberAsync(
            TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a"),
            [],
            None));

        Assert.Equal("destination", error.Field);
    }

    [Fact]
    public async Task AddSubscriber_UrlDifferingOnlyInCase_IsAllowed()
    {
        var page = await AddPageAsync();
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/Token"), [], None);

        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/token"), [], None);

        Assert.Equal(2, (await Store.ListSubscribersAsync(page.Id, None)).Count);
    }

    [Fact]
    public async Task AddSubscriber_SameDestinationOnAnotherChannelOrPage_IsAllowed()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        const string url = "https://hooks.example.com/shared";
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, url), [], None);

        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Slack, url), [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(other.Id, SubscriberChannel.Webhook, url), [], None);

        Assert.Equal(2, (await Store.ListSubscribersAsync(page.Id, None)).Count);
        Assert.Single(await Store.ListSubscribersAsync(other.Id, None));
    }

    [Fact]
    public async Task FindSubscriberByDestination_ReturnsThePagesSubscriberOnThatChannel_ComparingAsUniquenessDoes_OrNull()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var email = TestData.Subscriber(page.Id, SubscriberChannel.Email, "Ops@Example.com");
        var webhook = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/Token");
        await Store.AddSubscriberAsync(email, [], None);
        await Store.AddSubscriberAsync(webhook, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(other.Id, SubscriberChannel.Email, "someone@example.com"), [], None);

        StoreAssert.Same(email, await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Email, "ops@example.COM", None));
        StoreAssert.Same(webhook, await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/Token", None));
        Assert.Null(await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/token", None));
        Assert.Null(await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Slack, "https://hooks.example.com/Token", None));
        Assert.Null(await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Email, "someone@example.com", None));
        Assert.Null(await Store.FindSubscriberByDestinationAsync(Guid.NewGuid(), SubscriberChannel.Email, "ops@example.com", None));
    }

    [Fact]
    public async Task FindSubscriberByTokenHashes_ReturnsTheOwner_OrNull()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(subscriber, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id), [], None);

        StoreAssert.Same(subscriber, await Store.FindSubscriberByVerifyTokenHashAsync(subscriber.VerifyTokenHash!, None));
        StoreAssert.Same(subscriber, await Store.FindSubscriberByUnsubscribeTokenHashAsync(subscriber.UnsubscribeTokenHash, None));
        Assert.Null(await Store.FindSubscriberByVerifyTokenHashAsync("unknown", None));
        Assert.Null(await Store.FindSubscriberByUnsubscribeTokenHashAsync("unknown", None));
    }

    [Fact]
    public async Task ListSubscribers_ReturnsThePagesSubscribersByCreation()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var second = TestData.Subscriber(page.Id, createdAt: TestData.At(20));
        var first = TestData.Subscriber(page.Id, createdAt: TestData.At(10));
        var third = TestData.Subscriber(page.Id, createdAt: TestData.At(30));
        foreach (var subscriber in new[] { second, third, first, TestData.Subscriber(other.Id) })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        var listed = await Store.ListSubscribersAsync(page.Id, None);

        Assert.Equal([first.Id, second.Id, third.Id], listed.Select(s => s.Id));
    }

    [Fact]
    public async Task UpdateSubscriber_ReplacesFields()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id) with { IsVerified = false };
        await Store.AddSubscriberAsync(subscriber, [], None);
        var changed = subscriber with
        {
            Destination = "new@example.com",
            ComponentIds = [],
            NotifyOn = NotificationEvents.All,
            IsVerified = true,
            VerifyTokenHash = null,
            UnsubscribeTokenHash = "rotated",
            IsActive = false,
            DeactivationReason = SubscriberDeactivationReason.Unsubscribed,
            ActivatedAt = TestData.At(7),
        };

        var returned = await Store.UpdateSubscriberAsync(changed, [], None);

        StoreAssert.Same(changed with { Version = 2 }, returned);
        StoreAssert.Same(changed with { Version = 2 }, await Store.GetSubscriberAsync(subscriber.Id, None));
        Assert.Null(await Store.FindSubscriberByVerifyTokenHashAsync(subscriber.VerifyTokenHash!, None));
    }

    [Fact]
    public async Task UpdateSubscriber_EveryDeactivationReason_RoundTrips_AndReactivatingClearsIt()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(subscriber, [], None);
        subscriber = (await Store.GetSubscriberAsync(subscriber.Id, None))!;
        foreach (var reason in Enum.GetValues<SubscriberDeactivationReason>())
        {
            subscriber = await Store.UpdateSubscriberAsync(subscriber with { IsActive = false, DeactivationReason = reason }, [], None);
            StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
            Assert.Equal(reason, subscriber.DeactivationReason);
        }

        subscriber = await Store.UpdateSubscriberAsync(subscriber with { IsActive = true, DeactivationReason = null, ActivatedAt = TestData.At(3) }, [], None);

        StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
        Assert.Null(subscriber.DeactivationReason);
    }

    [Fact]
    public async Task UpdateSubscriber_Missing_ThrowsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.UpdateSubscriberAsync(TestData.Subscriber(page.Id), [], None));
    }

    [Fact]
    public async Task UpdateSubscriber_DestinationOfAnotherSubscriber_ThrowsConflictNamingDestination_AndKeepsIt()
    {
        var page = await AddPageAsync();
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, destination: "taken@example.com"), [], None);
        var subscriber = TestData.Subscriber(page.Id, destination: "mine@example.com");
        await Store.AddSubscriberAsync(subscriber, [], None);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.UpdateSubscriberAsync(subscriber with { Destination = "TAKEN@example.com" }, [], None));

        Assert.Equal("destination", error.Field);
        StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
    }

    [Fact]
    public async Task DeleteSubscriber_RemovesIt_ButKeepsItsNotifications()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(subscriber, [], None);
        var notification = await EnqueueAsync(TestData.Notification(page.Id, subscriber.Id));

        Assert.True(await Store.DeleteSubscriberAsync(subscriber.Id, null, None));
        Assert.False(await Store.DeleteSubscriberAsync(subscriber.Id, null, None));

        Assert.Null(await Store.GetSubscriberAsync(subscriber.Id, None));
        Assert.Equal(notification, await Store.GetNotificationAsync(notification.Id, None));
    }
}
