using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Events;
using StatusKit.Engine;
using StatusKit.Status;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

public sealed class EventRelayTests
{
    // The default replay buffer retention.
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void A_deleted_page_wakes_its_listeners_and_leaves_no_events_to_replay()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        relay.Publish(Change(pageId, 1));
        using var listening = relay.Attach(pageId, null);

        relay.Publish(new StatusChanged { Kind = StatusChangeKind.PageDeleted, PageId = pageId, Sequence = 2 });
        using var resumed = relay.Attach(pageId, 0);

        Assert.True(listening.Live.TryRead(out var woken));
        Assert.Equal(StatusChangeKind.PageDeleted, woken.Kind);
        Assert.Empty(resumed.Replay);
    }

    [Fact]
    public void A_page_stays_held_while_a_stream_is_open_and_is_freed_once_its_last_stream_closed_for_the_reconnect_grace()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        var first = relay.Attach(pageId, null);
        var second = relay.Attach(pageId, null);
        relay.Publish(Change(pageId, 1));

        first.Dispose();
        _time.Advance(Grace * 2);
        relay.Publish(Change(Guid.NewGuid(), 2));
        Assert.Equal(1, relay.PageCount);

        second.Dispose();
        _time.Advance(Grace);
        relay.Publish(Change(Guid.NewGuid(), 3));

        Assert.Equal(0, relay.PageCount);
    }

    [Fact]
    public void A_client_reconnecting_within_the_grace_gets_what_it_missed_meanwhile()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        var stream = relay.Attach(pageId, null);
        relay.Publish(Change(pageId, 1));
        stream.Dispose();
        relay.Publish(Change(pageId, 2));
        _time.Advance(Grace - TimeSpan.FromSeconds(1));

        using var resumed = relay.Attach(pageId, 1);

        Assert.False(resumed.Incomplete);
        Assert.Equal([2L], resumed.Replay.Select(e => e.Sequence));
    }

    [Fact]
    public void A_client_reconnecting_after_its_page_was_freed_is_told_to_reload_and_a_new_client_is_not()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        var stream = relay.Attach(pageId, null);
        relay.Publish(Change(pageId, 1));
        stream.Dispose();
        _time.Advance(Grace);
        relay.Publish(Change(pageId, 2));

        using var resumed = relay.Attach(pageId, 1);
        using var fresh = relay.Attach(pageId, null);

        Assert.True(resumed.Incomplete);
        Assert.Empty(resumed.Replay);
        Assert.False(fresh.Incomplete);
    }

    [Fact]
    public void A_page_is_held_for_the_configured_replay_buffer_retention_after_its_last_stream_closed()
    {
        var relay = NewRelay(new StatusPageEndpointOptions { ReplayBufferRetention = TimeSpan.FromMinutes(10) });
        var pageId = Guid.NewGuid();
        var stream = relay.Attach(pageId, null);
        relay.Publish(Change(pageId, 1));
        stream.Dispose();

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var withinRetention = relay.Attach(pageId, 0);
        withinRetention.Dispose();
        _time.Advance(TimeSpan.FromMinutes(10));
        using var afterRetention = relay.Attach(pageId, 0);

        Assert.False(withinRetention.Incomplete);
        Assert.Equal([1L], withinRetention.Replay.Select(e => e.Sequence));
        Assert.True(afterRetention.Incomplete);
        Assert.Empty(afterRetention.Replay);
    }

    [Fact]
    public void Events_of_a_page_nobody_listens_to_are_not_held_and_a_client_that_missed_them_reloads()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();

        relay.Publish(Change(pageId, 1));
        Assert.Equal(0, relay.PageCount);
        using var resumed = relay.Attach(pageId, 0);

        Assert.True(resumed.Incomplete);
    }

    [Fact]
    public void A_stream_that_opens_as_the_last_one_closes_keeps_the_page_and_its_events()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        relay.Attach(pageId, null).Dispose();
        using var reopened = relay.Attach(pageId, null);
        _time.Advance(Grace * 2);

        relay.Publish(Change(pageId, 1));

        Assert.Equal(1, relay.PageCount);
        Assert.True(reopened.Live.TryRead(out var change));
        Assert.Equal(1, change.Sequence);
    }

    [Fact]
    public async Task Streams_opening_and_closing_while_pages_are_freed_never_miss_an_event_and_leave_nothing_held()
    {
        var relay = NewRelay();
        var pageId = Guid.NewGuid();
        var other = Guid.NewGuid();
        long sequence = 0;
        using var stop = new CancellationTokenSource();

        // One thread opens a stream, publishes to its page and checks the stream got it, then closes it; the other
        // keeps moving the clock past the grace and publishing elsewhere, which frees idle pages.
        var streams = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                using var stream = relay.Attach(pageId, null);
                var published = Interlocked.Increment(ref sequence);
                relay.Publish(Change(pageId, published));
                Assert.True(stream.Live.TryRead(out var change), $"stream {i} missed its event");
                Assert.Equal(published, change.Sequence);
            }
        });
        var sweeps = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                _time.Advance(Grace);
                relay.Publish(Change(other, Interlocked.Increment(ref sequence)));
            }
        });

        try
        {
            await streams.WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            await stop.CancelAsync();
            await sweeps;
        }

        _time.Advance(Grace);
        relay.Publish(Change(other, Interlocked.Increment(ref sequence)));
        Assert.Equal(0, relay.PageCount);
    }

    [Fact]
    public void Events_the_relay_fell_behind_on_may_be_any_pages_so_every_stream_is_told_and_a_client_resuming_any_page_reloads()
    {
        var relay = NewRelay();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        using var streamA = relay.Attach(a, null);
        using var streamB = relay.Attach(b, null);
        relay.Publish(Change(a, 1));
        relay.Publish(Change(b, 2));

        // The feed dropped events 3 to 5, whoever's they were, and says so just before event 6, of page B.
        relay.Publish(new StatusChanged { Kind = StatusChangeKind.Gap, PageId = b, DroppedCount = 3 });
        relay.Publish(Change(b, 6));
        using var resumedA = relay.Attach(a, 1);

        Assert.True(resumedA.Incomplete);
        Assert.Contains(Drain(streamA), e => e.Kind == StatusChangeKind.Gap);
        Assert.Contains(Drain(streamB), e => e.Kind == StatusChangeKind.Gap);
    }

    private static List<StatusChanged> Drain(EventAttachment attachment)
    {
        var events = new List<StatusChanged>();
        while (attachment.Live.TryRead(out var change))
        {
            events.Add(change);
        }

        return events;
    }

    private EventRelay NewRelay() => NewRelay(new StatusPageEndpointOptions());

    private EventRelay NewRelay(StatusPageEndpointOptions options) => new(Options.Create(options), _time);

    private static StatusChanged Change(Guid pageId, long sequence) =>
        new() { Kind = StatusChangeKind.Component, PageId = pageId, ComponentId = Guid.NewGuid(), NewStatus = ComponentStatus.MajorOutage, Sequence = sequence };
}
