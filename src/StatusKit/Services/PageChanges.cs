using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Records on the page itself (<see cref="IStatusStore.TouchPageAsync"/>) the changes its content no longer shows once
/// they are made, so that the time of the page's latest change (<see cref="Snapshots.PageSnapshot.UpdatedAt"/>) still moves.
/// </summary>
internal static class PageChanges
{
    /// <summary>
    /// Before a row of the page is deleted: moves the page's time to <paramref name="now"/>, or to the row's own last
    /// change when that is later (another host's clock). Done first, so a deletion that then fails, or a host that stops
    /// in between, can only leave the time early, never let it fall back to before the row's last change.
    /// </summary>
    public static Task BeforeRemovalAsync(
        this IStatusStore store, Guid pageId, DateTimeOffset now, DateTimeOffset rowChangedAt, CancellationToken cancellationToken) =>
        store.TouchPageAsync(pageId, rowChangedAt > now ? rowChangedAt : now, cancellationToken);

    /// <summary>After a change the page's content keeps no time of (a new component order): moves the page's time to <paramref name="now"/>.</summary>
    public static Task AfterChangeAsync(this IStatusStore store, Guid pageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.TouchPageAsync(pageId, now, cancellationToken);
}
