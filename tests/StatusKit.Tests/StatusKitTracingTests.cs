using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Testing;
using StatusKit.Tests.Notifications.Dispatching;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests;

/// <summary>
/// The spans a host's tracing collects from <see cref="StatusKitTracing.ActivitySourceName"/>. The listener hears every
/// test running at the same time, so each test finds its own spans by the ids it made.
/// </summary>
public sealed class StatusKitTracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public StatusKitTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StatusKitTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task ASignal_IsASpanWithItsIncidentAndResult_AndTheRecomputeItCausesLinksToIt()
    {
        await using var services = Services(out var time);
        var page = TestData.Page();
        var store = services.GetRequiredService<IStatusStore>();
        await store.AddPageAsync(page, default);
        await store.AddComponentAsync(TestData.Component(page.Id, teamId: "team-trace"), default);
        var signal = TestData.Signal(teamId: "team-trace");

        await services.GetRequiredService<IIncidentIntake>().ReportIncidentAsync(signal, default);
        await services.GetRequiredService<IStatusEngine>().WhenIdleAsync(default);

        var span = Assert.Single(_stopped, a => a.OperationName == "statuskit.signal" && Equals(a.GetTagItem("statuskit.incident.id"), signal.IncidentId));
        Assert.Equal("team-trace", span.GetTagItem("statuskit.team.id"));
        Assert.Equal(1L, span.GetTagItem("statuskit.signal.version"));
        Assert.Equal("Applied", span.GetTagItem("statuskit.signal.result"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var recompute = Assert.Single(_stopped, a => a.OperationName == "statuskit.recompute" && a.Links.Any(l => l.Context.SpanId == span.SpanId));
        Assert.NotEqual(span.TraceId, recompute.TraceId);
        Assert.Contains("team-trace", (string)recompute.GetTagItem("statuskit.recompute.scope")!, StringComparison.Ordinal);
        Assert.Contains(signal.IncidentId, (string)recompute.GetTagItem("statuskit.recompute.cause")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignalRefused_MarksItsSpanFailed()
    {
        await using var services = Services(out _);
        var intake = services.GetRequiredService<IIncidentIntake>();
        var signal = TestData.Signal(teamId: "team-trace");
        await intake.ReportIncidentAsync(signal, default);

        await Assert.ThrowsAsync<StatusKitConflictException>(() => intake.ReportIncidentAsync(signal with { Priority = "Critical" }, default));

        var refused = Assert.Single(_stopped, a => a.OperationName == "statuskit.signal" && Equals(a.GetTagItem("statuskit.incident.id"), signal.IncidentId) && a.Status == ActivityStatusCode.Error);
        Assert.Contains("versions must increase", refused.StatusDescription, StringComparison.Ordinal);
        Assert.Contains(refused.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task ANotificationSend_IsTheNotifiersParentSpan_AndAFailedOneIsAnError()
    {
        var harness = await DispatcherHarness.CreateAsync();
        var subscriber = await harness.SubscriberAsync();
        var delivered = await harness.EnqueueAsync(harness.Notice(subscriber, NotificationKind.StatusIncidentCreated));
        var refused = await harness.EnqueueAsync(harness.Notice(await harness.SubscriberAsync(), NotificationKind.StatusIncidentCreated));
        var current = new ConcurrentDictionary<Guid, string?>();
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = (m, _) =>
            {
                current[m.NotificationId] = Activity.Current?.OperationName;
                return Task.FromResult(m.NotificationId == refused.Id ? NotificationResult.Permanent("mailbox unknown") : NotificationResult.Delivered);
            },
        };

        await harness.Dispatcher(notifier).RunOnceAsync(default);

        var ok = Assert.Single(_stopped, a => a.OperationName == "statuskit.notification.send" && Equals(a.GetTagItem("statuskit.notification.id"), delivered.Id));
        Assert.Equal("email", ok.GetTagItem("statuskit.notification.channel"));
        Assert.Equal("StatusIncidentCreated", ok.GetTagItem("statuskit.notification.kind"));
        Assert.Equal(1, ok.GetTagItem("statuskit.notification.attempt"));
        Assert.Equal("Delivered", ok.GetTagItem("statuskit.notification.result"));
        Assert.Equal(ActivityStatusCode.Unset, ok.Status);
        Assert.Equal("statuskit.notification.send", current[delivered.Id]);
        var failed = Assert.Single(_stopped, a => a.OperationName == "statuskit.notification.send" && Equals(a.GetTagItem("statuskit.notification.id"), refused.Id));
        Assert.Equal("Permanent", failed.GetTagItem("statuskit.notification.result"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("mailbox unknown", failed.StatusDescription);
    }

    [Fact]
    public async Task AMaintenanceTransition_IsASpanNamingTheWindowAndTheTransition()
    {
        await using var services = Services(out var time);
        var page = TestData.Page();
        var store = services.GetRequiredService<IStatusStore>();
        await store.AddPageAsync(page, default);
        var window = TestData.Window(page.Id, componentIds: [], occurrenceStartsAt: TestData.At(-1)) with
        {
            Recurrence = null, ExcludedOccurrences = [], StartsAt = TestData.At(-1), EndsAt = TestData.At(59),
        };
        await store.AddMaintenanceWindowAsync(window, [], default);

        await services.GetRequiredService<MaintenanceScheduler>().RunDueTransitionsAsync(default);

        var span = Assert.Single(_stopped, a => a.OperationName == "statuskit.maintenance.transition" && Equals(a.GetTagItem("statuskit.maintenance.window.id"), window.Id));
        Assert.Equal("Start", span.GetTagItem("statuskit.maintenance.transition"));
        Assert.Equal("applied", span.GetTagItem("statuskit.maintenance.outcome"));
    }

    private static ServiceProvider Services(out ManualTimeProvider time)
    {
        time = new ManualTimeProvider(TestData.T0.AddMinutes(30));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddSingleton<IStatusStore>(new InMemoryStatusStore());
        services.AddStatusPages();
        return services.BuildServiceProvider();
    }
}
