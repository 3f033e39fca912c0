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
