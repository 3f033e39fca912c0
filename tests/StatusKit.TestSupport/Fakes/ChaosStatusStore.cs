using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// A store whose <see cref="IStatusStore.TryUpdateMaintenanceWindowAsync"/> throws a number of times (for every window,
/// or only for the windows a filter picks) before letting calls through, to test retries. Everything else goes
/// straight to the inner store. Built on <see cref="InterceptingStatusStore"/>.
/// </summary>
public sealed class ChaosStatusStore
{
    private readonly object _gate = new();
    private int _remainingFailures;
    private Func<MaintenanceWindow, bool> _filter = static _ => true;

    public ChaosStatusStore(IStatusStore inner)
    {
        var (store, control) = InterceptingStatusStore.Wrap(inner);
        Store = store;
        control.Before = (method, args) =>
            method == nameof(IStatusStore.TryUpdateMaintenanceWindowAsync) && args[0] is MaintenanceWindow window && ShouldFail(window)
                ? throw new TimeoutException($"chaos: the update of window {window.Id} failed")
                : null;
    }

    /// <summary>The disturbed store to hand to the code under test.</summary>
    public IStatusStore Store { get; }

    /// <summary>How many TryUpdateMaintenanceWindowAsync calls threw so far.</summary>
    public int FailuresThrown { get; private set; }

    /// <summary>Makes the next <paramref name="times"/> matching maintenance-window updates throw (int.MaxValue: always).</summary>
    public void FailMaintenanceWindowUpdates(int times, Func<MaintenanceWindow, bool>? filter = null)
    {
        lock (_gate)
        {
            _remainingFailures = times;
            _filter = filter ?? (static _ => true);
        }
    }

    private bool ShouldFail(MaintenanceWindow window)
    {
        lock (_gate)
        {
            if (_remainingFailures <= 0 || !_filter(window))
            {
                return false;
            }

            if (_remainingFailures != int.MaxValue)
            {
                _remainingFailures--;
            }

            FailuresThrown++;
            return true;
        }
    }
}
