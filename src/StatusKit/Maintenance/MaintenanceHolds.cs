using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// Until when maintenance holds back a component's incident notices (pure): with
/// <see cref="NotificationOptions.SuppressIncidentNotificationsDuringMaintenance"/>, a change inside windows in progress
/// is due at the latest end of those that cover its component. The recompute plans its notices with it, and
/// <see cref="HeldNoticeMoves"/> compares it before and after a change of a window.
/// </summary>
internal static class MaintenanceHolds
{
    /// <summary>
    /// Each component the windows in progress among <paramref name="windows"/> cover, with the latest of their ends; null
    /// when none is in progress (null entries and windows in any other state are skipped).
    /// </summary>
    public static Dictionary<Guid, DateTimeOffset>? Ends(IEnumerable<MaintenanceWindow?> windows)
    {
        Dictionary<Guid, DateTimeOffset>? ends = null;
        foreach (var window in windows)
        {
            if (window is not { State: MaintenanceState.InProgress })
            {
                continue;
            }

            ends ??= [];
            foreach (var id in window.ComponentIds)
            {
                if (!ends.TryGetValue(id, out var end) || end < window.OccurrenceEndsAt)
                {
                    ends[id] = window.OccurrenceEndsAt;
                }
            }
        }

        return ends;
    }
}
