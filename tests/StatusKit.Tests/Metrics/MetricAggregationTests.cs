using StatusKit.Metrics;
using StatusKit.Model;

namespace StatusKit.Tests.Metrics;

public sealed class MetricAggregationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 7, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(MetricRange.Day, 288, 5)]
    [InlineData(MetricRange.Week, 168, 60)]
    [InlineData(MetricRange.Month, 120, 360)]
    public void Aggregate_WithoutPoints_GivesEveryBucketAsAGap_AlignedOnTheBucketSize_TheLastHoldingNow(MetricRange range, int count, int minutes)
    {
        var buckets = MetricAggregation.Aggregate([], range, Now);

        Assert.Equal(count, buckets.Length);
        Assert.All(buckets, b => Assert.Null(b.Average));
        Assert.All(buckets, b => Assert.Equal(0, b.Count));
        Assert.All(buckets, b => Assert.Equal(0, b.Start.ToUnixTimeSeconds() % (minutes * 60)));
        Assert.True(buckets[^1].Start <= Now && Now < buckets[^1].Start.AddMinutes(minutes));
        Assert.Equal(TimeSpan.FromMinutes(minutes), buckets[1].Start - buckets[0].Start);
    }

    [Fact]
    public void Aggregate_Day_AveragesThePointsOfEachFiveMinuteBucket()
    {
        var last = new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero);
        MetricPoint[] points = [new(last, 10), new(last.AddMinutes(2), 20), new(last.AddMinutes(-1), 7), new(last.AddMinutes(-5), 3)];

        var buckets = MetricAggregation.Aggregate(points, MetricRange.Day, Now);

        Assert.Equal(new MetricBucket(last, 15, 2), buckets[^1]);
        Assert.Equal(new MetricBucket(last.AddMinutes(-5), 5, 2), buckets[^2]);
        Assert.Null(buckets[^3].Average);
    }

    [Fact]
    public void Aggregate_APointOnABucketsEdge_FallsInTheBucketItStarts()
    {
        var (from, to) = MetricAggregation.Window(MetricRange.Week, Now);
        MetricPoint[] points = [new(from, 1), new(from.AddHours(1), 2), new(from.AddHours(1).AddTicks(-1), 4)];

        var buckets = MetricAggregation.Aggregate(points, MetricRange.Week, Now);

        Assert.Equal(new MetricBucket(from, 2.5, 2), buckets[0]);
        Assert.Equal(new MetricBucket(from.AddHours(1), 2, 1), buckets[1]);
        Assert.Equal(TimeSpan.FromDays(7), to - from);
    }

    [Fact]
    public void Aggregate_IgnoresPointsOutsideTheWindow_AndTheirOrder()
    {
        var (from, to) = MetricAggregation.Window(MetricRange.Month, Now);
        MetricPoint[] points = [new(to, 100), new(from.AddTicks(-1), 100), new(to.AddTicks(-1), 8), new(to.AddHours(-1), 4)];

        var buckets = MetricAggregation.Aggregate(points, MetricRange.Month, Now);

        Assert.Equal(new MetricBucket(to.AddHours(-6), 6, 2), buckets[^1]);
        Assert.Equal(2, buckets.Sum(b => b.Count));
    }

    [Fact]
    public void Aggregate_KeepsAZeroValue_ApartFromAGap()
    {
        var (_, to) = MetricAggregation.Window(MetricRange.Day, Now);

        var buckets = MetricAggregation.Aggregate([new(to.AddMinutes(-1), 0)], MetricRange.Day, Now);

        Assert.Equal(0, buckets[^1].Average);
        Assert.Null(buckets[^2].Average);
    }

    [Fact]
    public void Aggregate_ValuesWhoseSumOverflows_AverageToAFiniteValue_OtherBucketsUnchanged()
    {
        var (_, to) = MetricAggregation.Window(MetricRange.Day, Now);
        var last = to.AddMinutes(-5);
        var before = last.AddMinutes(-5);
        MetricPoint[] points =
        [
            new(last, double.MaxValue), new(last.AddMinutes(1), double.MaxValue), new(last.AddMinutes(2), double.MaxValue / 2),
            new(before, double.MaxValue), new(before.AddMinutes(1), -double.MaxValue), new(before.AddMinutes(2), double.MaxValue),
            new(before.AddMinutes(-5), 0.1), new(before.AddMinutes(-4), 0.2), new(before.AddMinutes(-3), 0.3),
        ];

        var buckets = MetricAggregation.Aggregate(points, MetricRange.Day, Now);

        Assert.Equal(double.MaxValue / 6 * 5, buckets[^1].Average!.Value, double.MaxValue * 1e-15);
        Assert.Equal(double.MaxValue / 3, buckets[^2].Average!.Value, double.MaxValue * 1e-15);
        Assert.Equal((0.1 + 0.2 + 0.3) / 3, buckets[^3].Average);
        Assert.All(buckets, b => Assert.True(b.Average is null || double.IsFinite(b.Average.Value)));
    }

    [Fact]
    public void Window_InAnOffsetOtherThanUtc_IsTheSameInstants()
    {
        Assert.Equal(
            MetricAggregation.Window(MetricRange.Month, Now),
            MetricAggregation.Window(MetricRange.Month, Now.ToOffset(TimeSpan.FromHours(5.5))));
    }
}
