using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Hosting;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;

namespace StatusKit.Tests.Engine;

/// <summary>A host stopped in the middle of its work, and started again over the same store.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task AResolveStoredJustBeforeTheHostStopped_IsAppliedWhenTheHostStartsAgain()
    {
        var store = new InMemoryStatusStore();
        var clock = new ManualTimeProvider();
        Guid componentId;
        ComponentStatus beforeTheRestart;

        // The first host works through a wrapper that can hold its store calls; the second reads the same store.
        var (firstHostsStore, firstHostsStoreControl) = InterceptingStatusStore.Wrap(store);
        await using (var first = new StatusKitHarness(services => services.AddSingleton(firstHostsStore)))
        {
            var (_, components) = await first.CreatePageAsync("Acme", ("API", "a", null));
            componentId = components[0].Id;
            await first.ReportAndSettleAsync(first.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));

            // The resolve is durable when the intake returns; the host stops before its background recompute has run,
            // and a stopping engine cancels what it has not done.
            var held = new TaskCompletionSource();
            firstHostsStoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadStatusInputsAsync) ? held.Task : null;
            var result = await first.Intake.ReportIncidentAsync(
                first.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2), CancellationToken.None);
            var stopping = first.Get<StatusEngine>().DisposeAsync().AsTask();
            held.SetResult();
            await stopping;
            Assert.Equal(SignalApplyResult.Applied, result);
            beforeTheRestart = (await store.GetComponentAsync(componentId, CancellationToken.None))!.Status;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IStatusStore>(store);
        builder.Services.AddStatusPages();
        using var second = builder.Build();
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await second.StartAsync(hangGuard.Token);

        // The start-up recompute is queued once the host has started; then wait for the engine to have run it.
        await second.Services.GetServices<IHostedService>().OfType<StartupRecompute>().Single().ExecuteTask!.WaitAsync(hangGuard.Token);
        await second.Services.GetRequiredService<IStatusEngine>().WhenIdleAsync(hangGuard.Token);
        var status = (await second.Services.GetRequiredService<ComponentService>().GetAsync(componentId))!.Status;
        await second.StopAsync();

        Assert.Equal(ComponentStatus.MajorOutage, beforeTheRestart);
        Assert.Equal(ComponentStatus.Operational, status);
    }
}
