using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// Following one status incident (<see cref="Subscribe.StatusIncidentId"/>): its follower hears that incident's updates,
/// resolution and postmortem, whatever it would choose, and nothing else of the page.
/// </summary>
public sealed class IncidentSubscriptionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Subscribe_ToAnIncident_StoresItsFollower_AndTheVerificationSaysItIsForTheIncidentsUpdates()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id,
        });

        Assert.Equal(incident.Id, subscription.Subscriber.StatusIncidentId);
        Assert.Empty(subscription.Subscriber.ComponentIds);
        var verification = Assert.Single(await OutboxAsync(kit, page.Id));
        Assert.Equal(NotificationKind.SubscriptionVerification, verification.Content.Kind);
        Assert.Equal("Confirm your subscription to updates on \"API errors\" from Acme", verification.Content.Subject);
        Assert.Contains("updates on \"API errors\"", verification.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_ToAnIncidentOfAnotherPage_OrNone_IsRefusedNamingIncidentId()
    {
        await using var kit = Kit();
        var (page, _) = await PageWithIncidentAsync(kit);
        var (_, elsewhere) = await PageWithIncidentAsync(kit, "Other");

        foreach (var incidentId in new[] { elsewhere.Id, Guid.NewGuid() })
        {
            await InvalidAsync(kit, "incidentId", () => kit.Subscribers.SubscribeAsync(new Subscribe
            {
                PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incidentId,
            }));
        }
    }

    [Fact]
    public async Task Subscribe_ToAnIncident_WithComponentsOrEvents_IsRefusedNamingThem()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);

        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id,
            ComponentIds = [incident.ComponentIds[0]],
        }));
        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id,
            NotifyOn = NotificationEvents.Resolved,
        }));
    }

    [Fact]
    public async Task Subscribe_ToAResolvedIncident_IsAccepted_ForItsPostmortem()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed.");

        var subscription = await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.", notifySubscribers: true);

        var postmortem = Assert.Single(await NoticesToAsync(kit, page.Id, subscription.Subscriber.Id));
        Assert.Equal(NotificationKind.StatusIncidentPostmortem, postmortem.Content.Kind);
    }

    [Fact]
    public async Task TheSameDestination_MayFollowThePageAndAnIncident_ButNotTheSameIncidentTwiceOnceConfirmed()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var ofPage = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true,
        });

        var ofIncident = await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true));
        var again = await Assert.ThrowsAsync<StatusKitConflictException>(() => kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: false)));

        Assert.NotEqual(ofPage.Subscriber.Id, ofIncident.Subscriber.Id);
        Assert.Equal("destination", again.Field);
        Assert.Contains("already follows this incident", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_ToAnIncidentAgainBeforeConfirming_StartsThatSubscriptionOver()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var first = await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: false));

        var second = await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: false));

        Assert.Equal(first.Subscriber.Id, second.Subscriber.Id);
        Assert.Null(await kit.Subscribers.VerifyAsync(page.Id, first.VerificationToken!));
        Assert.True((await kit.Subscribers.VerifyAsync(page.Id, second.VerificationToken!))!.IsVerified);
    }

    [Fact]
    public async Task AFollower_HearsItsIncidentsUpdatesResolutionAndPostmortem_WhatEverItsComponents_AndNothingElse()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "Investigating.", ComponentIds = [components[0].Id],
        });
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;
        var ofPage = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "everything@example.com", PreVerified = true,
        })).Subscriber;

        // Everything else on the page: another incident, a component's own change, a maintenance window.
        var other = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Web slow", Message = "m", ComponentIds = [components[1].Id] });
        await kit.Incidents.AddUpdateAsync(other.Id, StatusIncidentState.Identified, "Found it.");
        await kit.Components.SetManualStatusAsync(components[1].Id, ComponentStatus.MajorOutage);
        await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", ComponentIds = [components[1].Id],
            StartsAt = kit.Clock.GetUtcNow().AddDays(3), EndsAt = kit.Clock.GetUtcNow().AddDays(3).AddHours(1),
        });
        // Its own incident: an update, the resolution, the postmortem (a minute apart, so the outbox orders them).
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found the cause.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.", notifySubscribers: true);
        await kit.Engine.WhenIdleAsync(None);

        var pageHeard = (await NoticesToAsync(kit, page.Id, ofPage.Id)).Select(n => n.Content.Kind).ToList();
        Assert.Contains(NotificationKind.ComponentStatusChanged, pageHeard);
        Assert.Contains(NotificationKind.MaintenanceScheduled, pageHeard);
        Assert.Equal(2, (await NoticesToAsync(kit, page.Id, ofPage.Id)).Count(n => n.Content.StatusIncidentId == other.Id));
        var heard = await NoticesToAsync(kit, page.Id, follower.Id);
        Assert.Equal(
            [NotificationKind.StatusIncidentUpdated, NotificationKind.StatusIncidentResolved, NotificationKind.StatusIncidentPostmortem],
            heard.Select(n => n.Content.Kind));
        Assert.All(heard, n => Assert.Equal(incident.Id, n.Content.StatusIncidentId));
        Assert.Equal("[Acme] Identified: API errors", heard[0].Content.Subject);
        Assert.StartsWith("Found the cause.", heard[0].Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollower_HearsItsIncident_EvenWhenItsStoredChoiceWouldNot()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = TestData.Subscriber(page.Id) with
        {
            StatusIncidentId = incident.Id, ComponentIds = [Guid.NewGuid()], NotifyOn = NotificationEvents.Maintenance,
        };
        await kit.Store.AddSubscriberAsync(follower, [], None);

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "Watching.");

        Assert.Single(await NoticesToAsync(kit, page.Id, follower.Id));
    }

    [Fact]
    public async Task ADestinationThatFollowsThePageAndTheIncident_HearsEachOfTheIncidentsNoticesOnce()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var ofPage = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "OPS@example.com", PreVerified = true,
        })).Subscriber;
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.", notifySubscribers: true);

        Assert.Equal(
            [NotificationKind.StatusIncidentUpdated, NotificationKind.StatusIncidentResolved, NotificationKind.StatusIncidentPostmortem],
            (await NoticesToAsync(kit, page.Id, ofPage.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.Content.Kind));
        Assert.Empty(await NoticesToAsync(kit, page.Id, follower.Id));
    }

    [Fact]
    public async Task ADestinationWhosePageSubscriptionLeavesTheIncidentOut_HearsItAsItsFollower()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "Investigating.", ComponentIds = [components[0].Id],
        });
        var webOnly = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", ComponentIds = [components[1].Id], PreVerified = true,
        })).Subscriber;
        var outagesOnly = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "oncall@example.com", NotifyOn = NotificationEvents.Outage, PreVerified = true,
        })).Subscriber;
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;
        var oncallFollower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true) with { Destination = "oncall@example.com" })).Subscriber;

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed.");

        Assert.DoesNotContain(await NoticesToAsync(kit, page.Id, webOnly.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal(
            [NotificationKind.StatusIncidentUpdated, NotificationKind.StatusIncidentResolved],
            (await NoticesToAsync(kit, page.Id, follower.Id)).Select(n => n.Content.Kind));
        // The incident is Minor (degraded): its update is no outage to the page subscription, nor its resolution.
        Assert.DoesNotContain(await NoticesToAsync(kit, page.Id, outagesOnly.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal(
            [NotificationKind.StatusIncidentUpdated, NotificationKind.StatusIncidentResolved],
            (await NoticesToAsync(kit, page.Id, oncallFollower.Id)).Select(n => n.Content.Kind));
    }

    [Fact]
    public async Task TwoDestinationsThatFollowTheIncident_EachHearIt()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var first = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;
        var second = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true) with { Destination = "dev@example.com" })).Subscriber;

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it.");

        Assert.Single(await NoticesToAsync(kit, page.Id, first.Id));
        Assert.Single(await NoticesToAsync(kit, page.Id, second.Id));
    }

    [Fact]
    public async Task DeletingTheIncident_EndsItsFollowersSubscriptions_WhichNoOperatorTurnsBackOn()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;

        Assert.True(await kit.Incidents.DeleteAsync(incident.Id));

        var ended = await kit.Subscribers.GetAsync(follower.Id);
        Assert.False(ended!.IsActive);
        Assert.Equal(SubscriberDeactivationReason.IncidentDeleted, ended.DeactivationReason);
        var refused = await Assert.ThrowsAsync<StatusKitConflictException>(() => kit.Subscribers.ReactivateAsync(follower.Id));
        Assert.Contains("incident", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollower_HasNoComponentsOrEventsToChange()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;

        await InvalidAsync(kit, "componentIds", () => kit.Subscribers.UpdateAsync(follower.Id, new UpdateSubscriber { ComponentIds = [] }));
        await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.UpdateAsync(follower.Id, new UpdateSubscriber { NotifyOn = NotificationEvents.Outage }));
    }

    [Fact]
    public async Task AFollowersNotices_GoThroughTheDispatcher_WithTheHourlyCapAndItsDigest_AsAnySubscribers()
    {
        var email = new RecordingNotifier(SubscriberChannel.Email);
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<INotifier>(email);
            services.Configure<NotificationOptions>(o => o.MaxNotificationsPerHour = 2);
        });
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;
        for (var i = 0; i < 4; i++)
        {
            await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, $"Update {i}.");
        }

        var dispatcher = kit.Get<NotificationDispatcher>();
        await dispatcher.RunOnceAsync(None);
        Assert.Equal(2, email.Delivered.Count(m => m.Subscriber.Id == follower.Id));

        kit.Clock.Advance(TimeSpan.FromHours(1));
        await dispatcher.RunOnceAsync(None);

        var toFollower = email.Delivered.Where(m => m.Subscriber.Id == follower.Id).ToList();
        Assert.Equal(3, toFollower.Count);
        Assert.Equal(NotificationKind.Digest, toFollower[^1].Content.Kind);
    }

    [Fact]
    public async Task AFollowerWhoseDestinationIsGone_IsDeactivatedAsAnySubscriber()
    {
        var email = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Gone("no such mailbox")) };
        await using var kit = new StatusKitHarness(services => services.AddSingleton<INotifier>(email));
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it.");

        await kit.Get<NotificationDispatcher>().RunOnceAsync(None);

        Assert.Equal(SubscriberDeactivationReason.DestinationGone, (await kit.Subscribers.GetAsync(follower.Id))!.DeactivationReason);
    }

    [Fact]
    public async Task AFollowersTestNotice_SaysItFollowsTheIncident()
    {
        await using var kit = Kit();
        var (page, incident) = await PageWithIncidentAsync(kit);
        var follower = (await kit.Subscribers.SubscribeAsync(Follow(page, incident, preVerified: true))).Subscriber;

        await kit.Subscribers.SendTestNotificationAsync(follower.Id);

        var test = Assert.Single(await NoticesToAsync(kit, page.Id, follower.Id));
        Assert.EndsWith("You follow the updates on the incident \"API errors\".", test.Content.Body, StringComparison.Ordinal);
    }

    private static Subscribe Follow(StatusPage page, StatusIncident incident, bool preVerified) => new()
    {
        PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id, PreVerified = preVerified,
    };

    private static async Task<(StatusPage Page, StatusIncident Incident)> PageWithIncidentAsync(StatusKitHarness kit, string name = "Acme")
    {
        var (page, components) = await kit.CreatePageAsync(name, ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "Investigating.", ComponentIds = [components[0].Id],
        });
        return (page, incident);
    }

    private static async Task<List<Notification>> NoticesToAsync(StatusKitHarness kit, Guid pageId, Guid subscriberId) =>
        [.. (await OutboxAsync(kit, pageId)).Where(n => n.SubscriberId == subscriberId && n.Content.Kind != NotificationKind.SubscriptionVerification)];
}
