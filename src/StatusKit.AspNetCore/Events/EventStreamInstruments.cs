using System.Diagnostics.Metrics;
using System.Reflection;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// The live-update instruments on the <see cref="StatusKitMetrics.MeterName"/> meter (docs/metrics.md): the event
/// streams open now, and the ones refused over <see cref="StatusPageEndpointOptions.MaxEventStreamsPerClient"/>. The
/// meter comes from the provider's <see cref="IMeterFactory"/> (<c>AddStatusPages()</c> makes sure there is one), which owns and
/// disposes it: the core's instruments share it.
/// </summary>
internal sealed class EventStreamInstruments
{
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _rejected;

    public EventStreamInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(new MeterOptions(StatusKitMetrics.MeterName) { Version = Version });
        _connections = meter.CreateUpDownCounter<long>(
            "statuskit.events.connections", "{connection}", "Live-update (Server-Sent Events) streams open now.");
        _rejected = meter.CreateCounter<long>(
            "statuskit.events.rejected", "{connection}", "Live-update streams refused with 429 because their client held the most it may.");
    }

    /// <summary>The meter's version: the package's informational version without its source revision.</summary>
    private static string? Version { get; } =
        typeof(EventStreamInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } version
            ? version.Split('+')[0]
            : null;

    /// <summary>A stream opened.</summary>
    public void Opened() => _connections.Add(1);

    /// <summary>A stream that <see cref="Opened"/> closed.</summary>
    public void Closed() => _connections.Add(-1);

    /// <summary>A stream was refused: its client holds the most it may.</summary>
    public void Rejected() => _rejected.Add(1);
}
