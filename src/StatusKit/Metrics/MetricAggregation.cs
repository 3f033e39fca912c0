using StatusKit.Model;

namespace StatusKit.Metrics;

/// <summary>
/// Folds a metric's raw points into the buckets of a <see cref="MetricRange"/>: pure, no clock and no I/O. The buckets are
/// aligned on multiples of their size since the Unix epoch, the last one holds <c>now</c>, and each bucket is the average
/// of the points in [start, start + size). A bucket without points is a gap (null), never a zero.
/// </summary>
public static class MetricAggregation
{
    /// <summary>The bucket size of a range.</summary>
    /// <param name="range">The range.</param>
    /// <returns>5 minutes, 1 hour or 6 hours.</returns>
    public static TimeSpan BucketSize(MetricRange range) => range switch
    {
        MetricRange.Day => TimeSpan.FromMinutes(5),
        MetricRange.Week => TimeSpan.FromHours(1),
        MetricRange.Month => TimeSpan.FromHours(6),
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown metric range."),
    };

    /// <summary>How many buckets a range has.</summary>
    /// <param name="range">The range.</param>
    /// <returns>288, 168 or 120.</returns>
    public static int BucketCount(MetricRange range) => range switch
    {
        MetricRange.Day => 288,
        MetricRange.Week => 168,
        MetricRange.Month => 120,
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "Unknown metric range."),
    };

    /// <summary>The start of the first bucket and the end of the last (exclusive) of <paramref name="range"/> at <paramref name="now"/>.</summary>
    /// <param name="range">The span and its bucket size.</param>
    /// <param name="now">The instant the last bucket holds.</param>
    /// <returns>The window's start and exclusive end, in UTC.</returns>
    public static (DateTimeOffset From, DateTimeOffset To) Window(MetricRange range, DateTimeOffset now)
    {
        var size = BucketSize(range).Ticks;
        var utcTicks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var lastStart = utcTicks - (((utcTicks % size) + size) % size);
        var to = DateTimeOffset.UnixEpoch.AddTicks(lastStart + size);
        return (to - (BucketSize(range) * BucketCount(range)), to);
    }

    /// <summary>
    /// The buckets of <paramref name="range"/> at <paramref name="now"/>, oldest first, averaging the
    /// <paramref name="points"/> that fall in each (points outside the window are ignored; their order does not matter).
    /// </summary>
    /// <param name="points">The raw points, in any order.</param>
    /// <param name="range">The span and its bucket size.</param>
    /// <param name="now">The instant the last bucket holds.</param>
    /// <returns>The range's buckets, oldest first.</returns>
    public static MetricBucket[] Aggregate(IReadOnlyList<MetricPoint> points, MetricRange range, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(points);
        var count = BucketCount(range);
        var size = BucketSize(range);
        var (from, to) = Window(range, now);
        var sums = new double[count];
        var counts = new int[count];
        var overflowed = false;
        foreach (var point in points)
        {
            if (IndexOf(point.At, from, to, size) is { } index)
            {
                sums[index] += point.Value;
                counts[index]++;
                overflowed |= !double.IsFinite(sums[index]);
            }
        }

        var averages = new double[count];
        for (var i = 0; i < count; i++)
        {
            averages[i] = counts[i] == 0 ? 0 : sums[i] / counts[i];
        }

        if (overflowed)
        {
            AverageScaled(points, from, to, size, sums, counts, averages);
        }

        var buckets = new MetricBucket[count];
        for (var i = 0; i < count; i++)
        {
            buckets[i] = new MetricBucket(from + (size * i), counts[i] == 0 ? null : averages[i], counts[i]);
        }

        return buckets;
    }

    private static int? IndexOf(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to, TimeSpan size) =>
        at < from || at >= to ? null : (int)((at - from).Ticks / size.Ticks);

    /// <summary>
    /// Finite values near <see cref="double.MaxValue"/> can sum to infinity (or to NaN, after both infinities). The
    /// average of each bucket whose sum did is summed again from value / count, whose partial sums never exceed the
    /// largest value's magnitude; the other buckets keep sum / count, to the last bit.
    /// </summary>
    private static void AverageScaled(
        IReadOnlyList<MetricPoint> points, DateTimeOffset from, DateTimeOffset to, TimeSpan size, double[] sums, int[] counts, double[] averages)
    {
        for (var i = 0; i < averages.Length; i++)
        {
            if (!double.IsFinite(sums[i]))
            {
                averages[i] = 0;
            }
        }

        foreach (var point in points)
        {
            if (IndexOf(point.At, from, to, size) is { } index && !double.IsFinite(sums[index]))
            {
                averages[index] += point.Value / counts[index];
            }
        }
    }
}
