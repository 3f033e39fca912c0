using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.Hosting;
using StatusKit.InMemory;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Hosting;

/// <summary>A store that is down while the host starts must not take the host (the embedding app) down with it.</summary>
public sealed class StoreDownAtStartTests
{
    [Fact]
    public async Task SnapshotWarmup_WhenTheStoreCannotListPages_EndsWithoutFailingAndTheHostKeepsRunning()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        control.Before = (method, _) => method == nameof(IStatusStore.ListPagesAsync) ? throw new TimeoutException("database down") : null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(store);
        builder.Services.AddStatusPages();
        using var host = builder.Build();
        var warmup = host.Services.GetServices<IHostedService>().OfType<SnapshotWarmupService>().Single();

        await host.StartAsync();
        var ran = await Record.ExceptionAsync(() => warmup.ExecuteTask!);

        Assert.Null(ran);
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }
}
