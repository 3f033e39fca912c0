using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class PostmortemTests
{
    [Fact]
    public async Task Publish_OnAResolvedIncident_StoresTheTrimmedTextAndTheTimeOfTheClock()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        kit.Clock.Advance(TimeSpan.FromDays(2));

        var published = await kit.Incidents.PublishPostmortemAsync(incident.Id, "  What happened.\n\nWhat we changed.  ");

        Assert.Equal(("What happened.\n\nWhat we changed.", kit.Clock.GetUtcNow()), (published.Postmortem, published.PostmortemPublishedAt));
        Assert.Equal(kit.Clock.GetUtcNow(), published.UpdatedAt);
        Assert.Equal(incident.Version + 1, published.Version);
        var stored = await kit.Incidents.GetAsync(incident.Id);
        Assert.Equal((published.Postmortem, published.PostmortemPublishedAt), (stored!.Postmortem, stored.PostmortemPublishedAt));
    }

    [Theory]
    [InlineData(StatusIncidentState.Investigating)]
    [InlineData(StatusIncidentState.Identified)]
    [InlineData(StatusIncidentState.Monitoring)]
    public async Task Publish_OnAnUnresolvedIncident_IsRefused_AndChangesNothing(StatusIncidentState state)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });
        if (state != StatusIncidentState.Investigating)
        {
            await kit.Incidents.AddUpdateAsync(incident.Id, state, "later");
        }

        var error = await RejectsAsync<StatusKitValidationException>(kit, "postmortem", () => kit.Incidents.PublishPostmortemAsync(incident.Id, "Too early."));

        Assert.Contains("resolve", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("a\0b")]
    public async Task Publish_WithoutText_OrWithNul_IsRefused_AndChangesNothing(string text)
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);

        await RejectsAsync<StatusKitValidationException>(kit, "postmortem", () => kit.Incidents.PublishPostmortemAsync(incident.Id, text));
    }

    [Fact]
    public async Task Publish_LongerThan20000Characters_IsRefused_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);

        await kit.Incidents.PublishPostmortemAsync(incident.Id, new string('x', 20_000));
        await RejectsAsync<StatusKitValidationException>(kit, "postmortem", () => kit.Incidents.PublishPostmortemAsync(incident.Id, new string('y', 20_001)));
    }

    [Fact]
    public async Task Publish_MissingIncident_ThrowsNotFound()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "incidentId", () => kit.Incidents.PublishPostmortemAsync(Guid.NewGuid(), "text"));
    }

    [Fact]
    public async Task Republish_ReplacesTheText_KeepsTheFirstPublicationTime_AndMovesUpdatedAt()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        var first = await kit.Incidents.PublishPostmortemAsync(incident.Id, "Draft cause.");
        kit.Clock.Advance(TimeSpan.FromHours(3));

        var second = await kit.Incidents.PublishPostmortemAsync(incident.Id, "Actual cause.");

        Assert.Equal("Actual cause.", second.Postmortem);
        Assert.Equal(first.PostmortemPublishedAt, second.PostmortemPublishedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), second.UpdatedAt);
        Assert.Equal(first.Version + 1, second.Version);
    }

    [Fact]
    public async Task Republish_TheSameText_WritesNothing()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        var first = await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var again = await kit.Incidents.PublishPostmortemAsync(incident.Id, " Cause. ");

        Assert.Equal((first.Version, first.UpdatedAt), (again.Version, again.UpdatedAt));
    }

    [Fact]
    public async Task Remove_ClearsTheTextAndTime_AndPublishingAgainStartsANewTime()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        var published = await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var removed = await kit.Incidents.RemovePostmortemAsync(incident.Id);

        Assert.Equal((null, null), (removed.Postmortem, removed.PostmortemPublishedAt));
        Assert.Equal((kit.Clock.GetUtcNow(), published.Version + 1), (removed.UpdatedAt, removed.Version));
        Assert.Null((await kit.Incidents.GetAsync(incident.Id))!.Postmortem);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(kit.Clock.GetUtcNow(), (await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.")).PostmortemPublishedAt);
    }

    [Fact]
    public async Task Remove_WithoutAPostmortem_WritesNothing()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);

        var same = await kit.Incidents.RemovePostmortemAsync(incident.Id);

        Assert.Equal((incident.Version, incident.UpdatedAt), (same.Version, same.UpdatedAt));
    }

    [Fact]
    public async Task Remove_OnAReopenedIncident_IsAllowed()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        var reopened = await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Investigating, "It is back.");
        Assert.Equal("Cause.", reopened.Postmortem);

        var removed = await kit.Incidents.RemovePostmortemAsync(incident.Id);

        Assert.Null(removed.Postmortem);
    }

    [Fact]
    public async Task PublishAndRemove_AtAStaleVersion_ThrowConcurrency_AndChangeNothing()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        var published = await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", incident.Version);

        await RejectsAsync<StatusKitConcurrencyException>(kit, null, () => kit.Incidents.PublishPostmortemAsync(incident.Id, "Other.", incident.Version));
        await RejectsAsync<StatusKitConcurrencyException>(kit, null, () => kit.Incidents.RemovePostmortemAsync(incident.Id, incident.Version));
        Assert.Null((await kit.Incidents.RemovePostmortemAsync(incident.Id, published.Version)).Postmortem);
    }

    [Fact]
    public async Task PublishAndRemove_RefreshThePageSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var incident = await ResolvedIncidentAsync(kit);
        var before = await kit.Reader.GetSnapshotAsync(incident.PageId, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromHours(1));

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        var published = await kit.Reader.GetSnapshotAsync(incident.PageId, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        await kit.Incidents.RemovePostmortemAsync(incident.Id);
        var removed = await kit.Reader.GetSnapshotAsync(incident.PageId, CancellationToken.None);

        Assert.Equal(kit.Clock.GetUtcNow().AddHours(-1), published!.UpdatedAt);
        Assert.Equal(kit.Clock.GetUtcNow(), removed!.UpdatedAt);
        Assert.Equal(3, new HashSet<string> { before!.Version, published.Version, removed.Version }.Count);
    }

    [Fact]
    public async Task Publish_NotifiesNobody_UnlessAsked()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.");
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened, corrected.", notifySubscribers: false);

        Assert.Empty(await PostmortemNoticesAsync(kit, incident));
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_TellsTheSubscribersOfResolutionsWhoFollowTheIncident_WithTheTextAndComponents()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var all = await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var api = await SubscribeAsync(kit, page.Id, "api@example.com", [c[0].Id], NotificationEvents.Resolved);
        await SubscribeAsync(kit, page.Id, "web@example.com", [c[1].Id]);
        await SubscribeAsync(kit, page.Id, "outages@example.com", [], NotificationEvents.Outage | NotificationEvents.Degraded);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "m", ComponentIds = [c[0].Id], NotifySubscribers = false,
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed", notifySubscribers: false);
        kit.Clock.Advance(TimeSpan.FromDays(1));

        var published = await kit.Incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.\n\nWe added a canary.", notifySubscribers: true);

        var notices = await PostmortemNoticesAsync(kit, published);
        Assert.Equal(new[] { all.Id, api.Id }.Order(), notices.Select(n => n.SubscriberId).Order());
        Assert.All(notices, n =>
        {
            Assert.Equal(NotificationKind.StatusIncidentPostmortem, n.Content.Kind);
            Assert.Equal("[Acme] Postmortem: API errors", n.Content.Subject);
            Assert.Equal("A bad deploy.\n\nWe added a canary.\n\nAffected components: API", n.Content.Body);
            Assert.Equal(incident.Id, n.Content.StatusIncidentId);
            Assert.Equal([new NotificationComponent(c[0].Id, "API")], n.Content.AffectedComponents);
            Assert.Equal(kit.Clock.GetUtcNow(), n.Content.OccurredAt);
        });
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_TheSameTextAgainSendsNothingMore_ANewTextTakesTheQueuedNoticesPlace()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", notifySubscribers: true);
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", notifySubscribers: true);
        var first = Assert.Single(await PostmortemNoticesAsync(kit, incident));
        kit.Clock.Advance(TimeSpan.FromHours(1));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause, and what we changed.", notifySubscribers: true);

        var notice = Assert.Single(await PostmortemNoticesAsync(kit, incident));
        Assert.Equal("Cause.", first.Content.Body);
        Assert.Equal(first.Id, notice.Id);
        Assert.Equal("Cause, and what we changed.", notice.Content.Body);
        Assert.Equal(kit.Clock.GetUtcNow(), notice.Content.OccurredAt);
        // Nobody has read the first text yet: the one notice is still the publication's, not an update's.
        Assert.Equal(("[Acme] Postmortem: t", false), (notice.Content.Subject, notice.Content.PostmortemUpdated));
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_TwoCorrectionsWhileTheFirstNoticeIsQueued_LeaveOneNotice_WordedAsTheFirstPublication()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", notifySubscribers: true);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause, corrected.", notifySubscribers: true);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause, corrected twice.", notifySubscribers: true);

        var notice = Assert.Single(await PostmortemNoticesAsync(kit, incident));
        Assert.Equal(("[Acme] Postmortem: t", "Cause, corrected twice."), (notice.Content.Subject, notice.Content.Body));
        Assert.False(notice.Content.PostmortemUpdated);
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_OverAnEarlierText_SaysInTheSubjectThatThePostmortemWasUpdated()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        kit.Clock.Advance(TimeSpan.FromHours(1));

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause, corrected.", notifySubscribers: true);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause, corrected twice.", notifySubscribers: true);

        // The postmortem was public before this notice (on the page, in its feed): the notice says it changed, and a
        // second correction merged into it still does.
        var notice = Assert.Single(await PostmortemNoticesAsync(kit, incident));
        Assert.Equal(("[Acme] Postmortem updated: t", "Cause, corrected twice."), (notice.Content.Subject, notice.Content.Body));
        Assert.True(notice.Content.PostmortemUpdated);
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_AfterTheRemovalOfAnEarlierText_IsAFirstPublicationAgain()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.");
        await kit.Incidents.RemovePostmortemAsync(incident.Id);
        kit.Clock.Advance(TimeSpan.FromHours(1));

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Another cause.", notifySubscribers: true);

        var notice = Assert.Single(await PostmortemNoticesAsync(kit, incident));
        Assert.Equal(("[Acme] Postmortem: t", false), (notice.Content.Subject, notice.Content.PostmortemUpdated));
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_StoresTheNoticesWithThePostmortem_NotAfterIt()
    {
        await using var kit = Kit();
        var incident = await ResolvedIncidentAsync(kit);
        await SubscribeAsync(kit, incident.PageId, "all@example.com", []);
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        await kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", notifySubscribers: true);

        Assert.Single(await PostmortemNoticesAsync(kit, incident));
    }

    [Fact]
    public async Task Publish_WithNotifySubscribers_OnAnUnresolvedIncident_IsRefused_AndSendsNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", NotifySubscribers = false });

        await InvalidAsync(kit, "postmortem", () => kit.Incidents.PublishPostmortemAsync(incident.Id, "Cause.", notifySubscribers: true));

        Assert.Empty(await PostmortemNoticesAsync(kit, incident));
    }

    [Fact]
    public void PostmortemNotice_CutsALongPostmortemAtAWord_AndSaysWhereTheRestIs()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 1000)); // 4,999 characters

        var excerpt = PostmortemNotice.Excerpt(words);

        Assert.Equal("Short.", PostmortemNotice.Excerpt("Short."));
        Assert.EndsWith("word\u2026\n\n" + PostmortemNotice.ContinuedLine, excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.IndexOf('\u2026', StringComparison.Ordinal) <= PostmortemNotice.MaxExcerptLength, excerpt.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith(excerpt[..excerpt.IndexOf('\u2026', StringComparison.Ordinal)], words, StringComparison.Ordinal);
    }

    private static async Task<List<Notification>> PostmortemNoticesAsync(StatusKitHarness kit, StatusIncident incident) =>
        [.. (await OutboxAsync(kit, incident.PageId)).Where(n => n.Content.Kind == NotificationKind.StatusIncidentPostmortem && n.Content.StatusIncidentId == incident.Id)];

    private static async Task<Subscriber> SubscribeAsync(
        StatusKitHarness kit, Guid pageId, string email, IReadOnlyList<Guid> components, NotificationEvents notifyOn = NotificationEvents.All) =>
        (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = email, ComponentIds = components, PreVerified = true, NotifyOn = notifyOn,
        })).Subscriber;

    private static async Task<StatusIncident> ResolvedIncidentAsync(StatusKitHarness kit)
    {
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        return await kit.Incidents.ResolveAsync(incident.Id, "Fixed");
    }
}
