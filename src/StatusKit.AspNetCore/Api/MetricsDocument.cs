using System.Globalization;
using System.Text.Json;
using StatusKit.Metrics;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// <c>{prefix}/{slug}/api/v2/metrics.json</c>: the page's visible system metrics over a range, each as its buckets'
/// averages (null for a bucket without points: a gap, not a zero), in the snake_case of the Statuspage-style documents
/// and their timestamps (<see cref="StatuspageTimestampConverter.Format"/>, in UTC).
/// </summary>
internal static class MetricsDocument
{
    /// <summary>The query names of the ranges, as <c>?range=</c> takes them.</summary>
    public static string NameOf(MetricRange range) => range switch
    {
        MetricRange.Week => "week",
        MetricRange.Month => "month",
        _ => "day",
    };

    /// <summary>The range <paramref name="value"/> names (none: day), or null when it names none.</summary>
    public static MetricRange? Parse(string? value) => value switch
    {
        null or "" or "day" => MetricRange.Day,
        "week" => MetricRange.Week,
        "month" => MetricRange.Month,
        _ => null,
    };

    public static byte[] Write(PageSnapshot snapshot, MetricRange range, IReadOnlyList<MetricSeries> series, DateTimeOffset now)
    {
        var (from, to) = MetricAggregation.Window(range, now);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, StatuspageDocuments.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("page");
            json.WriteString("id", snapshot.PageId);
            json.WriteString("name", snapshot.Name);
            json.WriteEndObject();
            json.WriteString("range", NameOf(range));
            json.WriteNumber("bucket_seconds", (long)MetricAggregation.BucketSize(range).TotalSeconds);
            json.WriteString("from", Timestamp(from));
            json.WriteString("to", Timestamp(to));
            json.WriteStartArray("metrics");
            foreach (var one in series)
            {
                var metric = one.Metric;
                json.WriteStartObject();
                json.WriteString("id", metric.Id);
                json.WriteString("name", metric.Name);
                json.WriteString("suffix", metric.Suffix);
                json.WriteString("description", metric.Description);
                json.WriteNumber("decimals", metric.Decimals);
                json.WriteNumber("display_order", metric.DisplayOrder);
                if (one.Latest is { } latest)
                {
                    json.WriteStartObject("latest");
                    json.WriteString("timestamp", Timestamp(latest.At));
                    json.WriteNumber("value", latest.Value);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("latest");
                }

                json.WriteStartArray("points");
                foreach (var bucket in one.Buckets)
                {
                    json.WriteStartObject();
                    json.WriteString("timestamp", Timestamp(bucket.Start));
                    if (bucket.Average is { } average)
                    {
                        json.WriteNumber("value", average);
                    }
                    else
                    {
                        json.WriteNull("value");
                    }

                    json.WriteNumber("count", bucket.Count);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Timestamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString(StatuspageTimestampConverter.Format, CultureInfo.InvariantCulture);
}
