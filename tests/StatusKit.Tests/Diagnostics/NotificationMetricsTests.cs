using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Tests.Notifications.Dispatching;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Diagnostics;

/// <summary>What an operator sees on the <c>StatusKit</c> meter for each answer a notifier gives the dispatcher.</summary>
public sealed class NotificationMetricsTests
{
    public static TheoryData<SubscriberChannel, string, string, int> Answers => new()
    {
        { SubscriberChannel.Email, "delivered", "email", 0 },
        { SubscriberChannel.Webhook, "gone", "webhook", 1 },
        { SubscriberChannel.Slack, "permanent", "slack", 1 },
        { SubscriberChannel.Teams, "retry", "teams", 0 },
        { SubscriberChannel.Discord, "gone", "discord", 1 },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task EachSend_CountsOneAttempt_ByChannelAndResult_AndADeadLetterCountsToo(
        SubscriberChannel channel, string result, string channelTag, int deadLettered)
    {
        var h = await DispatcherHarness.CreateAsync();
        using var attempts = Collect<long>(h, "statuskit.notifications.attempts");
        using var deadLetters = Collect<long>(h, "statuskit.notifications.dead_lettered");
        using var durations = Collect<double>(h, "statuskit.notifications.delivery.duration");
        var subscriber = await h.SubscriberAsync(channel);
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(channel) { Respond = (_, _) => Task.FromResult(Answer(result)) };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal((1L, channelTag, result), (attempt.Value, (string)attempt.Tags["channel"]!, (string)attempt.Tags["result"]!));
        Assert.Equal(deadLettered, deadLetters.GetMeasurementSnapshot().Where(m => (string)m.Tags["channel"]! == channelTag).Sum(m => m.Value));
        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(channelTag, duration.Tags["channel"]);
    }

    [Fact]
    public async Task ARetryAfterTheLastAttempt_IsDeadLettered()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryDelays.Clear();
        using var attempts = Collect<long>(h, "statuskit.notifications.attempts");
        using var deadLetters = Collect<long>(h, "statuskit.notifications.dead_lettered");
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Email);
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Retry("503")) };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal("retry", Assert.Single(attempts.GetMeasurementSnapshot()).Tags["result"]);
        var deadLetter = Assert.Single(deadLetters.GetMeasurementSnapshot());
        Assert.Equal((1L, "email"), (deadLetter.Value, (string)deadLetter.Tags["channel"]!));
    }

    [Fact]
    public async Task ANotifierThatThrows_CountsAsARetry()
    {
        var h = await DispatcherHarness.CreateAsync();
        using var attempts = Collect<long>(h, "statuskit.notifications.attempts");
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Webhook);
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Webhook) { Respond = (_, _) => throw new HttpRequestException("refused") };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(("webhook", "retry"), ((string)attempt.Tags["channel"]!, (string)attempt.Tags["result"]!));
    }

    [Fact]
    public async Task AClaimedRow_RecordsHowLongItHadBeenDue()
    {
        var h = await DispatcherHarness.CreateAsync();
        using var lag = Collect<double>(h, "statuskit.notifications.outbox.lag");
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Slack);
        await h.EnqueueAsync(h.Change(subscriber, dueAt: h.Clock.GetUtcNow()));
        h.Clock.Advance(TimeSpan.FromSeconds(90));

        await h.Dispatcher(new RecordingNotifier(SubscriberChannel.Slack)).RunOnceAsync(None);

        var claimed = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal((90d, "slack"), (claimed.Value, (string)claimed.Tags["channel"]!));
    }

    private static NotificationResult Answer(string result) => result switch
    {
        "delivered" => NotificationResult.Delivered,
        "gone" => NotificationResult.Gone("410 Gone"),
        "permanent" => NotificationResult.Permanent("400 Bad Request"),
        _ => NotificationResult.Retry("503 Service Unavailable"),
    };

    private static MetricCollector<T> Collect<T>(DispatcherHarness h, string instrument)
        where T : struct =>
        new(h.Meters, StatusKitMetrics.MeterName, instrument);
}
