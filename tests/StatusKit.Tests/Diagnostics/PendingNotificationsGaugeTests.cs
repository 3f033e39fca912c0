using System.Diagnostics.Metrics;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Tests.Notifications.Dispatching;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Diagnostics;

/// <summary>
/// <c>statuskit.notifications.pending</c>: the outbox rows still to send, as the dispatcher last counted them (at most once
/// per <c>PollInterval</c>, after a pass); reading the gauge never asks the store, and a count nobody renewed goes away.
/// </summary>
public sealed class PendingNotificationsGaugeTests
{
    private const string Gauge = "statuskit.notifications.pending";

    [Fact]
    public async Task AfterAPass_TheGaugeReportsThePendingRows_DueOrNot_WithoutAskingTheStoreOnEachRead()
    {
        var h = await DispatcherHarness.CreateAsync();
        var (store, control) = InterceptingStatusStore.Wrap(h.Store);
        using var gauge = new GaugeListener(h.Meters);
        foreach (var dueAt in new[] { h.Clock.GetUtcNow(), h.Clock.GetUtcNow(), h.Clock.GetUtcNow().AddHours(1) })
        {
            await h.EnqueueAsync(h.Change(await h.SubscriberAsync(), dueAt: dueAt));
        }

        var beforeAnyPass = gauge.Read();
        await h.DispatcherOver(store, new Random(7), new RecordingNotifier(SubscriberChannel.Email)).RunOnceAsync(None);
        var reads = Enumerable.Range(0, 5).Select(_ => gauge.Read()).ToList();

        Assert.Empty(beforeAnyPass);
        Assert.All(reads, read => Assert.Equal([1L], read));
        Assert.Equal(1, control.Calls(nameof(IStatusStore.CountPendingNotificationsAsync)));
    }

    [Fact]
    public async Task TheDispatcherCountsAtMostOncePerPollInterval()
    {
        var h = await DispatcherHarness.CreateAsync();
        var (store, control) = InterceptingStatusStore.Wrap(h.Store);
        using var gauge = new GaugeListener(h.Meters);
        var dispatcher = h.DispatcherOver(store, new Random(7), new RecordingNotifier(SubscriberChannel.Email));
        await dispatcher.RunOnceAsync(None);
        await h.EnqueueAsync(h.Change(await h.SubscriberAsync(), dueAt: h.Clock.GetUtcNow().AddHours(1)));

        await dispatcher.RunOnceAsync(None);
        var withinTheInterval = gauge.Read();
        h.Clock.Advance(h.Settings.PollInterval);
        await dispatcher.RunOnceAsync(None);

        Assert.Equal([0L], withinTheInterval);
        Assert.Equal([1L], gauge.Read());
        Assert.Equal(2, control.Calls(nameof(IStatusStore.CountPendingNotificationsAsync)));
    }

    [Fact]
    public async Task ACountNoDispatcherRenewed_IsNoLongerReported()
    {
        var h = await DispatcherHarness.CreateAsync();
        using var gauge = new GaugeListener(h.Meters);
        await h.Dispatcher(new RecordingNotifier(SubscriberChannel.Email)).RunOnceAsync(None);
        var lifetime = 2 * (h.Settings.PollInterval + h.Settings.LeaseDuration);

        h.Clock.Advance(lifetime - TimeSpan.FromSeconds(1));
        var stillFresh = gauge.Read();
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([0L], stillFresh);
        Assert.Empty(gauge.Read());
    }

    [Fact]
    public async Task AFailingCount_FailsNoPass_AndKeepsTheLastCount()
    {
        var h = await DispatcherHarness.CreateAsync();
        var (store, control) = InterceptingStatusStore.Wrap(h.Store);
        using var gauge = new GaugeListener(h.Meters);
        var dispatcher = h.DispatcherOver(store, new Random(7), new RecordingNotifier(SubscriberChannel.Email));
        await dispatcher.RunOnceAsync(None);
        control.Before = (method, _) => method == nameof(IStatusStore.CountPendingNotificationsAsync)
            ? throw new TimeoutException("the store is slow")
            : null;
        await h.EnqueueAsync(h.Change(await h.SubscriberAsync()));
        h.Clock.Advance(h.Settings.PollInterval);

        var delivered = await dispatcher.RunOnceAsync(None);

        Assert.Equal(1, delivered);
        Assert.Equal([0L], gauge.Read());
    }

    /// <summary>Listens to the gauge of one harness's meters only.</summary>
    private sealed class GaugeListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<long> _measurements = [];

        public GaugeListener(TestMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == Gauge)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measurements.Add(value));
            _listener.Start();
        }

        /// <summary>One collection: what the gauge reports now (nothing, or one value).</summary>
        public IReadOnlyList<long> Read()
        {
            _measurements.Clear();
            _listener.RecordObservableInstruments();
            return [.. _measurements];
        }

        public void Dispose() => _listener.Dispose();
    }
}
