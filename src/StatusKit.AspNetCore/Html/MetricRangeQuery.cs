using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Api;
using StatusKit.Metrics;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's <c>?metrics=</c> parameter: the range its metric charts cover, by the names <c>api/v2/metrics.json</c>
/// takes as <c>?range=</c> (<c>day</c>, <c>week</c>, <c>month</c>, in lower case). The day is the plain page, whose
/// link names no range, so the page as it always was stays one URL.
/// </summary>
internal static class MetricRangeQuery
{
    /// <summary>The parameter's name.</summary>
    public const string Parameter = "metrics";

    /// <summary>
    /// The range the request names: the day when it names none, null when its value is no range (another word, another
    /// case, an empty value, or the parameter twice).
    /// </summary>
    public static MetricRange? Of(HttpRequest request) =>
        request.Query.TryGetValue(Parameter, out var values)
            ? values.Count == 1 && values[0] is { Length: > 0 } value ? MetricsDocument.Parse(value) : null
            : MetricRange.Day;

    /// <summary>The query and fragment of the page's link to <paramref name="range"/>'s charts, at the metrics section.</summary>
    public static string LinkTo(MetricRange range) =>
        (range == MetricRange.Day ? "" : "?" + Parameter + "=" + MetricsDocument.NameOf(range)) + "#metrics";
}
