using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.TestSupport.Fakes;
using Xunit.Abstractions;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>
/// Several dispatchers over one store while the receiver fails and stalls, one dispatcher is stopped mid-flight and
/// restarted, and one crashes holding leases: the ledger must show nothing lost, nothing twice, nothing stuck.
/// </summary>
public sealed class ChaosLedgerTests(ITestOutputHelper output)
{
    private const int Seed = 20260105;
    private const int Rows = 520;

    [Fact]
    public async Task ThreeDispatchers_UnderChaos_LoseNothing_DeliverNothingTwice_LeaveNothingStuck()
    {
        var random = new Random(Seed);
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryDelays.Clear();
        foreach (var delay in new[] { TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5) })
        {
            h.Settings.RetryDelays.Add(delay);
        }

        h.Settings.RetryJitter = 0.2;
        h.Settings.MaxNotificationsPerHour = 0;
        h.Settings.BatchSize = 20;
        h.Settings.MaxConcurrency = 4;
        var subscribers = new List<Subscriber>();
        for (var i = 0; i < 40; i++)
        {
            subscribers.Add(await h.SubscriberAsync());
        }

        var rows = Enumerable.Range(0, Rows)
            .Select(i => h.Change(subscribers[i % subscribers.Count], dueAt: h.Clock.GetUtcNow().AddSeconds(random.Next(0, 120)), coalesce: false))
            .ToArray();
        await h.Store.EnqueueNotificationsAsync(rows, None);

        var chaos = new ChaosNotifier(SubscriberChannel.Email, h.Clock, Seed) { FailureRate = 0.3, DelayRate = 0.2, MaxDelay = TimeSpan.FromSeconds(5) };
        var dispatchers = Enumerable.Range(0, 3).Select(i => h.Dispatcher(new Random(Seed + i), chaos)).ToArray();
        var tokens = Enumerable.Range(0, 3).Select(_ => new CancellationTokenSource()).ToArray();
        var victim = random.Next(3);
        var stopRound = random.Next(1, 6);
        var stopStep = random.Next(0, 3);
        var crashRound = random.Next(2, 8);
        var stopped = false;
        var crashed = 0;

        var round = 0;
        for (; round < 5_000; round++)
        {
            var pending = await h.AllAsync(NotificationState.Pending);
            if (pending.Count == 0)
            {
                break;
            }

            if (round == crashRound)
            {
                // A dispatcher that dies holding leases: its rows must be taken over once the leases run out.
                var now = h.Clock.GetUtcNow();
                crashed = (await h.Store.ClaimNotificationsAsync("crashed", now, now + h.Settings.LeaseDuration, 10, None)).Count;
            }

            var passes = dispatchers.Select((d, i) => RunAsync(d, tokens[i].Token)).ToArray();
            var all = Task.WhenAll(passes);
            for (var step = 0; !all.IsCompleted; step++)
            {
                if (round == stopRound && step == stopStep && !stopped)
                {
                    await tokens[victim].CancelAsync();
                    stopped = true;
                }

                h.Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Yield();
            }

            var processed = (await all).Sum();
            if (stopped && tokens[victim].IsCancellationRequested)
            {
                tokens[victim].Dispose();
                tokens[victim] = new CancellationTokenSource();
                dispatchers[victim] = h.Dispatcher(new Random(Seed + 10), chaos);
            }

            if (processed == 0)
            {
                var next = pending.Min(n => n.LeaseExpiresAt is { } lease && lease > n.DueAt ? lease : n.DueAt);
                h.Clock.SetUtcNow(next > h.Clock.GetUtcNow() ? next : h.Clock.GetUtcNow().AddSeconds(1));
            }
        }

        foreach (var token in tokens)
        {
            token.Dispose();
        }

        var ledger = await h.AllAsync();
        var delivered = ledger.Where(n => n.State == NotificationState.Delivered).ToArray();
        var deadLettered = ledger.Where(n => n.State == NotificationState.DeadLettered).ToArray();
        output.WriteLine($"seed {Seed}: {round} rounds, {delivered.Length} delivered, {deadLettered.Length} dead-lettered, {chaos.Failures} failed attempts, victim {victim} stopped in round {stopRound}, {crashed} rows held by a crashed dispatcher");

        Assert.True(stopped);
        Assert.True(crashed > 0);
        Assert.True(chaos.Failures > 0);
        Assert.Equal(Rows, ledger.Count);
        Assert.Equal(Rows, delivered.Length + deadLettered.Length);
        Assert.DoesNotContain(ledger, n => n.State == NotificationState.Pending);
        Assert.DoesNotContain(ledger, n => n.LeaseOwner is not null);
        Assert.All(delivered, n => Assert.Equal(1, chaos.Deliveries.GetValueOrDefault(n.Id)));
        Assert.All(deadLettered, n =>
        {
            Assert.Equal(0, chaos.Deliveries.GetValueOrDefault(n.Id));
            Assert.Equal(h.Settings.RetryDelays.Count + 1, n.Attempts);
        });
        Assert.Equal(delivered.Length, chaos.Deliveries.Count);
        Assert.All(chaos.Deliveries.Values, count => Assert.Equal(1, count));
    }

    private static async Task<int> RunAsync(NotificationDispatcher dispatcher, CancellationToken token)
    {
        try
        {
            return await dispatcher.RunOnceAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return 0;
        }
    }
}
