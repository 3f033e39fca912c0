using StatusKit.Model;
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

    private static async Task<StatusIncident> ResolvedIncidentAsync(StatusKitHarness kit)
    {
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        return await kit.Incidents.ResolveAsync(incident.Id, "Fixed");
    }
}
