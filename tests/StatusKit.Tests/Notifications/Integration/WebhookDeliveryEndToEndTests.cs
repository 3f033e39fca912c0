using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.TestSupport.Fakes;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.Tests.Notifications.Support;

namespace StatusKit.Tests.Notifications.Integration;

/// <summary>
/// Issue 4, "Tests": a status change becomes signed webhook requests to a real HTTP/1.1 listener on 127.0.0.1, through
/// <c>AddStatusPages()</c> with the in-memory store, a manual clock, the real <c>WebhookNotifier</c> and
/// <c>NotificationDispatcher</c>. The retry schedule is 5 s, 5 min, 30 min without jitter, so each attempt's time is exact.
/// </summary>
public sealed class WebhookDeliveryEndToEndTests : IAsyncDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
    private readonly ListLoggerProvider _logs = new();
    private readonly StatusKitHarness _kit;
    private readonly TestHttpReceiver _receiver = new();
    private readonly ConcurrentQueue<Answer> _answers = new();

    public WebhookDeliveryEndToEndTests()
    {
        _kit = new(services =>
        {
            services.AddLogging(logging => logging.AddProvider(_logs));
            services.AddStatusPages().ConfigureWebhookAddresses(o => o.AllowPrivateNetworks = true);
            services.Configure<NotificationOptions>(o =>
            {
                o.RetryDelays.Clear();
                foreach (var delay in RetryDelays)
                {
                    o.RetryDelays.Add(delay);
                }

                o.RetryJitter = 0;
            });
        });
    }

    private NotificationDispatcher Dispatcher => _kit.Get<NotificationDispatcher>();

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_signed_retries_at_the_scheduled_times_then_exactly_one_success_and_the_row_is_Delivered()
    {
        // Arrange
        var (page, subscriber) = await SubscribeReceiverAsync(("API", "team-a"));
        var failuresLeft = 2;
        AnswerWith(subscriber, () => Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200);
        var row = await RaiseMajorOutageAsync(page, expectedRows: 1);

        // Act: run the dispatcher one second before each scheduled attempt (nothing may be sent) and at it.
        var t0 = row.DueAt;
        var attemptTimes = new[] { t0, t0 + RetryDelays[0], t0 + RetryDelays[0] + RetryDelays[1] };
        foreach (var at in attemptTimes)
        {
            await AssertNothingSentAtAsync(at - TimeSpan.FromSeconds(1));
            _kit.Clock.SetUtcNow(at);
            Assert.Equal(1, await Dispatcher.RunOnceAsync(CancellationToken.None));
        }

        _kit.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await Dispatcher.RunOnceAsync(CancellationToken.None));

        // Assert: three signed requests for the one notification, at the schedule's times, one success.
        var answers = _answers.ToArray();
        Assert.Equal([500, 500, 200], answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.True(a.SignatureValid, "the webhook-signature did not verify with the subscriber's secret"));
        Assert.All(answers, a => Assert.Equal(row.Id.ToString(), a.WebhookId));
        Assert.Equal(attemptTimes.Select(UnixSeconds), answers.Select(a => a.WebhookTimestamp));
        Assert.Equal(row.Id, answers[^1].PayloadId);

        var stored = await _kit.Store.GetNotificationAsync(row.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(NotificationState.Delivered, stored.State);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(attemptTimes[^1], stored.CompletedAt);
        Assert.Null(stored.LeaseOwner);
    }

    [Fact]
    public async Task A_receiver_that_always_fails_gets_every_scheduled_attempt_then_each_row_is_dead_lettered_kept_and_listed()
    {
        // Arrange: three components, so one outage makes three rows for the subscriber.
        var (page, subscriber) = await SubscribeReceiverAsync(("API", "team-a"), ("Web", "team-a"), ("Jobs", "team-a"));
        AnswerWith(subscriber, () => 503);
        await RaiseMajorOutageAsync(page, expectedRows: 3);
        var rows = await ListAsync(page.Id);
        var t0 = rows.Select(r => r.DueAt).Distinct().Single();
        var attemptTimes = new List<DateTimeOffset> { t0 };
        foreach (var delay in RetryDelays)
        {
            attemptTimes.Add(attemptTimes[^1] + delay);
        }

        // Act
        foreach (var at in attemptTimes)
        {
            await AssertNothingSentAtAsync(at - TimeSpan.FromSeconds(1));
            _kit.Clock.SetUtcNow(at);
            Assert.Equal(3, await Dispatcher.RunOnceAsync(CancellationToken.None));
        }

        _kit.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await Dispatcher.RunOnceAsync(CancellationToken.None));

        // Assert: every row was tried at every scheduled time, then dead-lettered; nothing was lost or is stuck.
        var answers = _answers.ToArray();
        Assert.Equal(3 * attemptTimes.Count, answers.Length);
        Assert.All(answers, a => Assert.True(a.SignatureValid, "the webhook-signature did not verify with the subscriber's secret"));
        Assert.Equal(
            rows.Select(r => r.Id.ToString()).Order(StringComparer.Ordinal),
            answers.Select(a => a.WebhookId).Distinct().Order(StringComparer.Ordinal));
        foreach (var attempts in answers.GroupBy(a => a.WebhookId))
        {
            Assert.Equal(attemptTimes.Select(UnixSeconds), attempts.Select(a => a.WebhookTimestamp));
        }

        var after = await ListAsync(page.Id);
        Assert.Equal(rows.Select(r => r.Id).Order(), after.Select(r => r.Id).Order());
        Assert.All(after, r =>
        {
            Assert.Equal(NotificationState.DeadLettered, r.State);
            Assert.Equal(attemptTimes.Count, r.Attempts);
            Assert.Contains("503", r.LastError, StringComparison.Ordinal);
            Assert.Null(r.LeaseOwner);
        });
        var listed = await _kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, State = NotificationState.DeadLettered }, CancellationToken.None);
        Assert.Equal(rows.Select(r => r.Id).Order(), listed.Select(r => r.Id).Order());
        Assert.True((await _kit.Subscribers.GetAsync(subscriber.Id))!.IsActive, "a failing receiver is not a gone one");

        // The subscriber's endpoint failing is not the host's error: each dead letter is a warning, and nothing pages.
        var deadLetters = _logs.Entries.Where(e => e.EventId.Id == 1319).ToList();
        Assert.Equal(rows.Count, deadLetters.Count);
        Assert.All(deadLetters, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_receiver_that_answers_410_Gone_deactivates_the_subscriber_and_its_other_rows_are_superseded_unsent()
    {
        // Arrange
        var (page, subscriber) = await SubscribeReceiverAsync(("API", "team-a"), ("Web", "team-a"));
        AnswerWith(subscriber, () => 410);
        await RaiseMajorOutageAsync(page, expectedRows: 2);
        var rows = await ListAsync(page.Id);

        // Act
        _kit.Clock.SetUtcNow(rows.Max(r => r.DueAt));
        Assert.Equal(2, await Dispatcher.RunOnceAsync(CancellationToken.None));
        _kit.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await Dispatcher.RunOnceAsync(CancellationToken.None));

        // Assert: one request; that row is dead-lettered, the other superseded without being sent; the subscriber is off.
        var answer = Assert.Single(_answers);
        Assert.True(answer.SignatureValid);
        Assert.False((await _kit.Subscribers.GetAsync(subscriber.Id))!.IsActive);
        var after = await ListAsync(page.Id);
        var gone = Assert.Single(after, r => r.Id.ToString() == answer.WebhookId);
        Assert.Equal(NotificationState.DeadLettered, gone.State);
        Assert.Equal(1, gone.Attempts);
        var other = Assert.Single(after, r => r.Id != gone.Id);
        Assert.Equal(NotificationState.Superseded, other.State);
        Assert.Equal(0, other.Attempts);
    }

    [Fact]
    public async Task Without_a_public_base_address_no_unsubscribe_link_can_be_built_so_meta_unsubscribe_is_null()
    {
        // Arrange: this host sets no PublicBaseAddress (nor LinkSigningKey).
        var (page, subscriber) = await SubscribeReceiverAsync(("API", "team-a"));
        AnswerWith(subscriber, () => 200);
        var row = await RaiseMajorOutageAsync(page, expectedRows: 1);

        // Act
        _kit.Clock.SetUtcNow(row.DueAt);
        Assert.Equal(1, await Dispatcher.RunOnceAsync(CancellationToken.None));

        // Assert: the field is there (a Statuspage consumer reads meta.unsubscribe), and null.
        using var payload = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("meta").GetProperty("unsubscribe").ValueKind);
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _kit.DisposeAsync();
    }

    private static long UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    /// <summary>Standard Webhooks, checked independently of the library: v1 = base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")).</summary>
    private static bool SignatureIsValid(string base64Secret, ReceivedRequest request)
    {
        if (!request.Headers.TryGetValue("webhook-id", out var id)
            || !request.Headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !request.Headers.TryGetValue("webhook-signature", out var signatures))
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(request.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(base64Secret), signed));
        return signatures.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    private async Task<(StatusPage Page, Subscriber Subscriber)> SubscribeReceiverAsync(params (string Name, string Team)[] components)
    {
        var (page, _) = await _kit.CreatePageAsync("Acme", [.. components.Select(c => (c.Name, (string?)c.Team, (string?)null))]);
        var subscription = await _kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id,
            Channel = SubscriberChannel.Webhook,
            Destination = _receiver.Url.AbsoluteUri,
            PreVerified = true,
        });
        Assert.Equal(_receiver.Url.AbsoluteUri, subscription.Subscriber.Destination);
        return (page, subscription.Subscriber);
    }

    /// <summary>The receiver verifies each request's signature with the subscriber's secret, then answers with <paramref name="status"/>.</summary>
    private void AnswerWith(Subscriber subscriber, Func<int> status)
    {
        var secret = subscriber.SigningSecret ?? throw new InvalidOperationException("A webhook subscriber has a signing secret.");
        _receiver.Respond = request =>
        {
            var valid = SignatureIsValid(secret, request);
            var code = valid ? status() : 401;
            Guid? payloadId = null;
            if (valid)
            {
                using var payload = JsonDocument.Parse(request.Body);
                payloadId = payload.RootElement.GetProperty("id").GetGuid();
            }

            _answers.Enqueue(new Answer(
                code,
                valid,
                request.Header("webhook-id"),
                long.Parse(request.Header("webhook-timestamp"), CultureInfo.InvariantCulture),
                payloadId));
            return new CannedResponse(code, code == 200 ? "ok" : "no");
        };
    }

    /// <summary>A Critical incident for team A: its components go to Major Outage, one row per component, due after the debounce.</summary>
    private async Task<Notification> RaiseMajorOutageAsync(StatusPage page, int expectedRows)
    {
        await _kit.ReportAndSettleAsync(_kit.Signal("INC-1", "team-a", "Critical", PlatformIncidentState.Triggered, 1));
        var rows = await ListAsync(page.Id);
        Assert.Equal(expectedRows, rows.Count);
        Assert.All(rows, r => Assert.Equal(NotificationState.Pending, r.State));
        return rows[0];
    }

    private async Task AssertNothingSentAtAsync(DateTimeOffset at)
    {
        var before = _receiver.Requests.Count;
        _kit.Clock.SetUtcNow(at);
        Assert.Equal(0, await Dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal(before, _receiver.Requests.Count);
    }

    private async Task<IReadOnlyList<Notification>> ListAsync(Guid pageId) =>
        await _kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId }, CancellationToken.None);

    private sealed record Answer(int Status, bool SignatureValid, string WebhookId, long WebhookTimestamp, Guid? PayloadId);
}
