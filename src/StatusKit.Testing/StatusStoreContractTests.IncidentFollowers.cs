using StatusKit.Abstractions;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddSubscriber_FollowingAnIncident_RoundTripsTheIncident()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var follower = IncidentFollower(page.Id, incident.Id);

        await Store.AddSubscriberAsync(follower, [], None);

        StoreAssert.Same(follower, await Store.GetSubscriberAsync(follower.Id, None));
    }

    [Fact]
    public async Task ListStatusIncidentSubscribers_ReturnsThatIncidentsFollowers_ActiveOrNot_InCreationOrder_AndNoOneElse()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        var other = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.AddStatusIncidentAsync(other, [], None);
        var later = IncidentFollower(page.Id, incident.Id) with { CreatedAt = TestData.At(2) };
        var earlier = IncidentFollower(page.Id, incident.Id) with { CreatedAt = TestData.At(1), IsActive = false, DeactivationReason = SubscriberDeactivationReason.Unsubscribed };
        var ofOther = IncidentFollower(page.Id, other.Id);
        var ofPage = TestData.Subscriber(page.Id);
        foreach (var subscriber in new[] { later, earlier, ofOther, ofPage })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        var followers = await Store.ListStatusIncidentSubscribersAsync(incident.Id, None);

        Assert.Equal([earlier.Id, later.Id], followers.Select(s => s.Id));
        StoreAssert.Same(earlier, followers[0]);
        Assert.Empty(await Store.ListStatusIncidentSubscribersAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task IncidentFollowers_AreNotThePagesSubscribers_ButAreInItsPagedListForPeople()
    {
        var page = await AddPageAsync();
        await AddComponentAsync(page.Id, "API");
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var follower = IncidentFollower(page.Id, incident.Id);
        var ofPage = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(follower, [], None);
        await Store.AddSubscriberAsync(ofPage, [], None);

        Assert.Equal([ofPage.Id], (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id));
        Assert.Equal([ofPage.Id], (await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None)).Subscribers.Select(s => s.Id));
        StoreAssert.SameIds([ofPage.Id, follower.Id], (await Store.ListSubscribersAsync(page.Id, 0, 10, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task AddSubscriber_SameDestination_MayFollowThePageAndEachIncident_ButNotOneIncidentTwice()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        var other = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.AddStatusIncidentAsync(other, [], None);
        const string Destination = "someone@example.com";
        var ofPage = TestData.Subscriber(page.Id, destination: Destination);
        var ofIncident = IncidentFollower(page.Id, incident.Id, Destination);
        var ofOther = IncidentFollower(page.Id, other.Id, Destination);

        await Store.AddSubscriberAsync(ofPage, [], None);
        await Store.AddSubscriberAsync(ofIncident, [], None);
        await Store.AddSubscriberAsync(ofOther, [], None);
        var twice = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.AddSubscriberAsync(IncidentFollower(page.Id, incident.Id, "SOMEONE@example.com"), [], None));

        Assert.Equal("destination", twice.Field);
        StoreAssert.Same(ofPage, await Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Email, Destination, None));
        Assert.Equal([ofIncident.Id], (await Store.ListStatusIncidentSubscribersAsync(incident.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task FindSubscriberByDestination_IgnoresIncidentFollowers()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var follower = IncidentFollower(page.Id, incident.Id);
        await Store.AddSubscriberAsync(follower, [], None);

        Assert.Null(await Store.FindSubscriberByDestinationAsync(page.Id, follower.Channel, follower.Destination, None));
    }

    [Fact]
    public async Task UpdateSubscriber_KeepsTheIncidentItFollows()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var follower = IncidentFollower(page.Id, incident.Id);
        var ofPage = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(follower, [], None);
        await Store.AddSubscriberAsync(ofPage, [], None);

        var stillFollowing = await Store.UpdateSubscriberAsync(follower with { StatusIncidentId = null, IsVerified = false }, [], None);
        var stillOfPage = await Store.UpdateSubscriberAsync(ofPage with { StatusIncidentId = incident.Id }, [], None);

        Assert.Equal(incident.Id, stillFollowing.StatusIncidentId);
        Assert.Null(stillOfPage.StatusIncidentId);
        StoreAssert.Same(follower with { IsVerified = false, Version = 2 }, await Store.GetSubscriberAsync(follower.Id, None));
    }

    [Fact]
    public async Task DeleteStatusIncident_DeactivatesItsFollowers_SayingWhy_AndLeavesEveryoneElseAlone()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        var other = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.AddStatusIncidentAsync(other, [], None);
        var active = IncidentFollower(page.Id, incident.Id);
        var unverified = IncidentFollower(page.Id, incident.Id) with { IsVerified = false };
        var stopped = IncidentFollower(page.Id, incident.Id) with { IsActive = false, DeactivationReason = SubscriberDeactivationReason.Unsubscribed };
        var ofOther = IncidentFollower(page.Id, other.Id);
        var ofPage = TestData.Subscriber(page.Id);
        foreach (var subscriber in new[] { active, unverified, stopped, ofOther, ofPage })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        Assert.True(await Store.DeleteStatusIncidentAsync(incident.Id, incident.Version, None));

        var deleted = SubscriberDeactivationReason.IncidentDeleted;
        StoreAssert.Same(active with { IsActive = false, DeactivationReason = deleted, Version = 2 }, await Store.GetSubscriberAsync(active.Id, None));
        StoreAssert.Same(unverified with { IsActive = false, DeactivationReason = deleted, Version = 2 }, await Store.GetSubscriberAsync(unverified.Id, None));
        StoreAssert.Same(stopped with { Version = 2 }, await Store.GetSubscriberAsync(stopped.Id, None));
        StoreAssert.Same(ofOther, await Store.GetSubscriberAsync(ofOther.Id, None));
        StoreAssert.Same(ofPage, await Store.GetSubscriberAsync(ofPage.Id, None));
        StoreAssert.SameIds([active.Id, unverified.Id, stopped.Id], (await Store.ListStatusIncidentSubscribersAsync(incident.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task DeleteStatusIncident_AtAStaleVersion_LeavesItsFollowersActive()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var follower = IncidentFollower(page.Id, incident.Id);
        await Store.AddSubscriberAsync(follower, [], None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.DeleteStatusIncidentAsync(incident.Id, incident.Version + 5, None));

        StoreAssert.Same(follower, await Store.GetSubscriberAsync(follower.Id, None));
    }

    // A follower of one incident: no components, every event (what a subscription to an incident stores).
    private static Subscriber IncidentFollower(Guid pageId, Guid incidentId, string? destination = null) =>
        TestData.Subscriber(pageId, destination: destination) with { StatusIncidentId = incidentId, ComponentIds = [], NotifyOn = NotificationEvents.All };
}
