namespace StatusKit.Status;

/// <summary>Conversions for <see cref="StatusIndicator"/>.</summary>
public static class StatusIndicatorExtensions
{
    /// <summary>The Statuspage API name: <c>none</c>, <c>minor</c>, <c>major</c>, <c>critical</c> or <c>maintenance</c>.</summary>
    public static string ToApiName(this StatusIndicator indicator) => indicator switch
    {
        StatusIndicator.None => "none",
        StatusIndicator.Maintenance => "maintenance",
        StatusIndicator.Minor => "minor",
        StatusIndicator.Major => "major",
        StatusIndicator.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator."),
    };
}
