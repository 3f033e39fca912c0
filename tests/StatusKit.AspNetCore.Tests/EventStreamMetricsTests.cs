using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The live-update streams on the <c>StatusKit</c> meter, on a host of its own whose per-client cap is 1.</summary>
public sealed class EventStreamMetricsTests(EventStreamMetricsTests.OneStreamHostFactory factory) : IClassFixture<EventStreamMetricsTests.OneStreamHostFactory>
{
    [Fact]
    public async Task Opening_and_closing_an_event_stream_moves_the_open_connections_up_and_down_and_one_over_the_cap_counts_as_rejected()
    {
        using var client = factory.CreatePublicClient("198.51.100.91");
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var connections = new MetricCollector<long>(meters, StatusKitMetrics.MeterName, "statuskit.events.connections");
        using var rejected = new MetricCollector<long>(meters, StatusKitMetrics.MeterName, "statuskit.events.rejected");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var stream = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal([1L], connections.GetMeasurementSnapshot().Select(m => m.Value));
        using (var refused = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        }

        Assert.Equal(1, Assert.Single(rejected.GetMeasurementSnapshot()).Value);
        Assert.Single(connections.GetMeasurementSnapshot());

        // The server notices the closed stream once the client is gone.
        stream.Dispose();
        await connections.WaitForMeasurementsAsync(2, TimeSpan.FromSeconds(20));
        Assert.Equal([1L, -1L], connections.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal("{connection}", connections.Instrument!.Unit);
    }

    public sealed class OneStreamHostFactory : SampleHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<StatusPageEndpointOptions>(o => o.MaxEventStreamsPerClient = 1));
        }
    }
}
