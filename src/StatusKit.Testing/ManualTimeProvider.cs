namespace StatusKit.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test says so. Timers created from it
/// fire synchronously inside <see cref="Advance"/> / <see cref="SetUtcNow"/> when their due time is reached.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private readonly TimeZoneInfo _localZone;

    /// <summary>Creates a clock that stands at <paramref name="start"/>.</summary>
    /// <param name="start">The initial time; <see cref="TestData.T0"/> (Monday 5 January 2026, 09:00 UTC) by default.</param>
    /// <param name="localZone">The zone of <see cref="LocalTimeZone"/>; UTC by default.</param>
    public ManualTimeProvider(DateTimeOffset? start = null, TimeZoneInfo? localZone = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        _localZone = localZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localZone;

    /// <summary>The clock's time; it changes only through <see cref="Advance"/> and <see cref="SetUtcNow"/>.</summary>
    /// <returns>The current instant.</returns>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Timestamps are <see cref="DateTimeOffset.UtcTicks"/> of the clock's time, so the frequency is ticks per second.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The clock's time as a timestamp (its <see cref="DateTimeOffset.UtcTicks"/>).</summary>
    /// <returns>The timestamp.</returns>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward and fires every timer that falls due, in due order.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), "Time only moves forward.");
        }

        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Sets the clock to <paramref name="value"/> (never backwards) and fires due timers.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "Time only moves forward.");
                }

                next = _timers.Where(t => t.DueAt is { } due && due <= value).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _now = value;
                    return;
                }

                _now = next.DueAt!.Value > _now ? next.DueAt.Value : _now;
                next.Reschedule(_now);
            }

            next.Fire();
        }
    }

    /// <summary>The number of timers that are currently armed.</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>
    /// A timer on this clock: it fires (on the thread that moves the clock) when <see cref="Advance"/> or
    /// <see cref="SetUtcNow"/> reaches its due time, then every <paramref name="period"/> if that is positive.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">The callback's argument.</param>
    /// <param name="dueTime">The delay before the first firing; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="period">The interval between firings; <see cref="Timeout.InfiniteTimeSpan"/> or zero to fire once.</param>
    /// <returns>The timer; dispose it to remove it.</returns>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
            timer.Arm(_now, dueTime, period);
        }

        return timer;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public void Arm(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Reschedule(DateTimeOffset now) =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Arm(owner._now, dueTime, period);
            }

            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
