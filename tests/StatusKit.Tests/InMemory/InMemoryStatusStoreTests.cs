using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;

namespace StatusKit.Tests.InMemory;

/// <summary>Behaviour of the in-memory store beyond the shared contract: parallel writers and snapshot isolation.</summary>
public sealed class InMemoryStatusStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ParallelWriters_AddingComponentsWithClashingNames_EndWithExactlyOnePerName()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, None);
        var names = Enumerable.Range(0, 20).Select(i => $"Component {i}").ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 160).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AddComponentAsync(TestData.Component(page.Id, i % 2 == 0 ? names[i % 20] : names[i % 20].ToUpperInvariant()), None);
                return true;
            }
            catch (StatusKitConflictException)
            {
                return false;
            }
        })));

        var components = await store.ListComponentsAsync(page.Id, None);
        Assert.Equal(20, outcomes.Count(added => added));
        Assert.Equal(20, components.Count);
        Assert.Equal(20, components.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task ParallelCommits_FromTheSameOldStatus_ExactlyOneWins_AndHistoryHasOneRow()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, None);
        var component = TestData.Component(page.Id);
        await store.AddComponentAsync(component, None);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => store.CommitStatusAsync(
            new StatusCommit(
                [new ComponentStatusChange(page.Id, component.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(i), "race")],
                [TestData.Notification(page.Id)]),
            None))));

        Assert.Equal(1, results.Count(won => won));
        Assert.Single(await store.ListStatusHistoryAsync(page.Id, TestData.At(-1), None));
        Assert.Single(await store.ListNotificationsAsync(new NotificationQuery(), None));
    }

    [Fact]
    public async Task ParallelEnqueueAndClaim_NeverLoseOrDoubleClaimARow()
    {
        var store = new InMemoryStatusStore();
        var pageId = Guid.NewGuid();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await store.EnqueueNotificationsAsync([TestData.Notification(pageId)], None);
            }
        }));
        var claimed = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var producing = new CancellationTokenSource();
        var consumers = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            // While producers run, claim whatever is there; afterwards drain, with a bound so a broken store fails
            // instead of hanging.
            var drainsLeft = 100;
            while (drainsLeft > 0)
            {
                var producersDone = producing.IsCancellationRequested;
                var batch = await store.ClaimNotificationsAsync($"d{c}", TestData.At(10), TestData.At(20), 5, None);
                foreach (var row in batch)
                {
                    claimed.Add(row.Id);
                }

                if (producersDone)
                {
                    drainsLeft = batch.Count == 0 ? 0 : drainsLeft - 1;
                }
                else if (batch.Count == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToArray();

        await Task.WhenAll(producers);
        await producing.CancelAsync();
        await Task.WhenAll(consumers);

        Assert.Equal(200, claimed.Count);
        Assert.Equal(200, claimed.Distinct().Count());
    }

    [Fact]
    public async Task ReturnedLists_CannotBeCastBackToMutateTheStore()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, None);
        var window = await store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);

        if (window.ComponentIds is IList<Guid> list)
        {
            Assert.ThrowsAny<NotSupportedException>(() => list[0] = Guid.NewGuid());
        }

        Assert.Equal(window.ComponentIds, (await store.GetMaintenanceWindowAsync(window.Id, None))?.ComponentIds);
    }

    [Fact]
    public async Task DeletePage_ThenReuseTheDeduplicationKeyOfItsNotifications_IsAccepted()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, None);
        var notification = TestData.Notification(page.Id);
        await store.EnqueueNotificationsAsync([notification], None);
        await store.DeletePageAsync(page.Id, null, None);

        var count = await store.EnqueueNotificationsAsync([TestData.Notification(Guid.NewGuid()) with { DeduplicationKey = notification.DeduplicationKey }], None);

        Assert.Equal(1, count);
    }

    [Fact]
    public async Task EnqueueNotifications_BatchWithAnIdAlreadyStored_ThrowsConflictNamingId_AndWritesNothing()
    {
        var store = new InMemoryStatusStore();
        var pageId = Guid.NewGuid();
        var stored = TestData.Notification(pageId);
        await store.EnqueueNotificationsAsync([stored], None);
        var fresh = TestData.Notification(pageId);
        var clash = TestData.Notification(pageId) with { Id = stored.Id };

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.EnqueueNotificationsAsync([fresh, clash], None));

        Assert.Equal("id", error.Field);
        Assert.Null(await store.GetNotificationAsync(fresh.Id, None));
        Assert.Equal(stored, await store.GetNotificationAsync(stored.Id, None));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_OlderThanTheLatest_IsPlacedInTimeOrder()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, None);
        var incident = TestData.Incident(page.Id);
        await store.AddStatusIncidentAsync(incident, [], None);
        var backdated = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(1), StatusIncidentState.Identified, "Backdated note.");

        var stored = await store.AppendStatusIncidentUpdateAsync(incident.Id, backdated, [], None);

        Assert.Equal([incident.Updates[0].Id, backdated.Id, incident.Updates[1].Id], stored.Updates.Select(u => u.Id));
        Assert.Equal(incident.Updates, stored.Updates.Where(u => u.Id != backdated.Id));
    }
}
