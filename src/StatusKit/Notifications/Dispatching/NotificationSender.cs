using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using StatusKit.Abstractions;
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
    private readonly ILogger _logger;

    /// <summary>
    /// Uses, for each channel, the host's own notifier when it registered one (before or after <c>AddStatusPages()</c>),
    /// else StatusKit's built-in one; among several of one kind, the last registered (the usual "last registration wins").
    /// </summary>
    public NotificationSender(IEnumerable<INotifier> notifiers, DispatchResilience resilience, ILogger logger)
    {
        var all = notifiers.ToList();
        foreach (var notifier in all.Where(IsBuiltIn).Concat(all.Where(n => !IsBuiltIn(n))))
        {
            _notifiers[notifier.Channel] = notifier;
        }

        _resilience = resilience;
        _logger = logger;
    }

    public bool CanSend(SubscriberChannel channel) => _notifiers.ContainsKey(channel);

    /// <summary>StatusKit's own notifiers (webhook, Slack, Teams, email), which a host's notifier for the same channel replaces.</summary>
    private static bool IsBuiltIn(INotifier notifier) => notifier.GetType().Assembly == typeof(INotifier).Assembly;

    /// <summary>One attempt; null when <paramref name="cancellationToken"/> (shutdown) cut it short.</summary>
    public async Task<NotificationResult?> SendAsync(SubscriberChannel channel, NotificationMessage message, CancellationToken cancellationToken)
    {
        var notifier = _notifiers[channel];
        try
        {
            return await _resilience.Send.ExecuteAsync(
                async ct => await notifier.SendAsync(message, ct),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (TimeoutRejectedException)
        {
            return NotificationResult.Retry($"The send timed out after {_resilience.SendTimeout}.");
        }
        catch (Exception ex)
        {
            Log.NotifierThrew(_logger, channel, message.NotificationId, ex);
            return NotificationResult.Retry($"The notifier threw {ex.GetType().Name}: {ex.Message}");
        }
    }
}
