using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>
/// Hears of every page snapshot this host takes up: one it built after a change made here (a page created with a custom
/// domain, or edited), after another host's change told through a backplane (for a page this host holds), on a resync
/// or a reload, and a newer one another host left in a shared cache. Register any number as singletons; the endpoints
/// package keeps its memory of host names that are no page's custom domain in step with it.
/// </summary>
/// <remarks>
/// It runs on the path that builds snapshots, under a page's lock: return at once, never block, never throw. A
/// snapshot may be heard more than once, and one page's snapshots in any order when two hosts race.
/// </remarks>
public interface IPageSnapshotObserver
{
    /// <summary>Called with a snapshot this host now holds as the page's newest.</summary>
    /// <param name="snapshot">The page's snapshot.</param>
    void Observe(PageSnapshot snapshot);
}
