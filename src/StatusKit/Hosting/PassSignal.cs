namespace StatusKit.Hosting;

/// <summary>
/// The wake-up and idle signals of a hosted loop that runs passes and sleeps between them. <see cref="Wake"/> asks for
/// a pass (from a timer, a caller, or the pass itself when more is already due); the loop calls
/// <see cref="BeginPass"/> before each pass and <see cref="TrySleep"/> after it, which refuses to sleep when a wake
/// came during the pass, so no wake is lost. <see cref="WhenIdleAsync"/> completes when the loop sleeps with nothing
/// asked of it.
/// </summary>
internal sealed class PassSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _idle = NewSignal();
    private bool _busy = true;
    private bool _wakeRequested;

    /// <summary>Asks for a pass: wakes a sleeping loop, or makes a running pass be followed by another.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _wakeRequested = true;
            if (_busy)
            {
                return;
            }

            _busy = true;
            if (_idle.Task.IsCompleted)
            {
                _idle = NewSignal();
            }

            _wake.TrySetResult();
        }
    }

    /// <summary>Marks the start of a pass: the wakes asked for until now are what this pass serves.</summary>
    public void BeginPass()
    {
        lock (_gate)
        {
            _wakeRequested = false;
        }
    }

    /// <summary>
    /// After a pass: false when a wake came during it (run another pass at once); else the loop is idle and
    /// <paramref name="woken"/> completes at the next <see cref="Wake"/>.
    /// </summary>
    public bool TrySleep(out Task woken)
    {
        lock (_gate)
        {
            if (_wakeRequested)
            {
                woken = Task.CompletedTask;
                return false;
            }

            _busy = false;
            _idle.TrySetResult();
            _wake = NewSignal();
            woken = _wake.Task;
            return true;
        }
    }

    /// <summary>
    /// The hosted loop itself, for a service whose pass says when it is next due: runs <paramref name="pass"/>, arms one
    /// <paramref name="time"/> timer for the time it returns, and sleeps until that timer or a <see cref="Wake"/>. A pass
    /// never stops the host: anything it throws (other than the host stopping) goes to <paramref name="failed"/>, which
    /// logs it and says when to try again. Returns when <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    public async Task RunAsync(
        TimeProvider time,
        Func<CancellationToken, Task<DateTimeOffset>> pass,
        Func<Exception, DateTimeOffset> failed,
        CancellationToken stoppingToken)
    {
        using var timer = time.CreateTimer(static state => ((PassSignal)state!).Wake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        while (true)
        {
            BeginPass();
            DateTimeOffset next;
            try
            {
                next = await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                next = failed(ex);
            }

            var delay = next - time.GetUtcNow();
            timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            if (!TrySleep(out var woken))
            {
                continue;
            }

            try
            {
                await woken.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Completes when the loop sleeps with no wake pending (for tests).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
