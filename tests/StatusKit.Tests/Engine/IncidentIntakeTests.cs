using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Engine;

public sealed class IncidentIntakeTests
{
    [Fact]
    public async Task CriticalIncident_TurnsTheTeamsComponentsToMajorOutage_AndThePageCritical()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null), ("Web", "team-b", null));

        var result = await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));

        Assert.Equal(SignalApplyResult.Applied, result);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(components[0].Id))!.Status);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(components[1].Id))!.Status);
        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.Equal(StatusIndicator.Critical, snapshot!.Status.Indicator);
        var history = await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);
        var entry = Assert.Single(history);
        Assert.Equal((ComponentStatus.Operational, ComponentStatus.MajorOutage), (entry.OldStatus, entry.NewStatus));
        Assert.Contains("INC-1", entry.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvingTheIncident_ReturnsEverythingToOperational()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "High", PlatformIncidentState.Triggered, 1));

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "High", PlatformIncidentState.Resolved, 2));

        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(components[0].Id))!.Status);
        Assert.Equal(StatusIndicator.None, (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Status.Indicator);
        Assert.Equal(2, (await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task StaleAndRepeatedSignals_ChangeNothing()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 5));

        var stale = await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 4));
        var repeat = await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Resolved, 5));

        Assert.Equal(SignalApplyResult.Stale, stale);
        Assert.Equal(SignalApplyResult.Duplicate, repeat);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(components[0].Id))!.Status);
    }

    [Theory]
    [InlineData("", "team", "High", "incidentId")]
    [InlineData("INC", " ", "High", "teamId")]
    [InlineData("INC", "team", "", "priority")]
    [InlineData("INC\0", "team", "High", "incidentId")]
    [InlineData("INC", "te\0am", "High", "teamId")]
    [InlineData("INC", "team", "High\0", "priority")]
    public async Task InvalidSignal_IsRejectedNamingTheField_AndNothingIsStored(string incidentId, string team, string priority, string field)
    {
        await using var kit = new StatusKitHarness();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() =>
            kit.Intake.ReportIncidentAsync(kit.Signal(incidentId, team, priority, PlatformIncidentState.Triggered, 1), CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.ApplySignalAsync)));
    }

    [Theory]
    [InlineData("Database down\0")]
    [InlineData(null)]
    public async Task ATitleWithNulOrTooLong_IsRejectedNamingIt_AndNothingIsStored(string? title)
    {
        await using var kit = new StatusKitHarness();
        var signal = kit.Signal("INC-1", "team-a", "High", PlatformIncidentState.Triggered, 1) with { Title = title ?? new string('x', 20_001) };

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Intake.ReportIncidentAsync(signal, CancellationToken.None));

        Assert.Equal("title", error.Field);
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.ApplySignalAsync)));
    }

    [Fact]
    public async Task ServiceBoundComponent_IsOnlyAffectedByItsOwnService()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("Payments", "team-a", "payments"), ("Search", "team-a", "search"), ("All of A", "team-a", null));

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "team-a", "Medium", PlatformIncidentState.Acknowledged, 1, service: "payments"));

        var statuses = await Task.WhenAll(components.Select(async c => (await kit.Components.GetAsync(c.Id))!.Status));
        Assert.Equal([ComponentStatus.DegradedPerformance, ComponentStatus.Operational, ComponentStatus.DegradedPerformance], statuses);
    }

    [Fact]
    public async Task ABurstOfSignalsForOneTeam_CoalescesIntoAHandfulOfRecomputes()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var engine = kit.Get<StatusEngine>();
        var before = engine.RecomputeCount;

        // The first recompute's load waits until the whole burst is stored, so how many recomputes run does not depend
        // on how fast a recompute is compared with the intake.
        var burstStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadStatusInputsAsync) ? burstStored.Task : null;
        await Task.WhenAll(Enumerable.Range(1, 1_000).Select(i =>
            kit.Intake.ReportIncidentAsync(kit.Signal($"INC-{i}", "team-a", "High", PlatformIncidentState.Triggered, 1), CancellationToken.None)));
        burstStored.SetResult();
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        // Signals that arrive while a recompute runs (or waits to run) share the next one: the recompute that took the
        // first signal, and at most one more for all the rest.
        var recomputes = engine.RecomputeCount - before;
        Assert.InRange(recomputes, 1, 2);
        Assert.Equal(ComponentStatus.PartialOutage, (await kit.Store.ListComponentsAsync(page.Id, CancellationToken.None)).Single().Status);
    }

    [Fact]
    public async Task AnIncidentMovedToAnotherTeam_NoLongerAffectsTheTeamItLeft()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("Checkout", "a", null), ("Search", "b", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "b", "Critical", PlatformIncidentState.Triggered, 2));

        Assert.Equal(ComponentStatus.Operational, (await kit.Store.GetComponentAsync(components[0].Id, CancellationToken.None))!.Status);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Store.GetComponentAsync(components[1].Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ConcurrentSignals_LeaveTheStatusesThePureCalculatorGivesForTheFinalInputs()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync(
            "Acme", ("A1", "a", null), ("A2", "a", "svc"), ("B1", "b", null), ("B2", "b", "svc"), ("None", null, null));
        var random = new Random(1234);
        string[] priorities = ["Critical", "High", "Medium", "Low"];
        var signals = Enumerable.Range(0, 400).Select(i => kit.Signal(
            $"INC-{random.Next(30)}",
            random.Next(2) == 0 ? "a" : "b",
            priorities[random.Next(priorities.Length)],
            (PlatformIncidentState)random.Next(4),
            random.Next(1, 50),
            random.Next(3) == 0 ? "svc" : null))
            .DistinctBy(s => (s.IncidentId, s.Version)) // a platform sends one content per version (a reused one is refused)
            .ToList();

        await Task.WhenAll(signals.Select(s => Task.Run(() => kit.Intake.ReportIncidentAsync(s, CancellationToken.None))));
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        var inputs = await kit.Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), CancellationToken.None);
        var expected = StatusCalculator.ComputeEffectiveStatuses(inputs, PriorityStatusMap.Default, kit.Clock.GetUtcNow());
        Assert.Equal(expected, inputs.Components.Select(c => c.Status));
    }

    [Fact]
    public async Task AResolveThatAnotherHostAppliesBetweenOurLoadAndOurCommit_LeavesNoStaleOutage()
    {
        // Host A loads the open incident; before A commits the outage, host B stores the resolve and recomputes, sees
        // nothing to change (A has not committed yet) and stops. A's compare-and-set then succeeds with a stale outage:
        // only the recomputer's confirming load after a commit repairs it.
        var shared = new InMemoryStatusStore();
        var (storeOfA, controlOfA) = InterceptingStatusStore.Wrap(shared);
        await using var hostA = new StatusKitHarness(services => services.AddSingleton(storeOfA));
        await using var hostB = new StatusKitHarness(services => services.AddSingleton<IStatusStore>(shared));
        var (page, components) = await hostA.CreatePageAsync("Acme", ("API", "a", null));
        var interleaved = 0;
        controlOfA.Before = (method, _) =>
            method == nameof(IStatusStore.CommitStatusAsync) && Interlocked.Exchange(ref interleaved, 1) == 0
                ? hostB.ReportAndSettleAsync(hostB.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2))
                : null;

        await hostA.ReportAndSettleAsync(hostA.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));

        Assert.Equal(1, interleaved);
        Assert.Equal(ComponentStatus.Operational, (await shared.GetComponentAsync(components[0].Id, CancellationToken.None))!.Status);
        // Both of A's commits carry the same instant of A's manual clock, so history lists them in either order.
        var history = await shared.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(
            [(ComponentStatus.Operational, ComponentStatus.MajorOutage), (ComponentStatus.MajorOutage, ComponentStatus.Operational)],
            history.Select(h => (h.OldStatus, h.NewStatus)).OrderBy(t => t.OldStatus));
    }

    [Fact]
    public async Task ASignalReportedJustAsThePumpGoesIdle_IsNeverStranded()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));

        for (var version = 1; version <= 300; version++)
        {
            var state = version % 2 == 1 ? PlatformIncidentState.Triggered : PlatformIncidentState.Resolved;
            await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", state, version));

            var expected = state == PlatformIncidentState.Triggered ? ComponentStatus.MajorOutage : ComponentStatus.Operational;
            Assert.Equal(expected, (await kit.Components.GetAsync(components[0].Id))!.Status);
        }
    }
}
