using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Maintenance;

/// <summary>
/// Which components' change between Operational and Under Maintenance a window's own started or completed notice tells
/// (pure), recognised from what a recompute loads rather than from the process that applied the transition: so the
/// change gets no component notice whoever commits it (the recompute that settles the transition, another host's, an
/// incident's team recompute queued ahead, the start-up recompute). The transition marks the window
/// (<see cref="MaintenanceWindow.StatusSwitchedAt"/>, stored by its compare-and-set) and the recompute reads the mark.
/// </summary>
internal static class StatusSwitches
{
    /// <summary>
    /// How long after a window's end a component's return from Under Maintenance to Operational is still recognised as
    /// that end's: the recompute that settles the end follows its compare-and-set at once (or at the next wake-up after a
    /// failure), so a recompute that commits the return first does so within this span. A later return has another
    /// cause (an operator's status cleared, another window's component taken out of it) and is told as usual.
    /// </summary>
    public static readonly TimeSpan RecentEnd = TimeSpan.FromMinutes(2);

    /// <summary>
    /// <paramref name="after"/> with <see cref="MaintenanceWindow.StatusSwitchedAt"/> as the change from
    /// <paramref name="before"/> at <paramref name="now"/> leaves it: <paramref name="now"/> when an occurrence starts or
    /// ends with <see cref="MaintenanceWindow.AutoUpdateStatus"/> on (what the window's notice tells, as
    /// <see cref="MaintenanceEffects.WindowTold"/>), null when it starts or ends with it off or when the components or
    /// the auto-update change (no notice of the window tells the change that causes), unchanged otherwise.
    /// </summary>
    public static MaintenanceWindow Marked(MaintenanceWindow before, MaintenanceWindow after, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var wasInProgress = before.State == MaintenanceState.InProgress;
        var isInProgress = after.State == MaintenanceState.InProgress;
        DateTimeOffset? mark = (wasInProgress, isInProgress) switch
        {
            (false, true) => after.AutoUpdateStatus ? now : null,
            (true, false) => before.AutoUpdateStatus ? now : null,
            _ when before.AutoUpdateStatus != after.AutoUpdateStatus || !before.ComponentIds.SequenceEqual(after.ComponentIds) => null,
            _ => before.StatusSwitchedAt,
        };
        return mark == after.StatusSwitchedAt ? after : after with { StatusSwitchedAt = mark };
    }

    /// <summary>
    /// Whether <paramref name="change"/> of <paramref name="component"/> (as loaded, before the change) is one a window's
    /// notice tells: from Operational to Under Maintenance while a window in progress that covers it started with
    /// auto-update on and has not changed its components or auto-update since; or from Under Maintenance back to
    /// Operational when a window that covers it ended with auto-update on at most <see cref="RecentEnd"/> before the
    /// change, after the component last changed (so it was that window that held it Under Maintenance).
    /// </summary>
    public static bool Explains(ComponentStatusChange change, Component component, StatusInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(inputs);
        switch (change.OldStatus, change.NewStatus)
        {
            case (ComponentStatus.Operational, ComponentStatus.UnderMaintenance):
                foreach (var window in inputs.InProgressWindows)
                {
                    if (window is { AutoUpdateStatus: true, StatusSwitchedAt: not null } && Covers(window, change.ComponentId))
                    {
                        return true;
                    }
                }

                return false;
            case (ComponentStatus.UnderMaintenance, ComponentStatus.Operational):
                foreach (var window in inputs.EndedWindows)
                {
                    if (window.StatusSwitchedAt is { } ended
                        && ended >= component.StatusUpdatedAt
                        && change.At - ended <= RecentEnd
                        && Covers(window, change.ComponentId))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool Covers(MaintenanceWindow window, Guid componentId)
    {
        foreach (var id in window.ComponentIds)
        {
            if (id == componentId)
            {
                return true;
            }
        }

        return false;
    }
}
