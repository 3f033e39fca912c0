using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Serialization;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// The snapshot's version (the ETag) is a pure function of its content, and the bytes kept with it are exactly what
/// serialising the stamped snapshot gives, although the builder serialises once and only the components that changed.
/// </summary>
public sealed class PageSnapshotVersionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeptBytes_AreExactlyTheSerialisationOfTheStampedSnapshot()
    {
        var stamped = new PageSnapshotWriter().Stamp(Content(), T0.AddTicks(1234567));

        var fresh = JsonSerializer.SerializeToUtf8Bytes(stamped with { Utf8Json = default }, StatusKitJsonContext.Default.PageSnapshot);

        Assert.Equal(fresh, stamped.Utf8Json.ToArray());
        Assert.Equal(T0.AddTicks(1234567), stamped.GeneratedAt);
        Assert.Matches("^[0-9a-f]{32}$", stamped.Version);
        var read = PageSnapshotSerializer.FromUtf8Json(stamped.Utf8Json);
        Assert.Equal((stamped.Version, stamped.GeneratedAt), (read.Version, read.GeneratedAt));
    }

    [Fact]
    public void OnlyShowIfDegraded_SurvivesTheCachedJson_AndIsLeftOutOfItWhileFalse_SoOtherPagesKeepTheirVersion()
    {
        var content = Content();
        var flagged = content with { Components = [content.Components[0] with { OnlyShowIfDegraded = true }, .. content.Components.Skip(1)] };

        var plain = new PageSnapshotWriter().Stamp(content, T0);
        var stamped = new PageSnapshotWriter().Stamp(flagged, T0);
        var read = PageSnapshotSerializer.FromUtf8Json(stamped.Utf8Json);

        Assert.Equal([true, .. content.Components.Skip(1).Select(_ => false)], read.Components.Select(c => c.OnlyShowIfDegraded));
        Assert.Equal(-1, plain.Utf8Json.Span.IndexOf("onlyShowIfDegraded"u8));
        Assert.NotEqual(-1, stamped.Utf8Json.Span.IndexOf("onlyShowIfDegraded"u8));
    }

    [Fact]
    public void Version_IgnoresGeneratedAt_AndAnyVersionTheContentCameWith()
    {
        var content = Content();

        var first = new PageSnapshotWriter().Stamp(content, T0);
        var later = new PageSnapshotWriter().Stamp(content with { Version = "whatever", GeneratedAt = T0.AddDays(3) }, T0.AddMinutes(5));
        var copy = new PageSnapshotWriter().Stamp(PageSnapshotSerializer.FromUtf8Json(first.Utf8Json), T0.AddHours(1));

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
            ["component only shown if degraded"] = content with { Components = [component with { OnlyShowIfDegraded = true }, .. content.Components.Skip(1)] },
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

        var versions = variants.ToDictionary(v => v.Key, v => new PageSnapshotWriter().Stamp(v.Value, T0).Version);

        Assert.Equal(variants.Count, versions.Values.Distinct().Count());
    }

    [Fact]
    public void Version_OfALargePage_ChangesWithAnyOneComponentAndWithItsPosition()
    {
        var content = Content(50);
        var components = content.Components;
        var variants = new List<PageSnapshot> { content, content with { Components = [.. components.Take(49)] } };
        foreach (var i in new[] { 0, 15, 16, 17, 31, 32, 47, 48, 49 })
        {
            variants.Add(content with { Components = [.. components.Select((c, j) => j == i ? c with { Status = ComponentStatus.MajorOutage } : c)] });
        }

        foreach (var i in new[] { 0, 15, 31 })
        {
            variants.Add(content with { Components = [.. components.Take(i), components[i + 1], components[i], .. components.Skip(i + 2)] });
        }

        var versions = variants.Select(v => new PageSnapshotWriter().Stamp(v, T0).Version).ToList();

        Assert.Equal(variants.Count, versions.Distinct().Count());
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

    [Fact]
    public void WarmWriter_Meets_Specification()
    {
        // A page edited step by step through one writer (which copies the JSON of unchanged components) gives, at
        // every step, the bytes of a fresh serialisation and the version a writer that never saw the page gives.
        var scenarios =
            from seed in Gen.Choose(0, int.MaxValue)
            from components in Gen.Choose(0, 70)
            from steps in Gen.Choose(1, 12)
            select (Seed: seed, Components: components, Steps: steps);
        PropertyCheck.Verify(
            Prop.ForAll(scenarios.ToArbitrary(), scenario =>
            {
                var random = new Random(scenario.Seed);
                var writer = new PageSnapshotWriter();
                var content = Content(scenario.Components);
                for (var step = 0; step < scenario.Steps; step++)
                {
                    content = Edit(content, random);
                    var at = T0.AddSeconds(step);
                    var warm = writer.Stamp(content, at);
                    var cold = new PageSnapshotWriter().Stamp(content, at);
                    var fresh = JsonSerializer.SerializeToUtf8Bytes(warm with { Utf8Json = default }, StatusKitJsonContext.Default.PageSnapshot);

                    Assert.Equal(fresh, warm.Utf8Json.ToArray());
                    Assert.Equal(cold.Utf8Json.ToArray(), warm.Utf8Json.ToArray());
                    Assert.Equal(cold.Version, warm.Version);
                }

                return true;
            }),
            cases: 300);
    }

    [Fact]
    public async Task DeletingAPage_ForgetsWhatTheBuilderKeptForIt()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        var (other, _) = await kit.CreatePageAsync("Other", ("Web", "b", null));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        await kit.Reader.GetSnapshotAsync(other.Id, CancellationToken.None);
        var builder = kit.Get<PageSnapshotBuilder>();
        var before = builder.PagesKept;

        await kit.Pages.DeleteAsync(page.Id);

        Assert.Equal(2, before);
        Assert.Equal(1, builder.PagesKept);
    }

    // One random edit: what a recompute, an operator or a reorder does to a page's content.
    private static PageSnapshot Edit(PageSnapshot content, Random random)
    {
        var components = content.Components.ToList();
        var i = components.Count == 0 ? 0 : random.Next(components.Count);
        switch (random.Next(11))
        {
            case 0 when components.Count > 0:
                components[i] = components[i] with { Status = (ComponentStatus)random.Next(5), StatusUpdatedAt = components[i].StatusUpdatedAt.AddMinutes(1) };
                break;
            case 1 when components.Count > 0:
                // The same instant in another offset: equal as a DateTimeOffset, different in the JSON.
                components[i] = components[i] with { StatusUpdatedAt = components[i].StatusUpdatedAt.ToOffset(TimeSpan.FromHours(random.Next(-12, 14))) };
                break;
            case 2 when components.Count > 0:
                components[i] = components[i] with { Name = components[i].Name + " \"é\"", Description = random.Next(2) == 0 ? null : "Ü </b>" };
                break;
            case 3:
                components.Insert(random.Next(components.Count + 1), new ComponentSnapshot(Guid.CreateVersion7(T0), $"New {random.Next()}", null, "Core", i, ComponentStatus.Operational, T0));
                break;
            case 9 when components.Count > 0:
                components.RemoveAt(components.Count - 1);
                break;
            case 10 when components.Count > 1:
                (components[i], components[^1]) = (components[^1], components[i]);
                break;
            case 4 when components.Count > 0:
                components.RemoveAt(i);
                break;
            case 5:
                components.Reverse();
                break;
            case 6:
                // Equal values in new instances: nothing visible changes.
                components = [.. components.Select(c => c with { })];
                break;
            case 7:
                return content with { Name = $"Acme {random.Next(3)}", Status = PageStatus.For((ComponentStatus)random.Next(5)) };
            default:
                components = [.. components.Select(c => c with { GroupName = random.Next(2) == 0 ? null : "Edge" })];
                break;
        }

        return content with { Components = components };
    }

    // Content that exercises escaping (quotes, HTML, non-ASCII, the text of the stamp's own marker) and every list,
    // with `extra` more components after the first two.
    private static PageSnapshot Content(int extra = 0)
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
                .. Enumerable.Range(2, extra).Select(i => new ComponentSnapshot(
                    Guid.Parse($"0195f3a0-0000-7000-8000-{i + 100:D12}"), $"Component {i}", "One of many.", $"Group {i % 3}", i, ComponentStatus.Operational, T0)),
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
