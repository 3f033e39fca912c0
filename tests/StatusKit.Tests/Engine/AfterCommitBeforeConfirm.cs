using StatusKit.Abstractions;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Engine;

/// <summary>
/// Runs a step once, where a recompute that has committed loads its inputs again to confirm nothing moved, before it
/// tells the feed what it committed: the moment a resync, another host's change or a pause is made to land in.
/// </summary>
internal sealed class AfterCommitBeforeConfirm
{
    private int _committed;
    private int _ran;

    private AfterCommitBeforeConfirm()
    {
    }

    /// <summary>Whether the step ran.</summary>
    public bool Ran => Volatile.Read(ref _ran) == 1;

    /// <summary>Runs <paramref name="step"/> (awaited by the recompute) at that moment of the next recompute on <paramref name="store"/>.</summary>
    public static AfterCommitBeforeConfirm Install(InterceptingStatusStore store, Func<Task> step)
    {
        var hook = new AfterCommitBeforeConfirm();
        store.Before = (method, _) =>
        {
            if (method == nameof(IStatusStore.CommitStatusAsync))
            {
                Volatile.Write(ref hook._committed, 1);
                return null;
            }

            return method == nameof(IStatusStore.LoadStatusInputsAsync) && Volatile.Read(ref hook._committed) == 1 && Interlocked.Exchange(ref hook._ran, 1) == 0
                ? step()
                : null;
        };
        return hook;
    }
}
