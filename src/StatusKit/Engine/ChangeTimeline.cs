using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// When a recomputed status change took effect (pure). Normally when the recompute ran. A recompute that only time
/// asked for (<see cref="TimeDrivenRecompute"/>) may run late, though: the host was down, or another host's periodic
/// rescan found the expiry. Its change then happened when what held the status up ended: the manual status's expiry,
/// the maintenance occurrence's end. It is stamped then (in steps, one per end that moved the status), provided those
/// ends explain all of it: the stored status must be exactly what the current inputs give with the ended parts put
/// back, else something else changed too, at a time the inputs do not tell, and the change is stamped now. Every step
/// is later than the component's last change, so its history stays in commit order.
/// </summary>
internal static class ChangeTimeline
{
    /// <summary>Appends the change (or steps) from <paramref name="component"/>'s stored status to <paramref name="status"/>, computed at <paramref name="now"/>.</summary>
    public static void Append(
        List<ComponentStatusChange> changes, Component component, ComponentStatus status, DateTimeOffset now, string cause, TimeDrivenRecompute? timing)
    {
        if (timing is null || !TryAppendSteps(changes, component, status, now, cause, timing))
        {
            changes.Add(new ComponentStatusChange(component.PageId, component.Id, component.Status, status, now, cause));
        }
    }

    private static bool TryAppendSteps(
        List<ComponentStatusChange> changes, Component component, ComponentStatus status, DateTimeOffset now, string cause, TimeDrivenRecompute timing)
    {
        // What held the status up and ended after the component's last change, at the latest now.
        var since = component.StatusUpdatedAt;
        List<(DateTimeOffset At, ComponentStatus Status)>? ended = null;
        if (component is { ManualStatus: { } manual, ManualStatusExpiresAt: { } expiresAt } && expiresAt > since && expiresAt <= now)
        {
            (ended ??= []).Add((expiresAt, manual));
        }

        foreach (var maintenance in timing.EndedMaintenance)
        {
            if (maintenance.EndedAt > since && maintenance.EndedAt <= now && maintenance.ComponentIds.Contains(component.Id))
            {
                (ended ??= []).Add((maintenance.EndedAt, ComponentStatus.UnderMaintenance));
            }
        }

        if (ended is null || WorstOf(status, ended, 0) != component.Status)
        {
            return false;
        }

        ended.Sort(static (a, b) => a.At.CompareTo(b.At));
        var current = component.Status;
        for (var i = 0; i < ended.Count; i++)
        {
            var after = WorstOf(status, ended, i + 1);
            if (after != current)
            {
                changes.Add(new ComponentStatusChange(component.PageId, component.Id, current, after, ended[i].At, cause));
                current = after;
            }
        }

        return true;
    }

    private static ComponentStatus WorstOf(ComponentStatus status, List<(DateTimeOffset At, ComponentStatus Status)> ended, int from)
    {
        for (var i = from; i < ended.Count; i++)
        {
            status = status.Worst(ended[i].Status);
        }

        return status;
    }
}
