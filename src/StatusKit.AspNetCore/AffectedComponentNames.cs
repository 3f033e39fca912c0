using StatusKit.Snapshots;

namespace StatusKit.AspNetCore;

/// <summary>
/// The names of the components an incident or a maintenance window affects, as a page shows them: in the page's order,
/// from its snapshot, leaving out an id the page no longer has and a component it does not show now
/// (<see cref="ComponentSnapshot.IsShown"/>: shown only while degraded, and operational).
/// </summary>
internal static class AffectedComponentNames
{
    /// <summary>The names of <paramref name="componentIds"/> on the page of <paramref name="snapshot"/>, in its order.</summary>
    public static List<string> Of(PageSnapshot snapshot, IReadOnlyCollection<Guid> componentIds) =>
        componentIds.Count == 0 ? [] : [.. snapshot.Components.Where(c => c.IsShown && componentIds.Contains(c.Id)).Select(c => c.Name)];
}
