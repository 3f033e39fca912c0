using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.TestSupport.Contract;

/// <summary>
/// The behaviour every <see cref="IStatusStore"/> must show. A store's test class derives from this class and only
/// supplies <see cref="CreateStoreAsync"/>; all facts live here, so no store can skip one. Every test gets a fresh,
/// empty store (xUnit creates one instance of the class per test), uses fixed instants and depends on no other test.
/// </summary>
public abstract partial class StatusStoreContractTests : IAsyncLifetime
{
    private IStatusStore? _store;

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The fresh store of the running test.</summary>
    protected IStatusStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a new, empty store that shares no data with any other store this method returned.</summary>
    protected abstract Task<IStatusStore> CreateStoreAsync();

    /// <summary>Disposes the store of a test; by default when it is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>.</summary>
    protected virtual async Task DisposeStoreAsync(IStatusStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    async Task IAsyncLifetime.InitializeAsync() => _store = await CreateStoreAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    // ---- Arrange helpers ------------------------------------------------------------------------------------

    protected async Task<StatusPage> AddPageAsync(string? slug = null, string? name = null, string? teamId = "team-a")
    {
        var page = TestData.Page(slug, name, teamId);
        await Store.AddPageAsync(page, None);
        return page;
    }

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

    protected async Task<Notification> EnqueueAsync(Notification notification)
    {
        Assert.Equal(1, await Store.EnqueueNotificationsAsync([notification], None));
        return notification;
    }

    /// <summary>Takes a pending row through claim and completion as Delivered at <paramref name="at"/>.</summary>
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

    protected static ComponentStatusChange Change(Component component, ComponentStatus oldStatus, ComponentStatus newStatus, DateTimeOffset at) =>
        new(component.PageId, component.Id, oldStatus, newStatus, at, "incident inc-1");

    protected async Task CommitAsync(Component component, ComponentStatus oldStatus, ComponentStatus newStatus, DateTimeOffset at) =>
        Assert.True(await Store.CommitStatusAsync(new StatusCommit([Change(component, oldStatus, newStatus, at)], []), None));
}
