using System.Collections.Concurrent;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// An <see cref="INotifier"/> that records every attempt and answers with <see cref="Respond"/> (Delivered by default).
/// <see cref="Delivered"/> lists the messages that were answered Delivered.
/// </summary>
public sealed class RecordingNotifier(SubscriberChannel channel) : INotifier
{
    private readonly ConcurrentQueue<NotificationMessage> _attempts = new();
    private readonly ConcurrentQueue<NotificationMessage> _delivered = new();

    public SubscriberChannel Channel { get; } = channel;

    /// <summary>Decides each attempt's result; may await (honour the token to behave like a real notifier).</summary>
    public Func<NotificationMessage, CancellationToken, Task<NotificationResult>> Respond { get; set; } =
        (_, _) => Task.FromResult(NotificationResult.Delivered);

    public IReadOnlyList<NotificationMessage> Attempts => [.. _attempts];

    public IReadOnlyList<NotificationMessage> Delivered => [.. _delivered];

    public async Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(message);
        var result = await Respond(message, cancellationToken);
        if (result.Kind == NotificationResultKind.Delivered)
        {
            _delivered.Enqueue(message);
        }

        return result;
    }
}
