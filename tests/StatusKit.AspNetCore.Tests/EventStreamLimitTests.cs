using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The per-client cap on open event streams, on a host of its own whose cap is 2.</summary>
public sealed class EventStreamLimitTests(EventStreamLimitTests.TwoStreamsHostFactory factory) : IClassFixture<EventStreamLimitTests.TwoStreamsHostFactory>
{
    [Fact]
    public async Task A_client_cannot_hold_more_event_streams_open_than_the_cap_and_gets_one_back_when_it_closes_one()
    {
        using var client = factory.CreatePublicClient("198.51.100.77");
        using var neighbour = factory.CreatePublicClient("198.51.100.78");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var first = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var second = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using (var third = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
            Assert.Equal((HttpStatusCode)429, third.StatusCode);
        }

        using (var other = await neighbour.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        // Closing a stream gives its place back (the server notices once the client is gone).
        first.Dispose();
        HttpStatusCode again;
        do
        {
            using var retry = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            again = retry.StatusCode;
        }
        while (again != HttpStatusCode.OK && !timeout.IsCancellationRequested);

        Assert.Equal(HttpStatusCode.OK, again);
    }

    public sealed class TwoStreamsHostFactory : SampleHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<StatusPageEndpointOptions>(o => o.MaxEventStreamsPerClient = 2));
        }
    }
}
