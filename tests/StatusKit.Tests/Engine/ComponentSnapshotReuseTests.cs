using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// A page rebuilt after a change keeps the previous snapshot's record of each component it shows unchanged (so the
/// writer copies its JSON without comparing), and shows every edit of a component exactly as a builder that never saw
/// the page does.
/// </summary>
public sealed class ComponentSnapshotReuseTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Component Api = new()
    {
        Id = Guid.CreateVersion7(T0),
        PageId = Guid.CreateVersion7(T0),
        Name = "API",
        Description = "Public REST API",
        DisplayOrder = 2,
        GroupName = "Core",
        TeamId = "team-a",
        Status = ComponentStatus.DegradedPerformance,
        StatusUpdatedAt = T0,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    public static TheoryData<string, Component> ShownEdits => new()
    {
        { "name", Api with { Name = "API (EU)" } },
        { "description", Api with { Description = "Private API" } },
        { "no description", Api with { Description = null } },
        { "group", Api with { GroupName = "Edge" } },
        { "no group", Api with { GroupName = null } },
        { "order", Api with { DisplayOrder = 3 } },
        { "only shown if degraded", Api with { OnlyShowIfDegraded = true } },
        { "status", Api with { Status = ComponentStatus.MajorOutage } },
        { "status time", Api with { StatusUpdatedAt = T0.AddSeconds(1) } },
        { "status time's offset only", Api with { StatusUpdatedAt = T0.ToOffset(TimeSpan.FromHours(2)) } },
        { "another component", Api with { Id = Guid.CreateVersion7(T0.AddDays(1)) } },
    };

    public static TheoryData<string, Component> HiddenEdits => new()
    {
        { "team", Api with { TeamId = "team-b" } },
        { "service", Api with { ServiceIdentifier = "checkout" } },
        { "manual status", Api with { ManualStatus = ComponentStatus.PartialOutage, ManualStatusExpiresAt = T0.AddHours(1) } },
        { "updated at", Api with { UpdatedAt = T0.AddMinutes(5) } },
        { "version", Api with { Version = 7 } },
    };

    [Fact]
    public void Of_ShowsWhatItWasMadeFrom()
    {
        Assert.True(ComponentSnapshot.Of(Api).Shows(Api));
    }

    [Theory]
    [MemberData(nameof(ShownEdits))]
    public void Shows_AComponentEditedInAFieldTheSnapshotShows_IsFalse(string edit, Component edited)
    {
        Assert.False(ComponentSnapshot.Of(Api).Shows(edited), edit);
    }

    [Theory]
    [MemberData(nameof(HiddenEdits))]
    public void Shows_AComponentEditedOnlyInAFieldTheSnapshotDoesNotShow_IsTrue(string edit, Component edited)
    {
        Assert.True(ComponentSnapshot.Of(Api).Shows(edited), edit);
    }

    [Fact]
    public async Task Rebuild_KeepsTheRecordsOfUnchangedComponents_AndMatchesAColdBuildAfterEveryEdit()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null), ("Web", "b", null), ("Jobs", "c", null));
        var snapshots = kit.Get<PageSnapshotReader>();
        var first = await snapshots.RefreshAsync(page.Id, CancellationToken.None);
        // The last component is edited, so it stays last and the others keep their positions.
        var edits = new Func<Component, Component>[]
        {
            c => c with { Name = "Jobs (EU)" },
            c => c with { Description = "Batch jobs" },
            c => c with { GroupName = "Edge" },
            c => c with { DisplayOrder = 9 },
            c => c with { Description = null, GroupName = null },
        };

        var previous = first!;
        foreach (var edit in edits)
        {
            var jobs = await kit.Store.GetComponentAsync(components[2].Id, CancellationToken.None);
            await kit.Store.UpdateComponentAsync(edit(jobs!), CancellationToken.None);
            kit.Clock.Advance(TimeSpan.FromSeconds(1));

            var warm = await snapshots.RefreshAsync(page.Id, CancellationToken.None);
            var cold = await ColdBuilder(kit).BuildAsync(page.Id, CancellationToken.None);

            Assert.Equal(cold!.Utf8Json.ToArray(), warm!.Utf8Json.ToArray());
            Assert.Equal(cold.Version, warm.Version);
            foreach (var unchanged in new[] { components[0].Id, components[1].Id })
            {
                Assert.Same(previous.Components.Single(c => c.Id == unchanged), warm.Components.Single(c => c.Id == unchanged));
            }

            previous = warm;
        }
    }

    private static PageSnapshotBuilder ColdBuilder(StatusKitHarness kit) =>
        new(kit.Store, kit.Get<Microsoft.Extensions.Options.IOptions<StatusKit.Configuration.StatusPagesOptions>>(), kit.Clock, kit.Get<StatusKit.Diagnostics.StatusKitInstruments>());
}
