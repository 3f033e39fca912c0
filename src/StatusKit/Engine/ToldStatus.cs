using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// What one status (a component's, a group's or the page's) looks like on this host's live pages: the status its change
/// feed last told, which a page open since then shows, and, when a page loaded since showed another one (a newer snapshot
/// another host left in a shared cache, without a backplane), the newest such status. A change is told unless every one
/// of those pages shows it already.
/// </summary>
/// <param name="Told">The status the feed last told (or the first snapshot this host held showed).</param>
/// <param name="ServedSince">The newest other status a page loaded since showed; null when none showed another.</param>
internal readonly record struct ToldStatus(ComponentStatus Told, ComponentStatus? ServedSince = null)
{
    /// <summary>A component or group the feed told nothing of: it started Operational.</summary>
    public static ToldStatus New => new(ComponentStatus.Operational);

    /// <summary>
    /// The status a change to <paramref name="status"/> is told as coming from, when some page may show another one (the
    /// newest status a page loaded since showed, unless that is <paramref name="status"/> itself: then the one told);
    /// null when every page shows <paramref name="status"/> already, and the change is not to be told.
    /// </summary>
    public ComponentStatus? From(ComponentStatus status) => ServedSince switch
    {
        { } served when served != status => served,
        { } => Told,
        null when Told != status => Told,
        _ => null,
    };

    /// <summary>Pages loaded from now on show <paramref name="status"/>, while the pages open since the last tell keep theirs.</summary>
    public ToldStatus Served(ComponentStatus status) => status == Told ? this : this with { ServedSince = status };
}
