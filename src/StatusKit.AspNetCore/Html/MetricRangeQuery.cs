using StatusKit.AspNetCore.Api;
using StatusKit.Metrics;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's <c>?metrics=</c> parameter: the range its metric charts cover, by the names <c>api/v2/metrics.json</c>
/// takes as <c>?range=</c> (<c>day</c>, <c>week</c>, <c>month</c>, in lower case; none or empty: the day). The day is the plain page, whose
/// link names no range, so the page as it always was stays one URL.
/// </summary>
internal static class MetricRangeQuery
{
    /// <summary>The parameter's name.</summary>
    public const string Parameter = "metrics";

    /// <summary>
    /// The range <paramref name="value"/> names, as <c>?range=</c> reads it: the day when it names none (or is empty),
    /// null when it is no range (another word, another case, or the parameter twice, which binds as <c>day,week</c>).
    /// </summary>
    public static MetricRange? Parse(string? value) => MetricsDocument.Parse(value);

    /// <summary>The query and fragment of the page's link to <paramref name="range"/>'s charts, at the metrics section.</summary>
    public static string LinkTo(MetricRange range) => Query(range) + "#metrics";

    /// <summary>The query that names <paramref name="range"/>: <c>?metrics=week</c>, or nothing for the day.</summary>
    public static string Query(MetricRange range) => range == MetricRange.Day ? "" : "?" + Parameter + "=" + MetricsDocument.NameOf(range);
}
