using Microsoft.Extensions.DependencyInjection;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

/// <summary>
/// An operator's manual status that ends by itself at its expiry is ended in the store by compare-and-set, and that end
/// is recorded as made by <c>system</c> (<c>component.updated</c>, fields <c>manualStatus</c> and
/// <c>manualStatusExpiresAt</c>), once, by the host whose compare-and-set stored it.
/// </summary>
public sealed class ManualStatusExpiryAuditTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task AManualStatusReachingItsExpiry_IsEndedInTheStore_AndRecordedOnce_AsSystems()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiresAt = kit.Clock.GetUtcNow().AddHours(1);
        var set = await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, expiresAt);
        var expiry = kit.Get<ManualStatusExpiry>();

        kit.Clock.SetUtcNow(expiresAt);
        await expiry.RunOnceAsync(None);
        await expiry.RunOnceAsync(None);

        var ended = (await kit.Components.GetAsync(c[0].Id))!;
        Assert.Equal((null, null, ComponentStatus.Operational), (ended.ManualStatus, ended.ManualStatusExpiresAt, ended.Status));
        Assert.Equal(set.Version + 1, ended.Version);
        Assert.Equal(
            [
                ("system", "component.updated", c[0].Id, "manualStatus,manualStatusExpiresAt"),
                ("alice", "component.updated", c[0].Id, "manualStatus,manualStatusExpiresAt"),
            ],
            await EntriesAsync(kit, page.Id));
        var entry = (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries[0];
        Assert.Equal(expiresAt, entry.OccurredAt);

        // The status history still records the change at the expiry.
        var last = (await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None))[^1];
        Assert.Equal((ComponentStatus.MajorOutage, ComponentStatus.Operational, expiresAt), (last.OldStatus, last.NewStatus, last.At));
    }

    [Fact]
    public async Task TwoHostsEndingTheSameExpiry_RecordItOnce()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiresAt = kit.Clock.GetUtcNow().AddMinutes(30);
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.PartialOutage, expiresAt);
        var thisHost = kit.Get<ManualStatusExpiry>();
        var otherHost = new ManualStatusExpiry(
            kit.Store, kit.Get<StatusEngine>(), kit.Get<AuditTrail>(), kit.Clock, null,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ManualStatusExpiry>.Instance, kit.Get<StatusKit.Health.BackgroundWorkHealth>());
        await otherHost.RunOnceAsync(None); // its start-up scan finds the expiry in the store

        kit.Clock.SetUtcNow(expiresAt);
        await thisHost.RunOnceAsync(None);
        await otherHost.RunOnceAsync(None);
        kit.Clock.Advance(ManualStatusExpiry.RescanInterval);
        await otherHost.RunOnceAsync(None);

        Assert.Equal([("system", "component.updated", c[0].Id, "manualStatus,manualStatusExpiresAt")], (await EntriesAsync(kit, page.Id)).Where(e => e.Actor == "system"));
    }

    [Fact]
    public async Task AHostWhoseCompareAndSetLostToAnotherHostsEnd_RecordsNothing()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var expiresAt = kit.Clock.GetUtcNow().AddMinutes(30);
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.PartialOutage, expiresAt);
        var raced = false;
        // Another host ends the manual status between this one's read and its compare-and-set.
        kit.StoreControl.Before = (method, args) =>
        {
            if (method != nameof(Abstractions.IStatusStore.UpdateComponentAsync) || raced)
            {
                return null;
            }

            raced = true;
            return kit.Store.UpdateComponentAsync((Component)args[0]!, None);
        };

        kit.Clock.SetUtcNow(expiresAt);
        await kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        Assert.True(raced);
        Assert.Null((await kit.Components.GetAsync(c[0].Id))!.ManualStatus);
        Assert.DoesNotContain(await EntriesAsync(kit, page.Id), e => e.Actor == "system");
    }

    [Fact]
    public async Task AManualStatusAnOperatorSetAgainBeforeTheOldExpiry_IsNotEnded_NorRecorded()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var now = kit.Clock.GetUtcNow();
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.PartialOutage, now.AddMinutes(30));
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, now.AddHours(2));

        kit.Clock.SetUtcNow(now.AddMinutes(30));
        await kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        var component = (await kit.Components.GetAsync(c[0].Id))!;
        Assert.Equal((ComponentStatus.MajorOutage, ComponentStatus.MajorOutage), (component.ManualStatus!.Value, component.Status));
        Assert.DoesNotContain(await EntriesAsync(kit, page.Id), e => e.Actor == "system");
    }

    private static async Task<IReadOnlyList<(string Actor, string Action, Guid Target, string Fields)>> EntriesAsync(StatusKitHarness kit, Guid pageId) =>
        [.. (await kit.Get<AuditLog>().ListAsync(pageId, limit: 200, actionPrefix: "component.updated")).Entries.Select(e => (e.Actor, e.Action, e.TargetId, string.Join(",", e.Fields)))];
}
