using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;

namespace StatusKit.Tests.Notifications;

/// <summary>
/// The planners and a follower of one incident (<see cref="Subscriber.StatusIncidentId"/>): it gets a row for every
/// notice of that incident, whatever its events and components, and none for anything else.
/// </summary>
public sealed class IncidentFollowerPlanningTests
{
    private static readonly StatusPage Page = TestData.Page(name: "Acme");
    private static readonly Guid FollowedIncident = Guid.NewGuid();

    private static readonly Subscriber Follower = TestData.Subscriber(Page.Id) with
    {
        StatusIncidentId = FollowedIncident, ComponentIds = [], NotifyOn = NotificationEvents.All,
    };

    [Fact]
    public void ANoticeOfItsIncident_ReachesTheFollower_WhateverTheEventAndComponents()
    {
        var picky = Follower with { Id = Guid.NewGuid(), ComponentIds = [Guid.NewGuid()], NotifyOn = NotificationEvents.Maintenance };

        var planned = NoticePlanner.Plan(
            [Follower, picky], NotificationEvents.Outage, [Guid.NewGuid()], "incident|x", Content(), TestData.T0, statusIncidentId: FollowedIncident);

        Assert.Equal([Follower.Id, picky.Id], planned.Select(n => n.SubscriberId));
    }

    [Fact]
    public void ANoticeOfAnotherIncident_OrAMaintenanceNotice_DoesNotReachTheFollower()
    {
        var ofPage = TestData.Subscriber(Page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All };

        var otherIncident = NoticePlanner.Plan(
            [Follower, ofPage], NotificationEvents.Outage, [], "incident|y", Content(), TestData.T0, statusIncidentId: Guid.NewGuid());
        var maintenance = NoticePlanner.Plan([Follower, ofPage], NotificationEvents.Maintenance, [], "maintenance|z", Content(), TestData.T0);

        Assert.Equal([ofPage.Id], otherIncident.Select(n => n.SubscriberId));
        Assert.Equal([ofPage.Id], maintenance.Select(n => n.SubscriberId));
    }

    [Fact]
    public void AnUnconfirmedOrStoppedFollower_GetsNothing()
    {
        var unconfirmed = Follower with { Id = Guid.NewGuid(), IsVerified = false };
        var stopped = Follower with { Id = Guid.NewGuid(), IsActive = false };

        var planned = NoticePlanner.Plan([unconfirmed, stopped], NotificationEvents.Outage, [], "incident|x", Content(), TestData.T0, statusIncidentId: FollowedIncident);

        Assert.Empty(planned);
    }

    [Fact]
    public void AComponentChange_NeverReachesAFollower_EvenInTheInputs()
    {
        var api = TestData.Component(Page.Id, "API");
        var ofPage = TestData.Subscriber(Page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All };
        var inputs = new StatusInputs
        {
            Components = [api], Pages = [Page], OpenSignals = [], InProgressWindows = [], UnresolvedIncidents = [], Subscribers = [Follower, ofPage],
        };
        var change = new ComponentStatusChange(Page.Id, api.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.T0, "test");

        var planned = NotificationPlanner.PlanComponentChanges([change], inputs, new NotificationOptions(), causedByIncidents: true, maintenanceEnds: null);

        Assert.Equal([ofPage.Id], planned.Select(n => n.SubscriberId));
    }

    [Fact]
    public void ADestinationThatFollowsThePageAndTheIncident_GetsOneRow_ThePageSubscribers_WhenThePageSubscriptionWantsIt()
    {
        var ofPage = TestData.Subscriber(Page.Id, destination: "Ops@Example.com") with { ComponentIds = [], NotifyOn = NotificationEvents.All };
        var follower = Follower with { Id = Guid.NewGuid(), Destination = "ops@example.com" };

        var planned = NoticePlanner.Plan([ofPage, follower], NotificationEvents.Outage, [], "incident|x", Content(), TestData.T0, statusIncidentId: FollowedIncident);

        Assert.Equal([ofPage.Id], planned.Select(n => n.SubscriberId));
    }

    [Fact]
    public void ADestinationWhosePageSubscriptionLeavesTheNoticeOut_GetsItAsTheFollower()
    {
        var api = Guid.NewGuid();
        var otherComponents = TestData.Subscriber(Page.Id, destination: "components@example.com") with { ComponentIds = [Guid.NewGuid()], NotifyOn = NotificationEvents.All };
        var otherEvents = TestData.Subscriber(Page.Id, destination: "events@example.com") with { ComponentIds = [], NotifyOn = NotificationEvents.Outage };
        var unconfirmed = TestData.Subscriber(Page.Id, destination: "unconfirmed@example.com") with { ComponentIds = [], NotifyOn = NotificationEvents.All, IsVerified = false };
        var stopped = TestData.Subscriber(Page.Id, destination: "stopped@example.com") with { ComponentIds = [], NotifyOn = NotificationEvents.All, IsActive = false };
        Subscriber[] ofPage = [otherComponents, otherEvents, unconfirmed, stopped];
        var followers = ofPage.Select(s => Follower with { Id = Guid.NewGuid(), Destination = s.Destination }).ToList();

        var planned = NoticePlanner.Plan(
            [.. ofPage, .. followers], NotificationEvents.Resolved, [api], "incident|x", Content(), TestData.T0, statusIncidentId: FollowedIncident);

        Assert.Equal(followers.Select(f => f.Id), planned.Select(n => n.SubscriberId));
    }

    [Fact]
    public void AFollowerAtAnotherDestinationOrChannel_GetsItsOwnRow_BesideThePageSubscribers()
    {
        var ofPage = TestData.Subscriber(Page.Id, destination: "ops@example.com") with { ComponentIds = [], NotifyOn = NotificationEvents.All };
        var hook = TestData.Subscriber(Page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/Ops") with { ComponentIds = [], NotifyOn = NotificationEvents.All };
        var elsewhere = Follower with { Id = Guid.NewGuid(), Destination = "someone-else@example.com" };
        // A webhook URL is the same only when equal ordinally (its path is case-sensitive), and an email address is
        // not a webhook URL.
        var otherCase = Follower with { Id = Guid.NewGuid(), Channel = SubscriberChannel.Webhook, Destination = "https://hooks.example.com/ops" };
        var otherChannel = Follower with { Id = Guid.NewGuid(), Channel = SubscriberChannel.Slack, Destination = "ops@example.com" };

        var planned = NoticePlanner.Plan(
            [ofPage, hook, elsewhere, otherCase, otherChannel], NotificationEvents.Outage, [], "incident|x", Content(), TestData.T0, statusIncidentId: FollowedIncident);

        Assert.Equal([ofPage.Id, hook.Id, elsewhere.Id, otherCase.Id, otherChannel.Id], planned.Select(n => n.SubscriberId));
    }

    private static NotificationContent Content() => new()
    {
        Kind = NotificationKind.StatusIncidentUpdated, Subject = "[Acme] Identified: API errors", Body = "Found it.", PageName = "Acme", PageSlug = "acme",
        OccurredAt = TestData.T0,
    };
}
