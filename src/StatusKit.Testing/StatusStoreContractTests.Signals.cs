using StatusKit.Abstractions;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task ApplySignal_Unknown_IsApplied_AndStoredWithEveryField()
    {
        var signal = TestData.Signal(version: 3) with { OccurredAt = new DateTimeOffset(2026, 1, 5, 9, 3, 0, 500, TimeSpan.FromHours(9)) };

        Assert.Equal(SignalApplyResult.Applied, (await Store.ApplySignalAsync(signal, None)).Result);

        Assert.Equal(signal, await Store.GetSignalAsync(signal.IncidentId, None));
    }

    [Fact]
    public async Task ApplySignal_WithNullableFieldsNull_RoundTripsNulls()
    {
        var signal = TestData.Signal() with { ServiceIdentifier = null, Title = null };

        await Store.ApplySignalAsync(signal, None);

        Assert.Equal(signal, await Store.GetSignalAsync(signal.IncidentId, None));
    }

    [Fact]
    public async Task GetSignal_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetSignalAsync("never-seen", None));
    }

    [Fact]
    public async Task ApplySignal_NewerVersion_IsApplied_AndReplacesTheStoredState()
    {
        var triggered = TestData.Signal(version: 1);
        var resolved = TestData.Signal(triggered.IncidentId, version: 2, state: PlatformIncidentState.Resolved);
        await Store.ApplySignalAsync(triggered, None);

        Assert.Equal(SignalApplyResult.Applied, (await Store.ApplySignalAsync(resolved, None)).Result);

        Assert.Equal(resolved, await Store.GetSignalAsync(triggered.IncidentId, None));
    }

    [Fact]
    public async Task ApplySignal_OlderAfterNewer_IsStale_AndKeepsTheNewer()
    {
        var v2 = TestData.Signal(version: 2, state: PlatformIncidentState.Acknowledged);
        var v1 = TestData.Signal(v2.IncidentId, version: 1, state: PlatformIncidentState.Triggered);
        await Store.ApplySignalAsync(v2, None);

        Assert.Equal(SignalApplyResult.Stale, (await Store.ApplySignalAsync(v1, None)).Result);

        Assert.Equal(v2, await Store.GetSignalAsync(v2.IncidentId, None));
    }

    [Fact]
    public async Task ApplySignal_SameVersionAgain_IsDuplicate_AndChangesNothing()
    {
        var v2 = TestData.Signal(version: 2);
        await Store.ApplySignalAsync(v2, None);

        var repeat = v2 with { Title = "A different title", State = PlatformIncidentState.Closed };
        Assert.Equal(SignalApplyResult.Duplicate, (await Store.ApplySignalAsync(repeat, None)).Result);

        Assert.Equal(v2, await Store.GetSignalAsync(v2.IncidentId, None));
    }

    [Fact]
    public async Task ApplySignal_SameVersionWithOtherContent_IsDuplicate_AndReturnsTheStoredSignal_SoTheIntakeCanTellAReuse()
    {
        var v2 = TestData.Signal(version: 2, teamId: "team-a") with { Title = "Database down" };
        await Store.ApplySignalAsync(v2, None);

        var reused = v2 with { TeamId = "team-b", State = PlatformIncidentState.Resolved, Title = "Database back" };
        var outcome = await Store.ApplySignalAsync(reused, None);

        Assert.Equal(new SignalApplyOutcome(SignalApplyResult.Duplicate) { Stored = v2 }, outcome);
    }

    [Fact]
    public async Task ApplySignal_ResentWithASubMicrosecondInstant_ReturnsTheStoredInstantToTheMicrosecond()
    {
        // The intake compares instants to the microsecond (PostgreSQL keeps no finer), so a store must keep at least that.
        var signal = TestData.Signal(version: 4) with { OccurredAt = TestData.T0.AddTicks(1_234_567) };
        await Store.ApplySignalAsync(signal, None);

        var outcome = await Store.ApplySignalAsync(signal, None);

        Assert.Equal(SignalApplyResult.Duplicate, outcome.Result);
        Assert.InRange(Math.Abs(outcome.Stored!.OccurredAt.UtcTicks - signal.OccurredAt.UtcTicks), 0, TimeSpan.TicksPerMicrosecond - 1);
    }

    [Fact]
    public async Task ApplySignal_IncidentIds_AreKeptApart()
    {
        var first = TestData.Signal("inc-1", version: 5);
        var second = TestData.Signal("INC-1", version: 1);

        await Store.ApplySignalAsync(first, None);

        Assert.Equal(SignalApplyResult.Applied, (await Store.ApplySignalAsync(second, None)).Result);
        Assert.Equal(first, await Store.GetSignalAsync("inc-1", None));
        Assert.Equal(second, await Store.GetSignalAsync("INC-1", None));
    }

    [Fact]
    public async Task ApplySignal_ConcurrentVersions_NeverLetAnOlderVersionWin_AndEachAppliedOneNamesTheOneItReplaced()
    {
        var incidentId = TestData.Unique("incident");
        var versions = Enumerable.Range(1, 40).Reverse().Concat(Enumerable.Range(1, 40)).ToArray();

        var signals = versions.Select((v, i) => TestData.Signal(incidentId, version: v, teamId: $"team-{i}")).ToArray();

        var outcomes = await Task.WhenAll(signals.Select(s => Task.Run(() => Store.ApplySignalAsync(s, None))));

        Assert.Equal(40, (await Store.GetSignalAsync(incidentId, None))?.Version);
        Assert.True(outcomes.Count(o => o.Result == SignalApplyResult.Applied) <= 40);
        StoreAssert.EachAppliedSignalReplacedThePreviousOne(signals.Zip(outcomes));
    }

    [Fact]
    public async Task ApplySignal_Newer_ReturnsTheSignalItReplaced_AndTheFirstReplacesNothing()
    {
        var first = TestData.Signal("INC-moved", version: 1, teamId: "team-a");
        var moved = TestData.Signal("INC-moved", version: 2, teamId: "team-b");

        var firstOutcome = await Store.ApplySignalAsync(first, None);
        var movedOutcome = await Store.ApplySignalAsync(moved, None);
        var staleOutcome = await Store.ApplySignalAsync(first, None);

        Assert.Equal(new SignalApplyOutcome(SignalApplyResult.Applied), firstOutcome);
        Assert.Equal(new SignalApplyOutcome(SignalApplyResult.Applied, first), movedOutcome);
        Assert.Equal(new SignalApplyOutcome(SignalApplyResult.Stale), staleOutcome);
    }
}
