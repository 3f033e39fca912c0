using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.Testing;

/// <summary>
/// The behaviour every <see cref="IStatusStore"/> must show. A store's test class derives from this class and only
/// supplies <see cref="StoreContract.CreateStoreAsync"/>; all facts live here, so no store can skip one. Every test gets a fresh,
/// empty store (xUnit creates one instance of the class per test), uses fixed instants and depends on no other test.
/// </summary>
public abstract partial class StatusStoreContractTests : StoreContract
{
    /// <summary>Shorthand for <see cref="CancellationToken.None"/>.</summary>
    protected static CancellationToken None => CancellationToken.None;

    // ---- Arrange helpers ------------------------------------------------------------------------------------

    /// <summary>Adds a page built by <see cref="TestData.Page"/> to <see cref="StoreContract.Store"/>.</summary>
    /// <param name="slug">The slug; fresh by default.</param>
    /// <param name="name">The name; fresh by default.</param>
    /// <param name="teamId">The page's team.</param>
    /// <returns>The page as added.</returns>
    protected async Task<StatusPage> AddPageAsync(string? slug = null, string? name = null, string? teamId = "team-a")
    {
        var page = TestData.Page(slug, name, teamId);
        await Store.AddPageAsync(page, None);
        return page;
    }

    /// <summary>Adds a component built by <see cref="TestData.Component"/> to <see cref="StoreContract.Store"/>.</summary>
    /// <param name="pageId">The page it belongs to.</param>
    /// <param name="name">The name; fresh by default.</param>
    /// <param name="teamId">The component's team.</param>
    /// <param name="displayOrder">Its position on the page.</param>
    /// <param name="status">Its stored status.</param>
    /// <returns>The component as added.</returns>
    protected async Task<Component> AddComponentAsync(
        Guid pageId,
        string? name = null,
        string? teamId = "team-a",
        int displayOrder = 0,
        ComponentStatus status = ComponentStatus.Operational)
    {
        var component = TestData.Component(pageId, name, teamId, displayOrder) with { Status = status };
        await Store.AddComponentAsync(component, None);
        return component;
    }

    /// <summary>Enqueues one notification and asserts that the store took it.</summary>
    /// <param name="notification">The outbox row.</param>
    /// <returns>The row as enqueued.</returns>
    protected async Task<Notification> EnqueueAsync(Notification notification)
    {
        Assert.Equal(1, await Store.EnqueueNotificationsAsync([notification], None));
        return notification;
    }

    /// <summary>Takes a pending row through claim and completion as Delivered at <paramref name="at"/>.</summary>
    /// <param name="notification">The pending row.</param>
    /// <param name="at">The instant of the claim and the delivery.</param>
    /// <returns>A task that completes when the row is delivered.</returns>
    protected async Task DeliverAsync(Notification notification, DateTimeOffset at)
    {
        var claimed = await Store.ClaimNotificationsAsync("deliverer", at, at.AddMinutes(5), 1000, None);
        Assert.Contains(claimed, n => n.Id == notification.Id);
        foreach (var other in claimed.Where(n => n.Id != notification.Id))
        {
            Assert.True(await Store.ReleaseNotificationAsync(other.Id, "deliverer", None));
        }

        Assert.True(await Store.CompleteNotificationAsync(
            new NotificationOutcome(notification.Id, "deliverer", NotificationState.Delivered, at, 1),
            None));
    }

    /// <summary>A status change of <paramref name="component"/> caused by "incident inc-1".</summary>
    /// <param name="component">The component.</param>
    /// <param name="oldStatus">The status before.</param>
    /// <param name="newStatus">The status after.</param>
    /// <param name="at">The instant of the change.</param>
    /// <returns>The change.</returns>
    protected static ComponentStatusChange Change(Component component, ComponentStatus oldStatus, ComponentStatus newStatus, DateTimeOffset at) =>
        new(component.PageId, component.Id, oldStatus, newStatus, at, "incident inc-1");

    /// <summary>Commits one <see cref="Change"/> without notifications and asserts that the store applied it.</summary>
    /// <param name="component">The component.</param>
    /// <param name="oldStatus">The status before, which the store compares with the stored one.</param>
    /// <param name="newStatus">The status after.</param>
    /// <param name="at">The instant of the change.</param>
    /// <returns>A task that completes when the change is committed.</returns>
    protected async Task CommitAsync(Component component, ComponentStatus oldStatus, ComponentStatus newStatus, DateTimeOffset at) =>
        Assert.True(await Store.CommitStatusAsync(new StatusCommit([Change(component, oldStatus, newStatus, at)], []), None));
}
