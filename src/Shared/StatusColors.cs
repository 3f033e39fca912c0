using StatusKit.Status;

namespace StatusKit.Shared;

/// <summary>
/// The colours of the statuses, as the HTML page (its CSS), the status badge and the Discord notices show them: each
/// meets WCAG AA contrast for white text. Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class StatusColors
{
    /// <summary>Operational, and resolved: green.</summary>
    public const string Operational = "#1a7f37";

    /// <summary>Under maintenance: blue.</summary>
    public const string UnderMaintenance = "#0969da";

    /// <summary>Degraded performance: amber.</summary>
    public const string DegradedPerformance = "#9a6700";

    /// <summary>Partial outage: orange.</summary>
    public const string PartialOutage = "#bc4c00";

    /// <summary>Major outage: red.</summary>
    public const string MajorOutage = "#cf222e";

    /// <summary>Neither good nor bad news (nothing counted, a test, a confirmation request): grey.</summary>
    public const string Neutral = "#6e7781";

    /// <summary>The colour of <paramref name="status"/> (<c>#rrggbb</c>); an unknown value is red, as the worst is.</summary>
    public static string Of(ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => Operational,
        ComponentStatus.UnderMaintenance => UnderMaintenance,
        ComponentStatus.DegradedPerformance => DegradedPerformance,
        ComponentStatus.PartialOutage => PartialOutage,
        _ => MajorOutage,
    };
}
