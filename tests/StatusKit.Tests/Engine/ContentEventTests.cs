using Microsoft.Extensions.DependencyInjection;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// The change feed tells a live page that its incidents or maintenance changed (<see cref="StatusChangeKind.Content"/>),
/// or its components as the page lists them (which, in what order, their names, descriptions and groups), once per change,
/// after the status events of the same change, and never for a change of statuses alone.
/// </summary>
public sealed class ContentEventTests
{
    [Fact]
    public async Task PostingAStatusIncident_TellsThePagesFeedOneContentEvent_AfterItsStatusEvents()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Major, ComponentIds = [components[0].Id],
        });

        var heard = await feed.HeardAsync();
        Assert.Equal([StatusChangeKind.Component, StatusChangeKind.Page, StatusChangeKind.Content], heard.Select(e => e.Kind));
        var content = heard[^1];
        Assert.Equal(page.Id, content.PageId);
        Assert.Contains("Slow logins", content.Cause, StringComparison.Ordinal);
        Assert.Null(content.ComponentId);
        Assert.Equal((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Version, content.SnapshotVersion);
    }

    [Fact]
    public async Task AnUpdateOfAStatusIncident_AndItsResolution_EachTellOneContentEvent()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "We identified the cause");
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed");

        var heard = await feed.HeardAsync();
        Assert.Equal([StatusChangeKind.Content, StatusChangeKind.Content], heard.Select(e => e.Kind));
    }

    [Fact]
    public async Task AMaintenanceWindowScheduled_AndStarted_EachTellOneContentEvent()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var maintenance = kit.Services.GetRequiredService<MaintenanceService>();
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = kit.Clock.GetUtcNow().AddHours(1), EndsAt = kit.Clock.GetUtcNow().AddHours(2),
            ComponentIds = [components[0].Id],
        });
        var scheduled = await feed.HeardAsync();
        feed = FeedRecording.Start(kit, page.Id, cts.Token);
        await maintenance.StartNowAsync(window.Id);
        await kit.Engine.WhenIdleAsync(cts.Token);

        var started = await feed.HeardAsync();
        Assert.Equal([StatusChangeKind.Content], scheduled.Select(e => e.Kind));
        Assert.Equal([StatusChangeKind.Component, StatusChangeKind.Page, StatusChangeKind.Content], started.Select(e => e.Kind));
        Assert.Equal(ComponentStatus.UnderMaintenance, started[0].NewStatus);
    }

    [Fact]
    public async Task ARecomputeThatChangesOnlyStatuses_TellsNoContentEvent()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 2));

        var heard = await feed.HeardAsync();
        Assert.NotEmpty(heard);
        Assert.DoesNotContain(heard, e => e.Kind == StatusChangeKind.Content);
    }

    [Fact]
    public async Task RefreshingAPageWhoseIncidentsMaintenanceAndComponentsShowTheSame_TellsNoContentEvent()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
        });
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        // The team is not shown on the page.
        await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { TeamId = "team-b" });

        var heard = await feed.HeardAsync();
        Assert.DoesNotContain(heard, e => e.Kind == StatusChangeKind.Content);
    }

    [Fact]
    public async Task AComponentCreated_Renamed_Described_Regrouped_Reordered_AndDeleted_EachTellOneContentEvent()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        var web = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Web" });
        await kit.Components.UpdateAsync(web.Id, new UpdateComponent { Name = "Website" });
        await kit.Components.UpdateAsync(web.Id, new UpdateComponent { Description = "The public website" });
        await kit.Components.UpdateAsync(web.Id, new UpdateComponent { GroupName = "Public" });
        await kit.Components.ReorderAsync(page.Id, [web.Id, components[0].Id]);
        await kit.Components.DeleteAsync(web.Id);

        var heard = await feed.HeardAsync();
        Assert.Equal(Enumerable.Repeat(StatusChangeKind.Content, 6), heard.Where(e => e.Kind != StatusChangeKind.Group).Select(e => e.Kind));
    }

    [Fact]
    public async Task AComponentShownOnlyWhileDegraded_TellsAContentEvent_WhenTheFlagIsSetAndCleared()
    {
        // An operational component that is given the flag leaves the public page, and comes back when it loses it.
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null), ("Web", "team-b", null));
        Assert.NotNull(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = FeedRecording.Start(kit, page.Id, cts.Token);

        await kit.Components.UpdateAsync(components[1].Id, new UpdateComponent { OnlyShowIfDegraded = true });
        await kit.Components.UpdateAsync(components[1].Id, new UpdateComponent { OnlyShowIfDegraded = false });

        var heard = await feed.HeardAsync();
        Assert.Equal(Enumerable.Repeat(StatusChangeKind.Content, 2), heard.Where(e => e.Kind != StatusChangeKind.Group).Select(e => e.Kind));
    }
}
