using System.Diagnostics.Metrics;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// An <see cref="IMeterFactory"/> of one test's own: its meters carry it as their scope, so a <c>MetricCollector</c>
/// built on it hears that test's measurements only. Disposing it disposes its meters.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
