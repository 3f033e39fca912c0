using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StatusKit.Abstractions;
using StatusKit.Diagnostics;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Diagnostics;

/// <summary>
/// What an operator sees on the <c>StatusKit</c> meter while the engine works: each collector listens to the meter of
/// its own test's service provider (through the provider's <see cref="IMeterFactory"/>), so parallel tests never mix.
/// </summary>
public sealed class MetricsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void TheMeterName_IsStatusKit()
    {
        Assert.Equal("StatusKit", StatusKitMetrics.MeterName);
    }

    [Fact]
    public async Task EachSignal_CountsOnce_ByItsResult()
    {
        await using var kit = new StatusKitHarness(services => services.AddMetrics());
        using var signals = Collect<long>(kit, "statuskit.signals.received");

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 2));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 1));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 2));
        await Assert.ThrowsAsync<StatusKitConflictException>(() =>
            kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Low", PlatformIncidentState.Triggered, 2)));

        Assert.Equal(
            ["applied", "stale", "duplicate", "conflict"],
            signals.GetMeasurementSnapshot().Select(m => (string)m.Tags["result"]!));
        Assert.All(signals.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        Assert.Equal("{signal}", signals.Instrument!.Unit);
    }

    [Fact]
    public async Task ARecomputeThatChangesThreeComponents_CountsThreeChanges_ByTheNewStatus_AndRecordsItsDuration()
    {
        await using var kit = new StatusKitHarness(services => services.AddMetrics());
        await kit.CreatePageAsync("Acme", ("API", "payments", null), ("Web", "payments", null), ("Jobs", "payments", null), ("Mail", "email", null));
        using var changes = Collect<long>(kit, "statuskit.component.status_changes");
        using var durations = Collect<double>(kit, "statuskit.recompute.duration");

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 1));

        var changed = Assert.Single(changes.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["status"]!));
        Assert.Equal("major_outage", changed.Key);
        Assert.Equal(3, changed.Sum(m => m.Value));
        var recompute = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(("team", "ok"), ((string)recompute.Tags["scope"]!, (string)recompute.Tags["outcome"]!));
        Assert.True(recompute.Value >= 0);
        Assert.Equal("s", durations.Instrument!.Unit);
    }

    [Fact]
    public async Task AFailedRecompute_IsRecordedAsAnError()
    {
        await using var kit = new StatusKitHarness(services => services.AddMetrics());
        await kit.CreatePageAsync("Acme", ("API", "payments", null));
        using var durations = Collect<double>(kit, "statuskit.recompute.duration");
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadStatusInputsAsync)
            ? throw new InvalidOperationException("The store is down.")
            : null;

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 1));

        var recompute = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("error", recompute.Tags["outcome"]);
    }

    [Fact]
    public async Task ASnapshotRebuild_IsRecorded_AndOneThatFails_AsAnError()
    {
        await using var kit = new StatusKitHarness(services => services.AddMetrics());
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "payments", null));
        await kit.Engine.WhenIdleAsync(None);
        using var rebuilds = Collect<double>(kit, "statuskit.snapshot.rebuild.duration");
        var builder = kit.Get<PageSnapshotBuilder>();

        await builder.BuildAsync(page.Id, None);
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadPageContentAsync)
            ? throw new InvalidOperationException("The store is down.")
            : null;
        await Assert.ThrowsAsync<InvalidOperationException>(() => builder.BuildAsync(page.Id, None));

        Assert.Equal(["ok", "error"], rebuilds.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
    }

    [Fact]
    public async Task TwoServiceProvidersInOneProcess_DoNotShareInstruments()
    {
        await using var first = new StatusKitHarness(services => services.AddMetrics());
        await using var second = new StatusKitHarness(services => services.AddMetrics());
        using var firstSignals = Collect<long>(first, "statuskit.signals.received");
        using var secondSignals = Collect<long>(second, "statuskit.signals.received");

        await first.ReportAndSettleAsync(first.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 1));

        Assert.Single(firstSignals.GetMeasurementSnapshot());
        Assert.Empty(secondSignals.GetMeasurementSnapshot());
        Assert.NotSame(first.Get<StatusKitInstruments>(), second.Get<StatusKitInstruments>());
    }

    [Fact]
    public async Task AddStatusPages_InAPlainServiceCollection_RegistersAMeterFactory_AndAHostsOwnWins()
    {
        var plain = new ServiceCollection().AddLogging();
        plain.AddStatusPages();
        await using (var provider = plain.BuildServiceProvider())
        {
            Assert.NotNull(provider.GetRequiredService<StatusKitInstruments>());
            Assert.NotNull(provider.GetService<IMeterFactory>());
        }

        using var own = new TestMeterFactory();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IMeterFactory>(own));
        using var signals = new MetricCollector<long>(own, StatusKitMetrics.MeterName, "statuskit.signals.received");

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "payments", "Critical", PlatformIncidentState.Triggered, 1));

        Assert.Single(signals.GetMeasurementSnapshot());
    }

    private static MetricCollector<T> Collect<T>(StatusKitHarness kit, string instrument)
        where T : struct =>
        new(kit.Get<IMeterFactory>(), StatusKitMetrics.MeterName, instrument);
}
