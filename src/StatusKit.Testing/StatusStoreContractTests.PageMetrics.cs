using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddPageMetric_RoundTripsEveryField_AtVersion1()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id, "API response time") with
        {
            Suffix = "ms", Description = "Median of the API's requests", DisplayOrder = 3, Decimals = 2, Visible = false,
            Version = 9, UpdatedAt = TestData.At(2),
        };

        await Store.AddPageMetricAsync(metric, None);

        Assert.Equal(metric with { Version = 1 }, await Store.GetPageMetricAsync(metric.Id, None));
        Assert.Equal(metric with { Version = 1 }, Assert.Single(await Store.ListPageMetricsAsync(page.Id, None)));
    }

    [Fact]
    public async Task GetPageMetric_Missing_IsNull()
    {
        Assert.Null(await Store.GetPageMetricAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task ListPageMetrics_AreThePagesOwn_ByDisplayOrderThenNameIgnoringCase()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        foreach (var metric in new[]
                 {
                     TestData.Metric(page.Id, "beta"), TestData.Metric(page.Id, "Alpha"),
                     TestData.Metric(page.Id, "Zulu") with { DisplayOrder = -1 }, TestData.Metric(page.Id, "GAMMA"),
                     TestData.Metric(other.Id, "Aardvark"),
                 })
        {
            await Store.AddPageMetricAsync(metric, None);
        }

        var listed = await Store.ListPageMetricsAsync(page.Id, None);

        Assert.Equal(["Zulu", "Alpha", "beta", "GAMMA"], listed.Select(m => m.Name));
    }

    [Fact]
    public async Task AddPageMetric_NameTakenIgnoringCase_ConflictsOnName_AndAddsNothing()
    {
        var page = await AddPageAsync();
        await Store.AddPageMetricAsync(TestData.Metric(page.Id, "Error rate"), None);

        var conflict = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.AddPageMetricAsync(TestData.Metric(page.Id, "ERROR RATE"), None));

        Assert.Equal("name", conflict.Field);
        Assert.Single(await Store.ListPageMetricsAsync(page.Id, None));
    }

    [Fact]
    public async Task AddPageMetric_SameNameOnAnotherPage_IsAdded()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        await Store.AddPageMetricAsync(TestData.Metric(page.Id, "Error rate"), None);

        await Store.AddPageMetricAsync(TestData.Metric(other.Id, "Error rate"), None);

        Assert.Single(await Store.ListPageMetricsAsync(other.Id, None));
    }

    [Fact]
    public async Task AddPageMetric_MissingPage_IsNotFound()
    {
        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddPageMetricAsync(TestData.Metric(Guid.NewGuid()), None));
    }

    [Fact]
    public async Task UpdatePageMetric_AtTheStoredVersion_ReplacesTheFields_KeepsPageAndCreation_AndIncrementsTheVersion()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id, "Latency");
        await Store.AddPageMetricAsync(metric, None);

        var stored = await Store.UpdatePageMetricAsync(
            metric with
            {
                PageId = Guid.NewGuid(), CreatedAt = TestData.At(-50), Name = "Latency p95", Suffix = "s", Description = null,
                DisplayOrder = 7, Decimals = 4, Visible = false, UpdatedAt = TestData.At(5),
            },
            None);

        var expected = metric with
        {
            Name = "Latency p95", Suffix = "s", Description = null, DisplayOrder = 7, Decimals = 4, Visible = false,
            UpdatedAt = TestData.At(5), Version = 2,
        };
        Assert.Equal(expected, stored);
        Assert.Equal(expected, await Store.GetPageMetricAsync(metric.Id, None));
    }

    [Fact]
    public async Task UpdatePageMetric_StaleVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id, "Latency");
        await Store.AddPageMetricAsync(metric, None);
        await Store.UpdatePageMetricAsync(metric with { Decimals = 1 }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdatePageMetricAsync(metric with { Decimals = 3 }, None));

        Assert.Equal(1, (await Store.GetPageMetricAsync(metric.Id, None))!.Decimals);
    }

    [Fact]
    public async Task UpdatePageMetric_ToATakenName_Conflicts()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id, "Latency");
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddPageMetricAsync(TestData.Metric(page.Id, "Errors"), None);

        var conflict = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.UpdatePageMetricAsync(metric with { Name = "errors" }, None));

        Assert.Equal("name", conflict.Field);
    }

    [Fact]
    public async Task UpdatePageMetric_Missing_IsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.UpdatePageMetricAsync(TestData.Metric(page.Id) with { Version = 1 }, None));
    }

    [Fact]
    public async Task AddMetricPoints_ThenList_ReturnsThoseInTheRange_OldestFirst()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);

        await Store.AddMetricPointsAsync(
            metric.Id, [new(TestData.At(3), 3.5), new(TestData.At(1), 1), new(TestData.At(2), -2.25), new(TestData.At(10), 10)], None);

        var listed = await Store.ListMetricPointsAsync(metric.Id, TestData.At(1), TestData.At(10), 100, None);
        Assert.Equal([new(TestData.At(1), 1), new(TestData.At(2), -2.25), new(TestData.At(3), 3.5)], listed);
    }

    [Fact]
    public async Task AddMetricPoints_AtAnInstantAlreadyStored_ReplacesTheValue()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddMetricPointsAsync(metric.Id, [new(TestData.At(1), 1)], None);

        await Store.AddMetricPointsAsync(metric.Id, [new(TestData.At(1), 5), new(TestData.At(2), 2), new(TestData.At(2), 7)], None);

        Assert.Equal(
            [new(TestData.At(1), 5), new(TestData.At(2), 7)],
            await Store.ListMetricPointsAsync(metric.Id, TestData.At(0), TestData.At(60), 100, None));
    }

    [Fact]
    public async Task AddMetricPoints_MissingMetric_IsNotFound()
    {
        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.AddMetricPointsAsync(Guid.NewGuid(), [new(TestData.At(1), 1)], None));
    }

    [Fact]
    public async Task ListMetricPoints_MoreThanTake_ReturnsTheNewest_OldestFirst()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddMetricPointsAsync(metric.Id, [.. Enumerable.Range(0, 10).Select(i => new MetricPoint(TestData.At(i), i))], None);

        var listed = await Store.ListMetricPointsAsync(metric.Id, TestData.At(0), TestData.At(60), 3, None);

        Assert.Equal([7d, 8d, 9d], listed.Select(p => p.Value));
    }

    [Fact]
    public async Task ListMetricPoints_AreTheMetricsOwn()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id, "a");
        var other = TestData.Metric(page.Id, "b");
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddPageMetricAsync(other, None);
        await Store.AddMetricPointsAsync(other.Id, [new(TestData.At(1), 1)], None);

        Assert.Empty(await Store.ListMetricPointsAsync(metric.Id, TestData.At(0), TestData.At(60), 100, None));
        Assert.Empty(await Store.ListMetricPointsAsync(Guid.NewGuid(), TestData.At(0), TestData.At(60), 100, None));
    }

    [Fact]
    public async Task AddMetricPoints_DoNotChangeTheMetricsVersion()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);

        await Store.AddMetricPointsAsync(metric.Id, [new(TestData.At(1), 1)], None);

        Assert.Equal(1, (await Store.GetPageMetricAsync(metric.Id, None))!.Version);
    }

    [Fact]
    public async Task DeleteMetricPoints_RemovesThoseBeforeTheInstant_OfEveryMetric()
    {
        var page = await AddPageAsync();
        var a = TestData.Metric(page.Id, "a");
        var b = TestData.Metric(page.Id, "b");
        await Store.AddPageMetricAsync(a, None);
        await Store.AddPageMetricAsync(b, None);
        await Store.AddMetricPointsAsync(a.Id, [new(TestData.At(1), 1), new(TestData.At(5), 5)], None);
        await Store.AddMetricPointsAsync(b.Id, [new(TestData.At(2), 2), new(TestData.At(6), 6)], None);

        Assert.Equal(2, await Store.DeleteMetricPointsAsync(TestData.At(5), None));

        Assert.Equal([5d], (await Store.ListMetricPointsAsync(a.Id, TestData.At(0), TestData.At(60), 100, None)).Select(p => p.Value));
        Assert.Equal([6d], (await Store.ListMetricPointsAsync(b.Id, TestData.At(0), TestData.At(60), 100, None)).Select(p => p.Value));
        Assert.Equal(0, await Store.DeleteMetricPointsAsync(TestData.At(5), None));
    }

    [Fact]
    public async Task DeletePageMetric_DeletesItsPoints()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddMetricPointsAsync(metric.Id, [new(TestData.At(1), 1)], None);

        Assert.True(await Store.DeletePageMetricAsync(metric.Id, 1, None));

        Assert.Null(await Store.GetPageMetricAsync(metric.Id, None));
        Assert.Empty(await Store.ListMetricPointsAsync(metric.Id, TestData.At(0), TestData.At(60), 100, None));
        Assert.Equal(0, await Store.DeleteMetricPointsAsync(TestData.At(60), None));
        Assert.False(await Store.DeletePageMetricAsync(metric.Id, null, None));
    }

    [Fact]
    public async Task DeletePageMetric_StaleVersion_ThrowsConcurrency_AndDeletesNothing()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.DeletePageMetricAsync(metric.Id, 2, None));

        Assert.NotNull(await Store.GetPageMetricAsync(metric.Id, None));
    }

    [Fact]
    public async Task DeletePage_DeletesItsMetricsAndTheirPoints()
    {
        var page = await AddPageAsync();
        var metric = TestData.Metric(page.Id);
        await Store.AddPageMetricAsync(metric, None);
        await Store.AddMetricPointsAsync(metric.Id, [new(TestData.At(1), 1)], None);

        Assert.True(await Store.DeletePageAsync(page.Id, null, None));

        Assert.Null(await Store.GetPageMetricAsync(metric.Id, None));
        Assert.Empty(await Store.ListPageMetricsAsync(page.Id, None));
        Assert.Equal(0, await Store.DeleteMetricPointsAsync(TestData.At(60), None));
    }
}
