using System.Text.Json;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Serialization;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// The snapshot's version (the ETag) is a pure function of its content, and the bytes kept with it are exactly what
/// serialising the stamped snapshot gives, although the builder serialises only once.
/// </summary>
public sealed class PageSnapshotVersionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeptBytes_AreExactlyTheSerialisationOfTheStampedSnapshot()
    {
        var stamped = PageSnapshotStamp.Stamp(Content(), T0.AddTicks(1234567));

        var fresh = JsonSerializer.SerializeToUtf8Bytes(stamped with { Utf8Json = default }, StatusKitJsonContext.Default.PageSnapshot);

        Assert.Equal(fresh, stamped.Utf8Json.ToArray());
        Assert.Equal(T0.AddTicks(1234567), stamped.GeneratedAt);
        Assert.Matches("^[0-9a-f]{32}$", stamped.Version);
        var read = PageSnapshotSerializer.FromUtf8Json(stamped.Utf8Json);
        Assert.Equal((stamped.Version, stamped.GeneratedAt), (read.Version, read.GeneratedAt));
    }

    [Fact]
    public void Version_IgnoresGeneratedAt_AndAnyVersionTheContentCameWith()
    {
        var content = Content();

        var first = PageSnapshotStamp.Stamp(content, T0);
        var later = PageSnapshotStamp.Stamp(content with { Version = "whatever", GeneratedAt = T0.AddDays(3) }, T0.AddMinutes(5));
        var copy = PageSnapshotStamp.Stamp(PageSnapshotSerializer.FromUtf8Json(first.Utf8Json), T0.AddHours(1));

        Assert.Equal(first.Version, later.Version);
        Assert.Equal(first.Version, copy.Version);
        Assert.NotEqual(first.Utf8Json.ToArray(), later.Utf8Json.ToArray());
    }

    [Fact]
    public void Version_ChangesWithEveryVisibleChange()
    {
        var content = Content();
        var component = content.Components[0];
        var incident = content.UnresolvedIncidents[0];
        var window = content.UpcomingMaintenance[0];
        var variants = new Dictionary<string, PageSnapshot>
        {
            ["content"] = content,
            ["component status"] = content with { Components = [component with { Status = ComponentStatus.MajorOutage }, .. content.Components.Skip(1)] },
            ["component status time"] = content with { Components = [component with { StatusUpdatedAt = T0.AddSeconds(1) }, .. content.Components.Skip(1)] },
            ["component name"] = content with { Components = [component with { Name = "API (EU)" }, .. content.Components.Skip(1)] },
            ["component description"] = content with { Components = [component with { Description = null }, .. content.Components.Skip(1)] },
            ["component group"] = content with { Components = [component with { GroupName = "Edge" }, .. content.Components.Skip(1)] },
            ["component order"] = content with { Components = [.. content.Components.Reverse()] },
            ["page name"] = content with { Name = "Acme Cloud" },
            ["page slug"] = content with { Slug = "acme-cloud" },
            ["page description"] = content with { Description = "Everything." },
            ["page visibility"] = content with { IsPublic = !content.IsPublic },
            ["page time zone"] = content with { TimeZoneId = "Europe/Berlin" },
            ["page status"] = content with { Status = PageStatus.For(ComponentStatus.PartialOutage) },
            ["incident update"] = content with { UnresolvedIncidents = [incident with { Updates = [.. incident.Updates, new StatusIncidentUpdate(Guid.Empty, T0, StatusIncidentState.Monitoring, "Watching.")] }] },
            ["no incident"] = content with { UnresolvedIncidents = [] },
            ["maintenance started"] = content with { ActiveMaintenance = [window with { State = MaintenanceState.InProgress }], UpcomingMaintenance = [] },
            ["maintenance moved"] = content with { UpcomingMaintenance = [window with { StartsAt = window.StartsAt.AddHours(1) }] },
        };

        var versions = variants.ToDictionary(v => v.Key, v => PageSnapshotStamp.Stamp(v.Value, T0).Version);

        Assert.Equal(variants.Count, versions.Values.Distinct().Count());
    }

    [Fact]
    public async Task BuiltSnapshot_KeepsItsVersionWhenRebuiltLater_AndChangesItWhenAComponentStatusChanges()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme \"Cloud\" </script>", ("API ✓", "a", null), ("Web", "b", null));
        var snapshots = kit.Get<PageSnapshotReader>();
        var first = await snapshots.RefreshAsync(page.Id, CancellationToken.None);

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        var rebuilt = await snapshots.RefreshAsync(page.Id, CancellationToken.None);
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        var changed = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.NotEqual(first!.GeneratedAt, rebuilt!.GeneratedAt);
        Assert.Equal(first.Version, rebuilt.Version);
        Assert.Equal(ComponentStatus.MajorOutage, changed!.Components.Single(c => c.Name == "API ✓").Status);
        Assert.NotEqual(first.Version, changed.Version);
        Assert.All([first, rebuilt, changed], s => Assert.Equal(
            JsonSerializer.SerializeToUtf8Bytes(s with { Utf8Json = default }, StatusKitJsonContext.Default.PageSnapshot),
            s.Utf8Json.ToArray()));
    }

    // Content that exercises escaping (quotes, HTML, non-ASCII, the text of the stamp's own marker) and every list.
    private static PageSnapshot Content()
    {
        var api = Guid.Parse("0195f3a0-0000-7000-8000-000000000001");
        var web = Guid.Parse("0195f3a0-0000-7000-8000-000000000002");
        var window = new MaintenanceOccurrence(
            Guid.Parse("0195f3a0-0000-7000-8000-000000000003"), "Database upgrade", "Short \"read-only\" period.",
            T0.AddDays(1), T0.AddDays(1).AddHours(2), MaintenanceState.Scheduled, [api], "FREQ=WEEKLY;BYDAY=SU", "Europe/Berlin");
        return new PageSnapshot
        {
            PageId = Guid.Parse("0195f3a0-0000-7000-8000-000000000000"),
            Slug = "acme",
            Name = "Acme \"Cloud\" </script> Ünïcødé ✓",
            Description = ",\"generatedAt\":\"2025-01-01T00:00:00+00:00\",\"version\":\"00000000000000000000000000000000\"}",
            IsPublic = true,
            TimeZoneId = "UTC",
            Status = PageStatus.For(ComponentStatus.DegradedPerformance),
            Components =
            [
                new ComponentSnapshot(api, "API", "The public API.", "Core", 0, ComponentStatus.DegradedPerformance, T0),
                new ComponentSnapshot(web, "Web \\ app", null, null, 1, ComponentStatus.Operational, T0),
            ],
            UnresolvedIncidents =
            [
                new StatusIncident
                {
                    Id = Guid.Parse("0195f3a0-0000-7000-8000-000000000004"),
                    PageId = Guid.Parse("0195f3a0-0000-7000-8000-000000000000"),
                    Title = "Slow API",
                    Message = "We are looking into it.",
                    ComponentIds = [api],
                    Updates = [new StatusIncidentUpdate(Guid.Parse("0195f3a0-0000-7000-8000-000000000005"), T0, StatusIncidentState.Investigating, "We are looking into it.")],
                    CreatedAt = T0,
                    UpdatedAt = T0,
                },
            ],
            ActiveMaintenance = [],
            UpcomingMaintenance = [window],
            GeneratedAt = default,
            Version = string.Empty,
        };
    }
}
