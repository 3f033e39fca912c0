using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Texts;
using StatusKit.Metrics;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

public sealed class MetricsSectionTests
{
    private static readonly PageLinks Links = new("/status/acme", accessToken: null);
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Path_BreaksTheLineAtAGap_AndDrawsALonePointAsADot()
    {
        // Five buckets: 10, 20, gap, 30, gap → a segment from the first to the second, then a dot for the fourth.
        var series = Series(10, 20, null, 30, null);

        var path = MetricsSection.Path(series, 10, 30);

        Assert.Equal("M0 96L150 50M450 4h0", path);
    }

    [Fact]
    public void Path_OfAMetricSentLessOftenThanTheBucketsAreWide_IsOneLine()
    {
        // A point every 15 minutes in the day's 5-minute buckets: two empty buckets between each.
        var series = Series([.. Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? (double?)(i + 1) : null)]);

        var path = MetricsSection.Path(series, 1, 28);

        Assert.Equal(1, path.Count(c => c == 'M'));
        Assert.Equal(9, path.Count(c => c == 'L'));
        Assert.DoesNotContain("h0", path, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_APauseLongerThanTwiceTheMetricsRhythm_BreaksTheLine()
    {
        // Every third bucket, then nothing for 12 buckets (an hour of the day's chart), then every third again.
        double?[] values = [1, null, null, 2, null, null, 3, null, null, 4, .. Enumerable.Repeat<double?>(null, 11), 5, null, null, 6, null, null, 7];

        var path = MetricsSection.Path(Series(values), 1, 7);

        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.DoesNotContain("h0", path, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestBridge_BeforeFourAveragesTellTheRhythm_JoinsOnlyAdjacentBuckets()
    {
        Assert.Equal(1, MetricsSection.LongestBridge(MetricsSection.Drawn(Series(1, null, null, 2, null, null, 3).Buckets)));
        Assert.Equal(6, MetricsSection.LongestBridge(MetricsSection.Drawn(Series(1, null, null, 2, null, null, 3, null, null, 4).Buckets)));
    }

    [Fact]
    public void Path_OfAFlatLine_RunsThroughTheMiddle()
    {
        Assert.Equal("M0 50L600 50", MetricsSection.Path(Series(7, 7), 7, 7));
    }

    [Fact]
    public void Path_BetweenTheLargestValuesOfEitherSign_StaysOnTheChart()
    {
        var path = MetricsSection.Path(Series(-double.MaxValue, 0, double.MaxValue), -double.MaxValue, double.MaxValue);

        Assert.Equal("M0 96L300 50L600 4", path);
    }

    [Theory]
    [InlineData(12.345, 1, "ms", "12.3 ms")]
    [InlineData(0.5, 2, "%", "0.50%")]
    [InlineData(1234567, 0, "", "1,234,567")]
    public void Format_UsesTheMetricsDecimalsAndUnit(double value, int decimals, string suffix, string expected)
    {
        Assert.Equal(expected, MetricsSection.Format(value, decimals, suffix));
    }

    [Fact]
    public void Write_WithoutMetrics_WritesNothing()
    {
        var html = new HtmlWriter();

        MetricsSection.Write(html, [], MetricRange.Day, Links, TimeZoneInfo.Utc);

        Assert.Equal(string.Empty, html.ToString());
    }

    [Fact]
    public void Write_OnAPageThatKeepsItsTokenInItsUrl_NamesTheSectionsRouteWithTheRangeAndTheToken()
    {
        var html = new HtmlWriter();
        var token = new string('a', 64);

        MetricsSection.Write(html, [Series(1)], MetricRange.Week, new PageLinks("/status/internal", token), TimeZoneInfo.Utc, TimeSpan.FromSeconds(90));

        Assert.Contains(
            $" data-refresh=\"/status/internal/metrics-section?metrics=week&amp;access_token={token}\" data-refresh-ms=\"90000\">",
            html.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WithAMetricWithoutData_SaysSo_AndDrawsNoLine()
    {
        var html = new HtmlWriter();

        MetricsSection.Write(html, [Series(null, null)], MetricRange.Day, Links, TimeZoneInfo.Utc);

        Assert.Contains("No data in the last 24 hours", html.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<path", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnAGermanPage_SpeaksGerman_AndWritesNumbersTheGermanWay()
    {
        var html = new HtmlWriter(PageTexts.German);
        var series = Series(12.34, 14.5) with { Metric = Series().Metric with { Suffix = "ms", Decimals = 1 }, Latest = new MetricPoint(Start, 12.34) };

        MetricsSection.Write(html, [series], MetricRange.Day, Links, TimeZoneInfo.Utc);

        var written = html.ToString();
        Assert.Contains(">Systemmetriken</h2>", written, StringComparison.Ordinal);
        Assert.Contains("<strong>12,3 ms</strong> <span class=\"meta\">Stand <time", written, StringComparison.Ordinal);
        Assert.Contains("Latency, letzte 24 Stunden</title>", written, StringComparison.Ordinal);
        Assert.Contains("niedrigster Wert 12,3 ms, höchster Wert 14,5 ms.</desc>", written, StringComparison.Ordinal);
        Assert.Contains("<span>vor 24 Stunden</span><span>Jetzt</span>", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnAPageWithItsTokenInItsUrl_GivesTheRangeLinksTheToken()
    {
        var html = new HtmlWriter();

        MetricsSection.Write(html, [Series(1)], MetricRange.Week, new PageLinks("/status/internal", "t0k"), TimeZoneInfo.Utc);

        Assert.Contains(
            "<a href=\"/status/internal?access_token=t0k#metrics\">Day</a><a href=\"/status/internal?metrics=week&amp;access_token=t0k#metrics\" aria-current=\"true\">Week</a>",
            html.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OfAMonthWithoutData_SaysSoForTheMonth()
    {
        var html = new HtmlWriter(PageTexts.Spanish);

        MetricsSection.Write(html, [Series(null, null) with { Range = MetricRange.Month }], MetricRange.Month, Links, TimeZoneInfo.Utc);

        Assert.Contains("Sin datos en los últimos 30 días", html.ToString(), StringComparison.Ordinal);
        Assert.Contains("<span>hace 30 días</span>", html.ToString(), StringComparison.Ordinal);
    }

    private static MetricSeries Series(params double?[] averages) => new()
    {
        Metric = new PageMetric { Id = Guid.NewGuid(), PageId = Guid.NewGuid(), Name = "Latency", CreatedAt = Start, UpdatedAt = Start },
        Range = MetricRange.Day,
        BucketSize = TimeSpan.FromMinutes(5),
        Buckets = [.. averages.Select((a, i) => new MetricBucket(Start.AddMinutes(5 * i), a, a is null ? 0 : 1))],
    };
}
