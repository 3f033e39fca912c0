using System.Collections.Concurrent;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// A misbehaving receiver for resilience tests, seeded so a failure reproduces: the first <see cref="FailFirst"/>
/// attempts of each notification fail, then each attempt fails with probability <see cref="FailureRate"/> and is delayed
/// (on the injected clock) with probability <see cref="DelayRate"/>. Cancellation during a delay is honoured and
/// records nothing. The ledger <see cref="Deliveries"/> counts successful deliveries per notification id.
/// </summary>
public sealed class ChaosNotifier(SubscriberChannel channel, TimeProvider time, int seed) : INotifier
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private int _failures;

    public SubscriberChannel Channel { get; } = channel;

    /// <summary>How many attempts of each notification fail before the random rules apply. Default 0.</summary>
    public int FailFirst { get; init; }

    /// <summary>The probability that an attempt fails with <see cref="NotificationResult.Retry"/>. Default 0.</summary>
    public double FailureRate { get; init; }

    /// <summary>The probability that an attempt is delayed. Default 0.</summary>
    public double DelayRate { get; init; }

    /// <summary>The longest delay (uniform from zero). Default 5 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Successful deliveries per notification id: the receiver's ledger.</summary>
    public IReadOnlyDictionary<Guid, int> Deliveries => _deliveries;

    /// <summary>Attempts per notification id.</summary>
    public IReadOnlyDictionary<Guid, int> AttemptsById => _attempts;

    /// <summary>How many attempts failed.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public async Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var attempt = _attempts.AddOrUpdate(message.NotificationId, 1, (_, n) => n + 1);
        bool fail;
        TimeSpan? delay;
        lock (_gate)
        {
            fail = attempt <= FailFirst || _random.NextDouble() < FailureRate;
            delay = _random.NextDouble() < DelayRate ? MaxDelay * _random.NextDouble() : null;
        }

        if (delay is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (fail)
        {
            Interlocked.Increment(ref _failures);
            return NotificationResult.Retry($"chaos: attempt {attempt} failed");
        }

        _deliveries.AddOrUpdate(message.NotificationId, 1, (_, n) => n + 1);
        return NotificationResult.Delivered;
    }
}
