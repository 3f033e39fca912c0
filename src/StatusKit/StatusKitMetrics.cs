namespace StatusKit;

/// <summary>
/// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> StatusKit records its metrics on: signals received,
/// recompute durations, component status changes, notification attempts, dead letters and pending rows, snapshot rebuilds and live
/// update streams (every instrument, its unit and tags: docs/metrics.md). Export them with OpenTelemetry
/// (<c>AddOpenTelemetry().WithMetrics(m =&gt; m.AddMeter(StatusKitMetrics.MeterName))</c>) or watch them with
/// <c>dotnet-counters monitor --counters StatusKit</c>.
/// </summary>
/// <remarks>
/// The meter comes from the host's <c>IMeterFactory</c> (the generic host and ASP.NET Core register one), so two hosts
/// in one process keep their measurements apart; without one, StatusKit creates the meter itself and disposes it with
/// the service provider.
/// </remarks>
public static class StatusKitMetrics
{
    /// <summary>The meter's name: <c>StatusKit</c>.</summary>
    public const string MeterName = "StatusKit";
}
