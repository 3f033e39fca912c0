using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.Benchmarks;

/// <summary>
/// A status change reaching the readers who keep a page open during an outage: <see cref="Streams"/> live-update
/// streams (<c>GET /status/{slug}/events</c>, Server-Sent Events) on one host over loopback, and one operator's status
/// change of a component; an operation ends when every stream has read the change's <c>status</c> event. The streams'
/// readers run in the same process, so their reading counts too: compare runs, not the absolute figure.
/// </summary>
[MemoryDiagnoser]
public class EventFanOutBenchmarks
{
    private readonly List<Task> readers = [];
    private readonly CancellationTokenSource stop = new();
    private WebApplication app = null!;
    private HttpClient client = null!;
    private ComponentService components = null!;
    private Guid componentId;
    private int received;
    private TaskCompletionSource allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool degraded;

    [Params(100, 1_000)]
    public int Streams { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Development: the admin API (mapped with the pages, unused here) may run without an authorization policy there.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddStatusPages(o => o.WarmSnapshotsOnStart = false)
            .AddStatusPageEndpoints(o => o.MaxEventStreamsPerClient = 1_000_000);
        app = builder.Build();
        app.MapStatusPages("/status");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var page = await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Fan-out", Slug = "fan-out" });
        components = app.Services.GetRequiredService<ComponentService>();
        componentId = (await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" })).Id;

        client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan };
        var opened = 0;
        var allOpen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < Streams; i++)
        {
            readers.Add(Task.Run(async () =>
            {
                using var response = await client.GetAsync("/status/fan-out/events", HttpCompletionOption.ResponseHeadersRead, stop.Token);
                response.EnsureSuccessStatusCode();
                using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
                if (Interlocked.Increment(ref opened) == Streams)
                {
                    allOpen.SetResult();
                }

                while (await lines.ReadLineAsync(stop.Token) is { } line)
                {
                    if (line == "event: status" && Interlocked.Increment(ref received) == Streams)
                    {
                        allReceived.SetResult();
                    }
                }
            }));
        }

        await allOpen.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await stop.CancelAsync();
        await app.StopAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await app.DisposeAsync();
        client.Dispose();
    }

    [Benchmark]
    public async Task StatusChangeReachesEveryStream()
    {
        Volatile.Write(ref received, 0);
        allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        degraded = !degraded;
        if (degraded)
        {
            await components.SetManualStatusAsync(componentId, ComponentStatus.DegradedPerformance);
        }
        else
        {
            await components.ClearManualStatusAsync(componentId);
        }

        await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
