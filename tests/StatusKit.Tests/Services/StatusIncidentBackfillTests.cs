using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>An incident created Resolved with <see cref="CreateStatusIncident.StartedAt"/>: a past problem put on record on its own dates.</summary>
public sealed class StatusIncidentBackfillTests
{
    [Fact]
    public async Task Create_Backfill_IsCreatedAtItsStart_AndResolvedAtItsEnd_WithOneResolvedUpdateAtTheEnd()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        var started = now.AddDays(-10);
        var resolved = started.AddMinutes(20);

        var incident = await kit.Incidents.CreateAsync(Backfill(page.Id, c[0].Id, started, resolved));

        var stored = (await kit.Incidents.GetAsync(incident.Id))!;
        foreach (var i in new[] { incident, stored })
        {
            Assert.Equal((StatusIncidentState.Resolved, started, resolved, now), (i.State, i.CreatedAt, i.ResolvedAt, i.UpdatedAt));
            var update = Assert.Single(i.Updates);
            Assert.Equal((StatusIncidentState.Resolved, resolved, "Logins failed for 20 minutes."), (update.State, update.At, update.Message));
        }
    }

    [Fact]
    public async Task Create_Backfill_WithOnlyItsStart_IsResolvedWhenItStarted()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var started = kit.Clock.GetUtcNow().AddHours(-3);

        var incident = await kit.Incidents.CreateAsync(Backfill(page.Id, c[0].Id, started, resolvedAt: null));

        Assert.Equal((started, started), (incident.CreatedAt, incident.ResolvedAt));
        Assert.Equal(started, Assert.Single(incident.Updates).At);
    }

    [Fact]
    public async Task Create_Backfill_NotifiesNobody_AndLeavesTheComponentsAndTheirHistoryAlone()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com");
        var historyBefore = await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);

        var incident = await kit.Incidents.CreateAsync(Backfill(page.Id, c[0].Id, kit.Clock.GetUtcNow().AddDays(-2), kit.Clock.GetUtcNow().AddDays(-1)));

        Assert.DoesNotContain(await OutboxAsync(kit, page.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.False(Assert.Single(incident.Updates).NotifySubscribers);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(historyBefore, await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Create_Backfill_IsListedAmongTheOthersByItsStart_NotWhenItWasRecorded()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        var recent = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Today", Message = "m", State = StatusIncidentState.Resolved });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var past = await kit.Incidents.CreateAsync(Backfill(page.Id, c[0].Id, now.AddDays(-5), now.AddDays(-5).AddHours(1)));

        Assert.Equal([recent.Id, past.Id], (await kit.Incidents.ListAsync(page.Id)).Select(i => i.Id));
        Assert.Equal([recent.Id, past.Id], (await kit.Incidents.GetHistoryAsync(page.Id, days: 7)).Select(i => i.Id));
        Assert.Equal([recent.Id], (await kit.Incidents.GetHistoryAsync(page.Id, days: 3)).Select(i => i.Id));
    }

    [Theory]
    [InlineData(StatusIncidentState.Investigating, true, false, "startedAt")]
    [InlineData(StatusIncidentState.Monitoring, true, true, "startedAt")]
    [InlineData(StatusIncidentState.Identified, false, true, "resolvedAt")]
    public async Task Create_Dated_InAnOpenState_IsRefused_NamingTheField(StatusIncidentState state, bool withStart, bool withEnd, string field)
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var past = kit.Clock.GetUtcNow().AddHours(-1);

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Incidents.CreateAsync(
            Backfill(page.Id, c[0].Id, withStart ? past : null, withEnd ? past : null) with { State = state }));

        Assert.Equal(field, error.Field);
        Assert.Contains("Resolved", error.Message, StringComparison.Ordinal);
        Assert.Empty(await kit.Incidents.ListAsync(page.Id));
    }

    public static TheoryData<string, TimeSpan?, TimeSpan?> BadTimes => new()
    {
        // field, started (from now), resolved (from now)
        { "startedAt", TimeSpan.FromSeconds(1), null },
        { "startedAt", TimeSpan.FromDays(1), TimeSpan.FromDays(2) },
        { "resolvedAt", TimeSpan.FromDays(-1), TimeSpan.FromSeconds(1) },
        { "resolvedAt", TimeSpan.FromDays(-1), TimeSpan.FromDays(-1) - TimeSpan.FromTicks(1) },
        { "startedAt", null, TimeSpan.FromDays(-1) },
    };

    [Theory]
    [MemberData(nameof(BadTimes))]
    public async Task Create_Backfill_WithTimesInTheFuture_OutOfOrder_OrOnlyAnEnd_IsRefused_NamingTheField(string field, TimeSpan? started, TimeSpan? resolved)
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Incidents.CreateAsync(
            Backfill(page.Id, c[0].Id, now + started, now + resolved)));

        Assert.Equal(field, error.Field);
        Assert.Empty(await kit.Incidents.ListAsync(page.Id));
    }

    [Fact]
    public async Task Create_Backfill_BeforeTheStoresRange_IsRefused_NamingTheField()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Incidents.CreateAsync(
            Backfill(page.Id, c[0].Id, new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), resolvedAt: null)));

        Assert.Equal("startedAt", error.Field);
        Assert.Contains("1970-01-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Backfill_AtTheEarliestInstantAndNow_IsAccepted()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var epoch = DateTimeOffset.UnixEpoch;

        var incident = await kit.Incidents.CreateAsync(Backfill(page.Id, c[0].Id, epoch, kit.Clock.GetUtcNow()));

        Assert.Equal((epoch, kit.Clock.GetUtcNow()), (incident.CreatedAt, incident.ResolvedAt));
    }

    private static CreateStatusIncident Backfill(Guid pageId, Guid componentId, DateTimeOffset? startedAt, DateTimeOffset? resolvedAt) => new()
    {
        PageId = pageId,
        Title = "Login errors",
        Message = "Logins failed for 20 minutes.",
        Severity = StatusIncidentSeverity.Critical,
        ComponentIds = [componentId],
        State = StatusIncidentState.Resolved,
        StartedAt = startedAt,
        ResolvedAt = resolvedAt,
    };

    private static async Task SubscribeAsync(StatusKitHarness kit, Guid pageId, string email) =>
        await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = email, PreVerified = true, NotifyOn = NotificationEvents.All,
        });
}
