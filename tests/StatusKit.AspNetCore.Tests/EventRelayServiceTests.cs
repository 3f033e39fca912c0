using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.AspNetCore.Events;
using StatusKit.Engine;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The relay between the change feed and the live-update streams, as a host starts it.</summary>
public sealed class EventRelayServiceTests
{
    [Fact]
    public async Task A_change_made_while_the_host_starts_reaches_a_stream_of_its_page()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var feed = new LossyFeed();
        var pageId = Guid.NewGuid();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IStatusChangeFeed>(feed);
        builder.Services.AddStatusPages().UseInMemoryStore().AddStatusPageEndpoints();

        // A service started after the relay changes a status at once, as a host's own start-up work may; the server,
        // which starts last, could equally have served a request that did.
        builder.Services.AddHostedService(_ => new ChangeAtStart(feed, pageId));
        using var host = builder.Build();
        using var stream = host.Services.GetRequiredService<EventRelay>().Attach(pageId, lastEventId: null);

        await host.StartAsync(hangGuard.Token);
        try
        {
            var change = await stream.Live.ReadAsync(hangGuard.Token);

            Assert.Equal(1, change.Sequence);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Publishes one change when started.</summary>
    private sealed class ChangeAtStart(LossyFeed feed, Guid pageId) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            feed.Publish(new StatusChanged
            {
                Kind = StatusChangeKind.Page,
                PageId = pageId,
                Sequence = 1,
                OldStatus = ComponentStatus.Operational,
                NewStatus = ComponentStatus.MajorOutage,
                At = DateTimeOffset.UnixEpoch,
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A change feed that, like the default one, passes a change only to the consumers listening when it is published.</summary>
    private sealed class LossyFeed : IStatusChangeFeed
    {
        private readonly Lock _gate = new();
        private readonly List<Channel<StatusChanged>> _consumers = [];

        public void Publish(StatusChanged change)
        {
            lock (_gate)
            {
                foreach (var consumer in _consumers)
                {
                    consumer.Writer.TryWrite(change);
                }
            }
        }

        public async IAsyncEnumerable<StatusChanged> SubscribeAsync(Guid? pageId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var consumer = Channel.CreateUnbounded<StatusChanged>();
            lock (_gate)
            {
                _consumers.Add(consumer);
            }

            await foreach (var change in consumer.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
    }
}
