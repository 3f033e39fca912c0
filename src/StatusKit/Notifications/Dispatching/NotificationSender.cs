using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using StatusKit.Abstractions;
using StatusKit.Diagnostics;
using StatusKit.Model;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Makes one attempt through the <see cref="INotifier"/> of a channel inside the send pipeline. Whatever the notifier
/// does — answers, throws or hangs past the timeout — becomes a <see cref="NotificationResult"/>; only the dispatcher's
/// own shutdown is reported differently (null), so the row can be given back unchanged.
/// </summary>
internal sealed class NotificationSender
{
    private readonly Dictionary<SubscriberChannel, INotifier> _notifiers = [];
    private readonly DispatchResilience _resilience;
    private readonly TimeProvider _time;
    private readonly StatusKitInstruments _instruments;
    private readonly ILogger _logger;

    /// <summary>
    /// Uses, for each channel, the host's own notifier when it registered one (before or after <c>AddStatusPages()</c>),
    /// else StatusKit's built-in one; among several of one kind, the last registered (the usual "last registration wins").
    /// </summary>
    public NotificationSender(IEnumerable<INotifier> notifiers, DispatchResilience resilience, TimeProvider time, StatusKitInstruments instruments, ILogger logger)
    {
        var all = notifiers.ToList();
        foreach (var notifier in all.Where(IsBuiltIn).Concat(all.Where(n => !IsBuiltIn(n))))
        {
            _notifiers[notifier.Channel] = notifier;
        }

        _resilience = resilience;
        _time = time;
        _instruments = instruments;
        _logger = logger;
    }

    public bool CanSend(SubscriberChannel channel) => _notifiers.ContainsKey(channel);

    /// <summary>StatusKit's own notifiers (webhook, Slack, Teams, Discord, email, SMS), which a host's notifier for the same channel replaces.</summary>
    private static bool IsBuiltIn(INotifier notifier) => notifier.GetType().Assembly == typeof(INotifier).Assembly;

    /// <summary>One attempt, measured; null when <paramref name="cancellationToken"/> (shutdown) cut it short.</summary>
    public async Task<NotificationResult?> SendAsync(SubscriberChannel channel, NotificationMessage message, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await SendCoreAsync(channel, message, cancellationToken);
        if (result is not null)
        {
            _instruments.NotificationAttempted(channel, result.Kind, _time.GetElapsedTime(started));
        }

        return result;
    }

    private async Task<NotificationResult?> SendCoreAsync(SubscriberChannel channel, NotificationMessage message, CancellationToken cancellationToken)
    {
        var notifier = _notifiers[channel];
        using var activity = StatusKitTracing.Source.StartActivity("statuskit.notification.send", ActivityKind.Internal);
        activity?.SetTag("statuskit.notification.id", message.NotificationId);
        activity?.SetTag("statuskit.notification.channel", StatusKitInstruments.ChannelName(channel));
        activity?.SetTag("statuskit.notification.kind", message.Content.Kind.ToString());
        activity?.SetTag("statuskit.notification.attempt", message.Attempt);
        NotificationResult result;
        try
        {
            result = await _resilience.Send.ExecuteAsync(
                async ct => await notifier.SendAsync(message, ct),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "The dispatcher stopped before the notifier answered.");
            return null;
        }
        catch (TimeoutRejectedException)
        {
            result = NotificationResult.Retry($"The send timed out after {_resilience.SendTimeout}.");
        }
        catch (Exception ex)
        {
            Log.NotifierThrew(_logger, channel, message.NotificationId, ex);
            activity?.AddException(ex);
            result = NotificationResult.Retry($"The notifier threw {ex.GetType().Name}: {ex.Message}");
        }

        activity?.SetTag("statuskit.notification.result", result.Kind.ToString());
        if (result.Kind != NotificationResultKind.Delivered)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        return result;
    }

}
