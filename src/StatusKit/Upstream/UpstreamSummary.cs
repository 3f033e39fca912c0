using System.Text.Json;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.Upstream;

/// <summary>
/// What StatusKit reads of a Statuspage-compatible <c>summary.json</c> (Atlassian Statuspage's
/// <c>/api/v2/summary.json</c>, or a StatusKit page's): the page's overall status and each component's, as
/// <see cref="ComponentStatus"/>. Pure: parsed from the bytes, no I/O.
/// </summary>
internal sealed class UpstreamSummary
{
    private readonly Dictionary<string, string> _componentStatuses;

    private UpstreamSummary(ComponentStatus pageStatus, Dictionary<string, string> componentStatuses)
    {
        PageStatus = pageStatus;
        _componentStatuses = componentStatuses;
    }

    /// <summary>
    /// The page's overall status: its <c>status.indicator</c> (<c>none</c> Operational, <c>minor</c> Degraded
    /// Performance, <c>major</c> Partial Outage, <c>critical</c> Major Outage, <c>maintenance</c> Under Maintenance),
    /// and Under Maintenance at least while one of its <c>scheduled_maintenances</c> is <c>in_progress</c> (Atlassian's
    /// indicator stays <c>none</c> during maintenance).
    /// </summary>
    public ComponentStatus PageStatus { get; }

    /// <summary>
    /// The status <paramref name="upstreamComponentId"/> follows: the page's overall status when null, else that
    /// component's <c>status</c>. False when the page lists no such component, or gives it a status Statuspage does not
    /// write (<paramref name="reason"/> says which).
    /// </summary>
    public bool TryGetStatus(string? upstreamComponentId, out ComponentStatus status, out string? reason)
    {
        reason = null;
        if (upstreamComponentId is null)
        {
            status = PageStatus;
            return true;
        }

        status = ComponentStatus.Operational;
        if (!_componentStatuses.TryGetValue(upstreamComponentId, out var text))
        {
            reason = "no such component";
            return false;
        }

        if (ComponentStatusOf(text) is not { } known)
        {
            reason = $"its status '{QuotedValue.Of(text)}' is none of operational, degraded_performance, partial_outage, major_outage, under_maintenance";
            return false;
        }

        status = known;
        return true;
    }

    /// <summary>
    /// Reads a summary from <paramref name="json"/>; throws <see cref="FormatException"/> saying what is wrong when it is
    /// not JSON, or lacks a <c>status.indicator</c> Statuspage writes.
    /// </summary>
    public static UpstreamSummary Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the body is not a JSON object");
            }

            if (!root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object
                || !status.TryGetProperty("indicator", out var indicator) || indicator.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("it has no status.indicator");
            }

            var pageStatus = IndicatorStatusOf(indicator.GetString()!)
                ?? throw new FormatException($"its status.indicator '{QuotedValue.Of(indicator.GetString())}' is none of none, minor, major, critical, maintenance");
            if (MaintenanceInProgress(root))
            {
                pageStatus = pageStatus.Worst(ComponentStatus.UnderMaintenance);
            }

            var components = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("components", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var component in list.EnumerateArray())
                {
                    if (component.ValueKind == JsonValueKind.Object
                        && component.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                        && component.TryGetProperty("status", out var componentStatus) && componentStatus.ValueKind == JsonValueKind.String)
                    {
                        components.TryAdd(id.GetString()!, componentStatus.GetString()!);
                    }
                }
            }

            return new UpstreamSummary(pageStatus, components);
        }
    }

    /// <summary>A Statuspage page indicator as a status; null for a value Statuspage does not write.</summary>
    internal static ComponentStatus? IndicatorStatusOf(string indicator) => indicator switch
    {
        "none" => ComponentStatus.Operational,
        "minor" => ComponentStatus.DegradedPerformance,
        "major" => ComponentStatus.PartialOutage,
        "critical" => ComponentStatus.MajorOutage,
        "maintenance" => ComponentStatus.UnderMaintenance,
        _ => null,
    };

    /// <summary>A Statuspage component status as a status; null for a value Statuspage does not write.</summary>
    internal static ComponentStatus? ComponentStatusOf(string status)
    {
        // The API names StatusKit writes in its own summaries (ToApiName), read back: one list of them.
        foreach (var known in Enum.GetValues<ComponentStatus>())
        {
            if (known.IsDefined() && known.ToApiName() == status)
            {
                return known;
            }
        }

        return null;
    }

    private static bool MaintenanceInProgress(JsonElement root)
    {
        if (!root.TryGetProperty("scheduled_maintenances", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var maintenance in list.EnumerateArray())
        {
            if (maintenance.ValueKind == JsonValueKind.Object
                && maintenance.TryGetProperty("status", out var state) && state.ValueKind == JsonValueKind.String
                && state.ValueEquals("in_progress"))
            {
                return true;
            }
        }

        return false;
    }
}
