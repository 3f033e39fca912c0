using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Engine;

/// <summary>
/// A platform that sends a changed signal under a version it already used would lose the change without a word if the
/// intake took it for a repeat: an identical re-send is an idempotent duplicate, a changed one is refused and logged.
/// </summary>
public sealed class SignalVersionReuseTests
{
    public static TheoryData<string> ChangedFields => ["state", "priority", "teamId", "serviceIdentifier", "title", "occurredAt"];

    [Theory]
    [MemberData(nameof(ChangedFields))]
    public async Task ASameVersionSignalWithOtherContent_IsRefusedAsAConflictNamingVersion_AndChangesNothing(string field)
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var stored = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 5) with { Title = "Database down" };
        await kit.ReportAndSettleAsync(stored);

        var reused = Change(stored, field);
        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => kit.Intake.ReportIncidentAsync(reused, CancellationToken.None));
        await kit.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal("version", error.Field);
        Assert.Contains("versions must increase with every change", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await kit.Store.GetSignalAsync("INC-1", CancellationToken.None));
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(components[0].Id))!.Status);
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 1019);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("INC-1", warning.Message, StringComparison.Ordinal);
        Assert.Contains(field, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdenticalResend_IsAnIdempotentDuplicate_WhateverTheOffsetOfItsInstant()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var signal = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 5) with { Title = "Database down" };
        await kit.ReportAndSettleAsync(signal);

        var resend = signal with { OccurredAt = signal.OccurredAt.ToOffset(TimeSpan.FromHours(9)) };

        Assert.Equal(SignalApplyResult.Duplicate, await kit.ReportAndSettleAsync(resend));
        Assert.Equal(SignalApplyResult.Duplicate, await kit.ReportAndSettleAsync(signal));
        Assert.False(logs.Has(1019));
    }

    [Fact]
    public async Task AResendWhosePriorityDiffersOnlyInCase_IsADuplicate_AsThePriorityMapIgnoresCase()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var signal = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 5);
        await kit.ReportAndSettleAsync(signal);

        Assert.Equal(SignalApplyResult.Duplicate, await kit.ReportAndSettleAsync(signal with { Priority = "CRITICAL" }));
        Assert.False(logs.Has(1019));
    }

    [Fact]
    public async Task AResendWhoseInstantDiffersBelowAMicrosecond_IsADuplicate_AsPostgreSqlKeepsOnlyMicroseconds()
    {
        await using var kit = new StatusKitHarness();
        var signal = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 5);
        await kit.ReportAndSettleAsync(signal);

        var resend = signal with { OccurredAt = signal.OccurredAt.AddTicks(TimeSpan.TicksPerMicrosecond - 1) };

        Assert.Equal(SignalApplyResult.Duplicate, await kit.ReportAndSettleAsync(resend));
        await Assert.ThrowsAsync<StatusKitConflictException>(() =>
            kit.Intake.ReportIncidentAsync(signal with { OccurredAt = signal.OccurredAt.AddTicks(TimeSpan.TicksPerMicrosecond) }, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyingAndRepeatingSignals_ReadsNoStoredSignalBesidesTheApplyItself()
    {
        await using var kit = new StatusKitHarness();
        var first = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1);

        await kit.ReportAndSettleAsync(first);
        await kit.ReportAndSettleAsync(first with { Version = 2, State = PlatformIncidentState.Resolved });
        await kit.ReportAndSettleAsync(first with { Version = 2, State = PlatformIncidentState.Resolved });

        Assert.Equal(3, kit.StoreControl.Calls(nameof(IStatusStore.ApplySignalAsync)));
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.GetSignalAsync)));
    }

    [Fact]
    public async Task AStoreThatDoesNotReturnTheStoredDuplicate_StillHasAReusedVersionRefused()
    {
        var inner = new InMemoryStatusStore();
        await using var kit = new StatusKitHarness(services => services.Replace(ServiceDescriptor.Singleton(StoreWithoutStoredDuplicate.Wrap(inner))));
        var stored = kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 5);
        await kit.ReportAndSettleAsync(stored);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() =>
            kit.Intake.ReportIncidentAsync(stored with { State = PlatformIncidentState.Resolved }, CancellationToken.None));

        Assert.Equal("version", error.Field);
        Assert.Equal(SignalApplyResult.Duplicate, await kit.ReportAndSettleAsync(stored));
        Assert.Equal(stored, await inner.GetSignalAsync("INC-1", CancellationToken.None));
    }

    private static IncidentSignal Change(IncidentSignal signal, string field) => field switch
    {
        "state" => signal with { State = PlatformIncidentState.Resolved },
        "priority" => signal with { Priority = "Low" },
        "teamId" => signal with { TeamId = "team-b" },
        "serviceIdentifier" => signal with { ServiceIdentifier = "payments" },
        "title" => signal with { Title = "Database back" },
        "occurredAt" => signal with { OccurredAt = signal.OccurredAt.AddMinutes(3) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A store written before <see cref="SignalApplyOutcome.Stored"/> existed: its duplicates name no stored signal.</summary>
    public class StoreWithoutStoredDuplicate : DispatchProxy
    {
        private IStatusStore _inner = null!;

        public static IStatusStore Wrap(IStatusStore inner)
        {
            var proxy = Create<IStatusStore, StoreWithoutStoredDuplicate>();
            ((StoreWithoutStoredDuplicate)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(IStatusStore.ApplySignalAsync))
            {
                return WithoutStoredAsync(_inner.ApplySignalAsync((IncidentSignal)args![0]!, (CancellationToken)args[1]!));
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        private static async Task<SignalApplyOutcome> WithoutStoredAsync(Task<SignalApplyOutcome> outcome) =>
            (await outcome) with { Stored = null };
    }
}
