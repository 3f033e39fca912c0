using System.Globalization;
using System.Text;
using StatusKit.AspNetCore.Texts;
using StatusKit.Metrics;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's "System metrics" section, below its components: each visible metric as an inline SVG line chart of the
/// last 24 hours (5-minute averages), 7 days (hourly) or 30 days (6-hour), drawn on the server, so it needs no script
/// and keeps the page's content security policy (presentation attributes, no style attribute). Three links under the
/// heading reload the page with another range (<see cref="MetricRangeQuery"/>), the current one marked
/// <c>aria-current</c>. A gap in the data is a gap in the line, never a drop to zero. The chart has a
/// <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> (the range, the lowest and highest averages), and the latest value
/// is written as text beside it. Nothing at all when the page has no visible metric. The section names where it is
/// served alone (<c>data-refresh</c>: <c>{page}/metrics-section</c> with the range, and the page's token when its URL
/// keeps one) and how often, in milliseconds (<c>data-refresh-ms</c>), for the page's script (<see cref="PageStyles.Script"/>),
/// which fetches it again while the page is in view and swaps it in place: the charts stay current without a reload and
/// without drawing them in script.
/// </summary>
internal static class MetricsSection
{
    // The drawing's own coordinates; the SVG scales to the card's width (preserveAspectRatio none, strokes not scaled).
    private const double Width = 600;
    private const double Height = 100;
    private const double Pad = 4;

    /// <summary>
    /// How often the page's script fetches the section again by default: the day chart's buckets are 5-minute averages,
    /// so a minute shows a new point soon enough at a request a minute per reader (most of them a 304).
    /// </summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>The route, under the page's path, that serves the section alone.</summary>
    public const string Route = "/metrics-section";

    private static readonly MetricRange[] Ranges = [MetricRange.Day, MetricRange.Week, MetricRange.Month];

    public static void Write(
        HtmlWriter html, IReadOnlyList<MetricSeries> metrics, MetricRange range, PageLinks links, TimeZoneInfo zone, TimeSpan? refreshInterval = null)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var texts = html.Texts;
        var every = (long)(refreshInterval ?? DefaultRefreshInterval).TotalMilliseconds;
        html.Raw("<section id=\"metrics\" class=\"card\" aria-labelledby=\"metrics-heading\"")
            .Attribute("data-refresh", links.To(Route + MetricRangeQuery.Query(range)))
            .Attribute("data-refresh-ms", every.ToString(CultureInfo.InvariantCulture))
            .Raw("><h2 id=\"metrics-heading\">").Text(texts.MetricsHeading).Raw("</h2>");
        html.Raw("<nav class=\"metric-ranges\"").Attribute("aria-label", texts.MetricRanges).Raw(">");
        foreach (var one in Ranges)
        {
            html.Raw("<a").Attribute("href", links.HomeAt(MetricRangeQuery.LinkTo(one)));
            if (one == range)
            {
                html.Raw(" aria-current=\"true\"");
            }

            html.Raw(">").Text(RangeTexts.Of(texts, one).Link).Raw("</a>");
        }

        html.Raw("</nav>");
        var words = RangeTexts.Of(texts, range);
        foreach (var series in metrics)
        {
            Metric(html, series, words, zone);
        }

        html.Raw("</section>");
    }

    private static void Metric(HtmlWriter html, MetricSeries series, RangeTexts words, TimeZoneInfo zone)
    {
        var metric = series.Metric;
        var texts = html.Texts;
        var id = "metric-" + metric.Id.ToString("N", CultureInfo.InvariantCulture);
        html.Raw("<div class=\"metric\"><div class=\"metric-head\"><h3").Attribute("id", id).Raw(">").Text(metric.Name).Raw("</h3>");
        html.Raw("<p class=\"metric-latest\">");
        if (series.Latest is { } latest)
        {
            // The time is an element inside the text: the text's words before and after {0} go round it.
            var at = texts.MetricLatestAt.Split("{0}");
            html.Raw("<strong>").Text(Format(latest.Value, metric.Decimals, metric.Suffix, texts.Culture)).Raw("</strong> <span class=\"meta\">")
                .Text(at[0]).Time(latest.At, zone).Text(at[^1]).Raw("</span>");
        }
        else
        {
            html.Raw("<span class=\"meta\">").Text(words.NoData).Raw("</span>");
        }

        html.Raw("</p></div>");
        if (!string.IsNullOrWhiteSpace(metric.Description))
        {
            html.Element("p", metric.Description, "desc");
        }

        var values = series.Buckets.Where(b => b.Average is not null).Select(b => b.Average!.Value).ToArray();
        html.Raw("<svg class=\"metric-chart\" viewBox=\"0 0 600 100\" preserveAspectRatio=\"none\" role=\"img\"")
            .Attribute("aria-labelledby", id + "-title " + id + "-desc").Raw(">")
            .Raw("<title").Attribute("id", id + "-title").Raw(">").Text(texts.Format(words.Title, metric.Name)).Raw("</title>")
            .Raw("<desc").Attribute("id", id + "-desc").Raw(">").Text(Describe(texts, words, values, metric.Decimals, metric.Suffix)).Raw("</desc>");
        if (values.Length > 0)
        {
            html.Raw("<path fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\" vector-effect=\"non-scaling-stroke\"")
                .Attribute("d", Path(series, values.Min(), values.Max())).Raw("/>");
        }

        html.Raw("</svg><div class=\"legend\" aria-hidden=\"true\"><span>").Text(words.AxisStart).Raw("</span><span>")
            .Text(texts.MetricAxisEnd).Raw("</span></div></div>");
    }

    /// <summary>
    /// The line through the buckets' averages, left to right, lowest at the bottom: a new subpath after every gap, and a
    /// dot (a zero-length segment with round caps) for an average with gaps on both sides. A gap is a run of empty
    /// buckets longer than the metric's usual spacing allows (<see cref="LongestBridge"/>): a metric sent every 15
    /// minutes leaves two empty 5-minute buckets between its points, and is still a line, not a row of dots.
    /// </summary>
    internal static string Path(MetricSeries series, double min, double max)
    {
        var buckets = series.Buckets;
        var drawn = Drawn(buckets);
        var bridge = LongestBridge(drawn);
        // Halves, so a span between values near ±double.MaxValue stays finite; halving is exact, so the ratio is too.
        var span = (max / 2) - (min / 2);
        var path = new StringBuilder();
        for (var k = 0; k < drawn.Count; k++)
        {
            var i = drawn[k];
            var value = buckets[i].Average!.Value;
            var x = buckets.Count == 1 ? Width / 2 : Width * i / (buckets.Count - 1);
            var y = span == 0 ? Height / 2 : Pad + ((Height - (2 * Pad)) * (((max / 2) - (value / 2)) / span));
            var joined = k > 0 && i - drawn[k - 1] <= bridge;
            var lonely = !joined && (k + 1 == drawn.Count || drawn[k + 1] - i > bridge);
            path.Append(joined ? 'L' : 'M').Append(Number(x)).Append(' ').Append(Number(y));
            if (lonely)
            {
                path.Append("h0");
            }
        }

        return path.ToString();
    }

    /// <summary>The positions of the buckets that have an average, in order.</summary>
    internal static List<int> Drawn(IReadOnlyList<MetricBucket> buckets)
    {
        var drawn = new List<int>(buckets.Count);
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i].Average is not null)
            {
                drawn.Add(i);
            }
        }

        return drawn;
    }

    /// <summary>
    /// How many buckets apart two averages (at the positions <paramref name="drawn"/>) may be and still be joined: twice
    /// the usual distance between them (their median), so a metric sampled less often than the buckets are wide is
    /// drawn as a line and only a pause longer than its rhythm breaks it; 1 (adjacent buckets only) until the series
    /// has four averages to tell its rhythm by.
    /// </summary>
    internal static int LongestBridge(IReadOnlyList<int> drawn)
    {
        if (drawn.Count < 4)
        {
            return 1;
        }

        var distances = new int[drawn.Count - 1];
        for (var k = 1; k < drawn.Count; k++)
        {
            distances[k - 1] = drawn[k] - drawn[k - 1];
        }

        Array.Sort(distances);
        return 2 * distances[(distances.Length - 1) / 2];
    }

    private static string Describe(PageTexts texts, RangeTexts words, double[] values, int decimals, string suffix) =>
        values.Length == 0
            ? words.NoData + "."
            : texts.Format(
                words.Description, Format(values.Min(), decimals, suffix, texts.Culture), Format(values.Max(), decimals, suffix, texts.Culture));

    /// <summary>
    /// A value with the metric's decimals and unit, in <paramref name="culture"/> (the invariant culture when none, as
    /// an English page writes it): "12.3 ms", "0.25%"; "12,3 ms" on a German page.
    /// </summary>
    internal static string Format(double value, int decimals, string suffix, CultureInfo? culture = null)
    {
        var number = value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.InvariantCulture);
        return suffix.Length == 0 ? number : suffix == "%" ? number + "%" : number + " " + suffix;
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    // The texts that name a range: its link, and what a chart of it says when empty, in its title, description and axis.
    private readonly record struct RangeTexts(string Link, string NoData, string Title, string Description, string AxisStart)
    {
        public static RangeTexts Of(PageTexts texts, MetricRange range) => range switch
        {
            MetricRange.Week => new(
                texts.MetricRangeWeek, texts.MetricNoDataWeek, texts.MetricChartTitleWeek, texts.MetricChartDescriptionWeek, texts.MetricAxisStartWeek),
            MetricRange.Month => new(
                texts.MetricRangeMonth, texts.MetricNoDataMonth, texts.MetricChartTitleMonth, texts.MetricChartDescriptionMonth, texts.MetricAxisStartMonth),
            _ => new(texts.MetricRangeDay, texts.MetricNoData, texts.MetricChartTitle, texts.MetricChartDescription, texts.MetricAxisStart),
        };
    }
}
