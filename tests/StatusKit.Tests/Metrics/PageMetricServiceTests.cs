using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Audit;
using StatusKit.Configuration;
using StatusKit.Metrics;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Metrics;

public sealed class PageMetricServiceTests
{
    [Fact]
    public async Task Create_StoresTheTrimmedFields_AtVersion1_AndListsThePagesMetricsInDisplayOrder()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Error rate", DisplayOrder = 2 });

        var metric = await Metrics(kit).CreateAsync(new CreatePageMetric
        {
            PageId = page.Id, Name = "  API response time ", Suffix = " ms ", Description = " Median ", Decimals = 1, DisplayOrder = 1,
        });

        Assert.Equal(("API response time", "ms", "Median", 1, true, 1L), (metric.Name, metric.Suffix, metric.Description, metric.Decimals, metric.Visible, metric.Version));
        Assert.Equal((kit.Clock.GetUtcNow(), kit.Clock.GetUtcNow()), (metric.CreatedAt, metric.UpdatedAt));
        Assert.Equal(["API response time", "Error rate"], (await Metrics(kit).ListAsync(page.Id)).Select(m => m.Name));
    }

    public static TheoryData<string, string, string?, string?, int> InvalidCreates => new()
    {
        { "name", "", null, null, 0 },
        { "name", new string('n', 101), null, null, 0 },
        { "suffix", "N", new string('s', 21), null, 0 },
        { "description", "N", null, new string('d', 1001), 0 },
        { "decimals", "N", null, null, 5 },
        { "decimals", "N", null, null, -1 },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_WithInvalidInput_IsRefusedNamingTheField(string field, string name, string? suffix, string? description, int decimals)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await InvalidAsync(kit, field, () => Metrics(kit).CreateAsync(new CreatePageMetric
        {
            PageId = page.Id, Name = name, Suffix = suffix, Description = description, Decimals = decimals,
        }));
    }

    [Fact]
    public async Task Create_WithANameTakenIgnoringCase_ConflictsOnName()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Uptime" });

        await RejectsAsync<StatusKitConflictException>(kit, "name", () => Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "UPTIME" }));
    }

    [Fact]
    public async Task Create_OnAMissingPage_IsNotFound()
    {
        await using var kit = new StatusKitHarness();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Metrics(kit).CreateAsync(new CreatePageMetric { PageId = Guid.NewGuid(), Name = "N" }));
    }

    [Fact]
    public async Task Update_ChangesTheNamedFields_ClearsAnEmptyDescription_AndIsAudited()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var metric = await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency", Suffix = "ms", Description = "D" });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await Metrics(kit).UpdateAsync(metric.Id, new UpdatePageMetric { Description = "", Visible = false, Decimals = 3 });

        Assert.Equal((null, false, 3, "ms", 2L), (updated.Description, updated.Visible, updated.Decimals, updated.Suffix, updated.Version));
        Assert.Equal(kit.Clock.GetUtcNow(), updated.UpdatedAt);
        var entry = (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries[0];
        Assert.Equal((AuditActions.MetricUpdated, "metric", metric.Id), (entry.Action, entry.TargetKind, entry.TargetId));
        Assert.Equal(["description", "decimals", "visible"], entry.Fields);
    }

    [Fact]
    public async Task Update_ThatChangesNothing_WritesNothing_AndRecordsNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var metric = await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency" });
        var writes = WriteCount(kit.StoreControl);

        var same = await Metrics(kit).UpdateAsync(metric.Id, new UpdatePageMetric { Name = "Latency", Decimals = 0 });

        Assert.Equal(metric, same);
        Assert.Equal(writes, WriteCount(kit.StoreControl));
        Assert.DoesNotContain((await kit.Get<AuditLog>().ListAsync(page.Id)).Entries, e => e.Action == AuditActions.MetricUpdated);
    }

    [Fact]
    public async Task Update_AtAStaleExpectedVersion_ThrowsConcurrency()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var metric = await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency" });
        await Metrics(kit).UpdateAsync(metric.Id, new UpdatePageMetric { Decimals = 1 });

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Metrics(kit).UpdateAsync(metric.Id, new UpdatePageMetric { Decimals = 2, ExpectedVersion = 1 }));
    }

    [Fact]
    public async Task CreateAndDelete_AreAudited_PointsAreNot()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var metric = await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency" });
        await Metrics(kit).AddPointsAsync(metric.Id, [new(kit.Clock.GetUtcNow(), 1)]);

        Assert.True(await Metrics(kit).DeleteAsync(metric.Id, expectedVersion: 1));

        var actions = (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries.Where(e => e.TargetId == metric.Id).Select(e => e.Action);
        Assert.Equal([AuditActions.MetricDeleted, AuditActions.MetricCreated], actions);
        Assert.False(await Metrics(kit).DeleteAsync(metric.Id));
    }

    [Fact]
    public async Task AddPoints_UpToFiveMinutesAhead_AreStored()
    {
        await using var kit = new StatusKitHarness();
        var metric = await NewMetricAsync(kit);
        var now = kit.Clock.GetUtcNow();

        Assert.Equal(2, await Metrics(kit).AddPointsAsync(metric.Id, [new(now.AddMinutes(-1), 1), new(now.AddMinutes(5), 2)]));

        Assert.Equal(2, (await kit.Store.ListMetricPointsAsync(metric.Id, now.AddHours(-1), now.AddHours(1), 10, default)).Count);
    }

    public static TheoryData<string, double, double> InvalidPoints => new()
    {
        { "points[1].value", double.NaN, 0 },
        { "points[1].value", double.PositiveInfinity, 0 },
        { "points[1].value", double.NegativeInfinity, 0 },
        { "points[1].timestamp", 1, 5.01 },
    };

    [Theory]
    [MemberData(nameof(InvalidPoints))]
    public async Task AddPoints_WithABadPoint_IsRefusedNamingIt_AndAddsNone(string field, double value, double minutesAhead)
    {
        await using var kit = new StatusKitHarness();
        var metric = await NewMetricAsync(kit);
        var now = kit.Clock.GetUtcNow();

        await InvalidAsync(kit, field, () => Metrics(kit).AddPointsAsync(metric.Id, [new(now, 1), new(now.AddMinutes(minutesAhead), value)]));

        Assert.Empty(await kit.Store.ListMetricPointsAsync(metric.Id, now.AddHours(-1), now.AddHours(1), 10, default));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task AddPoints_NoneOrTooMany_AreRefusedNamingPoints(int count)
    {
        await using var kit = new StatusKitHarness();
        var metric = await NewMetricAsync(kit);
        var now = kit.Clock.GetUtcNow();

        await InvalidAsync(kit, "points", () => Metrics(kit).AddPointsAsync(
            metric.Id, [.. Enumerable.Range(0, count).Select(i => new MetricPoint(now.AddSeconds(-i), i))]));
    }

    [Fact]
    public async Task AddPoints_ToAMissingMetric_IsNotFound()
    {
        await using var kit = new StatusKitHarness();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Metrics(kit).AddPointsAsync(Guid.NewGuid(), [new(kit.Clock.GetUtcNow(), 1)]));
    }

    [Fact]
    public async Task GetSeries_AveragesTheRangesPoints_WithGaps_AndTheLatestPoint()
    {
        await using var kit = new StatusKitHarness(start: new DateTimeOffset(2026, 11, 25, 10, 7, 0, TimeSpan.Zero));
        var metric = await NewMetricAsync(kit);
        var now = kit.Clock.GetUtcNow();
        await Metrics(kit).AddPointsAsync(metric.Id, [new(now.AddMinutes(-1), 10), new(now.AddMinutes(-2), 20), new(now.AddMinutes(-20), 4), new(now.AddDays(-2), 99)]);

        var series = await Metrics(kit).GetSeriesAsync(metric.Id, MetricRange.Day);

        Assert.NotNull(series);
        Assert.Equal(288, series.Buckets.Count);
        Assert.Equal(15, series.Buckets[^1].Average);
        Assert.Equal(4, series.Buckets[^5].Average);
        Assert.Null(series.Buckets[^2].Average);
        Assert.Equal(new MetricPoint(now.AddMinutes(-1), 10), series.Latest);
        Assert.Equal(TimeSpan.FromMinutes(5), series.BucketSize);
        Assert.Equal(99, (await Metrics(kit).GetSeriesAsync(metric.Id, MetricRange.Week))!.Buckets.Single(b => b.Count > 0 && b.Average == 99).Average);
    }

    [Fact]
    public async Task ListVisibleSeries_LeavesHiddenMetricsOut()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Shown" });
        await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Hidden", Visible = false });

        var series = await Metrics(kit).ListVisibleSeriesAsync(page.Id, MetricRange.Month);

        Assert.Equal(["Shown"], series.Select(s => s.Metric.Name));
        Assert.Equal(120, series[0].Buckets.Count);
    }

    [Fact]
    public async Task Pruning_DeletesThePointsOlderThanTheRetention_AndLogsHowMany()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var metric = await NewMetricAsync(kit);
        var start = kit.Clock.GetUtcNow();
        await Metrics(kit).AddPointsAsync(metric.Id, [new(start.AddDays(-1), 1), new(start, 2)]);
        var pruning = new MetricPointPruning(kit.Store, kit.Get<IOptions<StatusPagesOptions>>(), kit.Clock, null, logs.CreateLogger<MetricPointPruning>());
        kit.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await pruning.RunOnceAsync(CancellationToken.None));

        Assert.Equal([2d], (await kit.Store.ListMetricPointsAsync(metric.Id, start.AddDays(-2), start.AddDays(40), 10, default)).Select(p => p.Value));
        Assert.Equal(1, logs.Count(1038));
        Assert.Equal(0, await pruning.RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, logs.Count(1038));
    }

    [Fact]
    public void Pruning_IsRegisteredAsAHostedService_Once()
    {
        var services = new ServiceCollection();
        services.AddStatusPages().UseInMemoryStore();
        services.AddStatusPages().UseInMemoryStore();

        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null
            && d.ImplementationFactory.Method.ReturnType == typeof(MetricPointPruning));
    }

    [Theory]
    [InlineData(29.9)]
    [InlineData(4000.0)]
    public void Options_WithAMetricPointRetentionOutOfRange_FailValidation(double days)
    {
        var result = new StatusPagesOptionsValidator().Validate(null, new StatusPagesOptions { MetricPointRetention = TimeSpan.FromDays(days) });

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("MetricPointRetention:", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_MetricPointRetention_DefaultsTo31Days_AndPasses()
    {
        var options = new StatusPagesOptions();

        Assert.Equal(TimeSpan.FromDays(31), options.MetricPointRetention);
        Assert.True(new StatusPagesOptionsValidator().Validate(null, options).Succeeded);
    }

    private static async Task<PageMetric> NewMetricAsync(StatusKitHarness kit)
    {
        var (page, _) = await kit.CreatePageAsync("Acme");
        return await Metrics(kit).CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency" });
    }

    private static PageMetricService Metrics(StatusKitHarness kit) => kit.Get<PageMetricService>();
}
