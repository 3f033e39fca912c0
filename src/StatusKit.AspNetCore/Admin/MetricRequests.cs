using StatusKit.Model;

namespace StatusKit.AspNetCore.Admin;

/// <summary>Body of <c>POST admin/pages/{pageId}/metrics</c> (the page comes from the route).</summary>
internal sealed record CreatePageMetricRequest(
    string? Name,
    string? Suffix = null,
    string? Description = null,
    int DisplayOrder = 0,
    int Decimals = 0,
    bool Visible = true);

/// <summary>One point of <c>POST admin/metrics/{metricId}/points</c>: both members required, the timestamp with its UTC offset.</summary>
internal sealed record MetricPointRequest(DateTimeOffset? Timestamp, double? Value);

/// <summary>
/// Body of <c>POST admin/metrics/{metricId}/points</c>: either <see cref="Points"/> (a batch), or a single
/// <see cref="Value"/> measured at <see cref="Timestamp"/> (default: now).
/// </summary>
internal sealed record MetricPointsRequest(IReadOnlyList<MetricPointRequest?>? Points = null, double? Value = null, DateTimeOffset? Timestamp = null)
{
    /// <summary>The points the body gives, each refusal a <see cref="StatusKitValidationException"/> naming the member.</summary>
    public IReadOnlyList<MetricPoint> ToPoints(DateTimeOffset now)
    {
        if (Points is not null)
        {
            if (Value is not null || Timestamp is not null)
            {
                throw new StatusKitValidationException("points", "Give either points or a single value (with an optional timestamp), not both.");
            }

            var points = new MetricPoint[Points.Count];
            for (var i = 0; i < Points.Count; i++)
            {
                var point = Points[i] ?? throw new StatusKitValidationException($"points[{i}]", "A point must be an object with a timestamp and a value.", ValidationCodes.ValueInvalid);
                points[i] = new MetricPoint(
                    point.Timestamp ?? throw new StatusKitValidationException($"points[{i}].timestamp", "The timestamp is required.", ValidationCodes.MemberRequired),
                    point.Value ?? throw new StatusKitValidationException($"points[{i}].value", "The value is required.", ValidationCodes.MemberRequired));
            }

            return points;
        }

        return Value is { } value
            ? [new MetricPoint(Timestamp ?? now, value)]
            : throw new StatusKitValidationException("value", "Give a value (measured now, or at timestamp) or a list of points.");
    }
}

/// <summary>Answer of <c>POST admin/metrics/{metricId}/points</c>: how many points were stored.</summary>
internal sealed record MetricPointsResponse(Guid MetricId, int Count);
