using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.Testing;

namespace StatusKit.Tests.Engine;

/// <summary>A host stopped in the middle of its work, and started again over the same store.</summary>
public sealed class RestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AResolveStoredJustBeforeTheHostStopped_IsAppliedWhenTheHostStartsAgain()
    {
        var store = new InMemoryStatusStore();
        var clock = new ManualTimeProvider();
        Guid componentId;
        ComponentStatus beforeTheRestart;
        await using (var first = new StatusKitHarness(services => services.AddSingleton<IStatusStore>(store)))
        {
            var (_, components) = await first.CreatePageAsync("Acme", ("API", "a", null));
            componentId = components[0].Id;
            await first.ReportAndSettleAsync(first.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));

            // The resolve is durable when the intake returns; the host stops before its background recompute has run,
            // and a stopping engine cancels what it has not done.
            var held = new TaskCompletionSource();
            first.StoreControl.Before = (method, _) => method == nameof(IStatusStore.LoadStatusInputsAsync) ? held.Task : null;
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
        await second.StartAsync();
        var status = await WaitForStatusAsync(second.Services.GetRequiredService<ComponentService>(), componentId, ComponentStatus.Operational);
        await second.StopAsync();

        Assert.Equal(ComponentStatus.MajorOutage, beforeTheRestart);
        Assert.Equal(ComponentStatus.Operational, status);
    }

    private static async Task<ComponentStatus> WaitForStatusAsync(ComponentService components, Guid componentId, ComponentStatus expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = (await components.GetAsync(componentId))!.Status;
            if (status == expected || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(20);
        }
    }
}
