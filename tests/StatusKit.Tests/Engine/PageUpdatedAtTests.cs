using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// The snapshot's <c>UpdatedAt</c> (Statuspage's <c>page.updated_at</c>): the time of the page's latest change of anything
/// it shows, so a client that refetches only when it gets newer sees every change.
/// </summary>
public sealed class PageUpdatedAtTests
{
    public static TheoryData<string> Changes => new(PageWithEverything.Changes.Keys);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Every_change_the_page_shows_moves_its_updated_at_to_the_time_of_the_change(string change)
    {
        await using var kit = new StatusKitHarness();
        var page = await PageWithEverything.CreateAsync(kit);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt;

        await PageWithEverything.Changes[change](kit, page);

        var after = (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt;
        Assert.True(before < kit.Clock.GetUtcNow(), $"the arranged page already had the time of the change ({before})");
        Assert.Equal(kit.Clock.GetUtcNow(), after);
    }

    [Fact]
    public async Task A_rebuild_from_the_store_without_a_change_keeps_the_time_of_the_last_change()
    {
        await using var kit = new StatusKitHarness();
        var page = await PageWithEverything.CreateAsync(kit);
        var lastChange = (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt;
        kit.Clock.Advance(TimeSpan.FromMinutes(10));

        await kit.Engine.RecomputePageAsync(page.Page.Id, CancellationToken.None);
        await kit.Get<IStatusCache>().RemoveAsync(page.Page.Id, CancellationToken.None);

        Assert.Equal(lastChange, (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt);
    }

    [Fact]
    public async Task A_page_edit_that_changes_nothing_keeps_the_time_of_the_last_change()
    {
        await using var kit = new StatusKitHarness();
        var page = await PageWithEverything.CreateAsync(kit);
        var lastChange = (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt;
        kit.Clock.Advance(TimeSpan.FromMinutes(10));

        await kit.Pages.UpdateAsync(page.Page.Id, new UpdateStatusPage { Name = page.Page.Name });

        Assert.Equal(lastChange, (await kit.Reader.GetSnapshotAsync(page.Page.Id, CancellationToken.None))!.UpdatedAt);
    }

    /// <summary>A page with two components, an open and a resolved incident, and a scheduled and a running window.</summary>
    private sealed record PageWithEverything(
        StatusPage Page, Component First, Component Second, StatusIncident Open, StatusIncident Resolved, MaintenanceWindow Scheduled, MaintenanceWindow Running)
    {
        public static readonly IReadOnlyDictionary<string, Func<StatusKitHarness, PageWithEverything, Task>> Changes =
            new Dictionary<string, Func<StatusKitHarness, PageWithEverything, Task>>
            {
                ["edit the page"] = (kit, p) => kit.Pages.UpdateAsync(p.Page.Id, new UpdateStatusPage { Name = "Renamed" }),
                ["rename a component"] = (kit, p) => kit.Components.UpdateAsync(p.First.Id, new UpdateComponent { Name = "Renamed" }),
                ["set a component's status"] = (kit, p) => kit.Components.SetManualStatusAsync(p.First.Id, ComponentStatus.MajorOutage),
                ["reorder the components"] = (kit, p) => kit.Components.ReorderAsync(p.Page.Id, [p.Second.Id, p.First.Id]),
                ["delete a component"] = (kit, p) => kit.Components.DeleteAsync(p.Second.Id),
                ["post an incident"] = (kit, p) => kit.Incidents.CreateAsync(Incident(p.Page.Id)),
                ["update an incident"] = (kit, p) => kit.Incidents.AddUpdateAsync(p.Open.Id, StatusIncidentState.Identified, "Found it.", false),
                ["resolve an incident"] = (kit, p) => kit.Incidents.ResolveAsync(p.Open.Id, "Fixed.", false),
                ["edit a resolved incident"] = (kit, p) => kit.Incidents.UpdateAsync(p.Resolved.Id, new UpdateStatusIncident { Title = "Renamed" }),
                ["delete a resolved incident"] = (kit, p) => kit.Incidents.DeleteAsync(p.Resolved.Id),
                ["schedule a window"] = (kit, p) => Maintenance(kit).CreateAsync(Window(kit, p.Page.Id)),
                ["edit a window"] = (kit, p) => Maintenance(kit).UpdateAsync(p.Scheduled.Id, new UpdateMaintenanceWindow { Title = "Renamed" }),
                ["start a window"] = (kit, p) => Maintenance(kit).StartNowAsync(p.Scheduled.Id),
                ["complete a window"] = (kit, p) => Maintenance(kit).CompleteNowAsync(p.Running.Id),
                ["cancel a window"] = (kit, p) => Maintenance(kit).CancelAsync(p.Scheduled.Id),
                ["delete a window"] = (kit, p) => Maintenance(kit).DeleteAsync(p.Scheduled.Id),
            };

        public static async Task<PageWithEverything> CreateAsync(StatusKitHarness kit)
        {
            var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
            var open = await kit.Incidents.CreateAsync(Incident(page.Id));
            var resolved = await kit.Incidents.CreateAsync(Incident(page.Id));
            await kit.Incidents.ResolveAsync(resolved.Id, "Fixed.", false);
            var scheduled = await Maintenance(kit).CreateAsync(Window(kit, page.Id));
            var running = await Maintenance(kit).CreateAsync(Window(kit, page.Id));
            await Maintenance(kit).StartNowAsync(running.Id);
            return new PageWithEverything(page, components[0], components[1], open, resolved, scheduled, running);
        }

        private static MaintenanceService Maintenance(StatusKitHarness kit) => kit.Get<MaintenanceService>();

        private static CreateStatusIncident Incident(Guid pageId) =>
            new() { PageId = pageId, Title = "Login errors", Message = "Investigating.", NotifySubscribers = false };

        private static CreateMaintenanceWindow Window(StatusKitHarness kit, Guid pageId) => new()
        {
            PageId = pageId, Title = "Database upgrade", NotifySubscribers = false,
            StartsAt = kit.Clock.GetUtcNow().AddHours(1), EndsAt = kit.Clock.GetUtcNow().AddHours(2),
        };
    }
}
