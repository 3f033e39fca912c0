using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Services;

/// <summary>
/// Two edits of one record that interleave: the second one's write comes after the first one's read. The interleaving
/// is driven by a store hook (another operation runs just before the edit's store write), not by timing. Without an
/// expected version an edit reloads and applies its own change again, so both survive; with one it is refused.
/// </summary>
public sealed class InterleavedEditTests
{
    [Fact]
    public async Task A_rename_whose_write_follows_a_manual_status_change_keeps_the_manual_status()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0];
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdateComponentAsync), () => kit.Components.SetManualStatusAsync(api.Id, ComponentStatus.MajorOutage));

        var renamed = await kit.Components.UpdateAsync(api.Id, new UpdateComponent { Name = "Public API" });

        var stored = (await kit.Components.GetAsync(api.Id))!;
        Assert.Equal(("Public API", ComponentStatus.MajorOutage, ComponentStatus.MajorOutage), (stored.Name, stored.ManualStatus, stored.Status));
        Assert.Equal(stored, renamed);
    }

    [Fact]
    public async Task A_manual_status_change_whose_write_follows_a_rename_keeps_the_new_name()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0];
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdateComponentAsync), () => kit.Components.UpdateAsync(api.Id, new UpdateComponent { Name = "Public API" }));

        await kit.Components.SetManualStatusAsync(api.Id, ComponentStatus.PartialOutage);

        var stored = (await kit.Components.GetAsync(api.Id))!;
        Assert.Equal(("Public API", ComponentStatus.PartialOutage), (stored.Name, stored.ManualStatus));
    }

    [Fact]
    public async Task Two_page_patches_of_different_fields_both_survive()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdatePageAsync), () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Description = "Our platform" }));

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme Cloud" });

        var stored = (await kit.Pages.GetAsync(page.Id))!;
        Assert.Equal(("Acme Cloud", "Our platform", 3L), (stored.Name, stored.Description, stored.Version));
    }

    [Fact]
    public async Task An_incident_update_computed_before_a_component_delete_does_not_write_the_deleted_id_back()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("Doomed", null, null), ("Kept", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Errors", Message = "Looking into it", ComponentIds = [components[0].Id, components[1].Id],
        });
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdateStatusIncidentAsync), () => kit.Components.DeleteAsync(components[0].Id));

        var updated = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "Elevated errors" });

        Assert.Equal("Elevated errors", updated.Title);
        Assert.Equal([components[1].Id], updated.ComponentIds);
        Assert.Equal([components[1].Id], (await kit.Incidents.GetAsync(incident.Id))!.ComponentIds);
    }

    [Fact]
    public async Task A_verification_computed_before_a_component_delete_does_not_write_the_deleted_id_back()
    {
        await using var kit = ServiceAssert.Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("Doomed", null, null), ("Kept", null, null));
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", ComponentIds = [components[0].Id, components[1].Id],
        });
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdateSubscriberAsync), () => kit.Components.DeleteAsync(components[0].Id));

        var verified = await kit.Subscribers.VerifyAsync(subscription.VerificationToken!);

        Assert.NotNull(verified);
        Assert.Equal((true, true), (verified.IsVerified, verified.IsActive));
        Assert.Equal([components[1].Id], verified.ComponentIds);
        Assert.Equal([components[1].Id], (await kit.Subscribers.GetAsync(subscription.Subscriber.Id))!.ComponentIds);
    }

    [Fact]
    public async Task An_update_that_keeps_losing_its_compare_and_set_gives_up_after_a_bounded_number_of_attempts()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0];
        var interleaving = false;
        var attempts = 0;
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(kit.Store.UpdateComponentAsync) || interleaving)
            {
                return null;
            }

            attempts++;
            interleaving = true;
            return Interleave();

            async Task Interleave()
            {
                await kit.Components.UpdateAsync(api.Id, new UpdateComponent { Description = $"changed {attempts}" });
                interleaving = false;
            }
        };

        var error = await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => kit.Components.UpdateAsync(api.Id, new UpdateComponent { Name = "Never" }));

        Assert.Equal(3, attempts);
        Assert.Contains("reload", error.Message, StringComparison.Ordinal);
        Assert.Equal("API", (await kit.Components.GetAsync(api.Id))!.Name);
    }

    [Fact]
    public async Task An_update_with_a_stale_expected_version_is_refused_and_changes_nothing()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0];
        var current = await kit.Components.SetManualStatusAsync(api.Id, ComponentStatus.DegradedPerformance);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => kit.Components.UpdateAsync(api.Id, new UpdateComponent { Name = "Stale", ExpectedVersion = api.Version }));

        Assert.Equal(current, await kit.Components.GetAsync(api.Id));
    }

    [Fact]
    public async Task An_update_with_an_expected_version_is_refused_when_the_record_changes_before_its_write()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        BeforeNextStoreCall(kit, nameof(kit.Store.UpdatePageAsync), () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Description = "First" }));

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Second", ExpectedVersion = page.Version }));

        var stored = (await kit.Pages.GetAsync(page.Id))!;
        Assert.Equal(("Acme", "First"), (stored.Name, stored.Description));
    }

    [Fact]
    public async Task An_update_with_the_current_expected_version_applies()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Errors", Message = "Looking" });

        var renamedPage = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme Cloud", ExpectedVersion = 1 });
        var renamedComponent = await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { Name = "Public API", ExpectedVersion = 1 });
        var manual = await kit.Components.SetManualStatusAsync(components[0].Id, ComponentStatus.MajorOutage, null, expectedVersion: 2);
        var cleared = await kit.Components.ClearManualStatusAsync(components[0].Id, expectedVersion: 3);
        var retitled = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "Elevated errors", ExpectedVersion = 1 });

        Assert.Equal([2L, 2L, 3L, 4L, 2L], [renamedPage.Version, renamedComponent.Version, manual.Version, cleared.Version, retitled.Version]);
    }

    [Fact]
    public async Task Manual_status_changes_with_a_stale_expected_version_are_refused()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = components[0];
        await kit.Components.UpdateAsync(api.Id, new UpdateComponent { Description = "moves to version 2" });

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => kit.Components.SetManualStatusAsync(api.Id, ComponentStatus.MajorOutage, null, expectedVersion: 1));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Components.ClearManualStatusAsync(api.Id, expectedVersion: 1));

        Assert.Null((await kit.Components.GetAsync(api.Id))!.ManualStatus);
    }

    [Fact]
    public async Task Deletes_with_a_stale_expected_version_are_refused_and_delete_nothing()
    {
        await using var kit = ServiceAssert.Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Errors", Message = "Looking" });
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true,
        })).Subscriber;
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "v2" });
        await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { Name = "v2" });
        await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "v2" });
        await kit.Subscribers.DeactivateAsync(subscriber.Id);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Components.DeleteAsync(components[0].Id, expectedVersion: 1));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Incidents.DeleteAsync(incident.Id, expectedVersion: 1));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Subscribers.DeleteAsync(subscriber.Id, expectedVersion: 1));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => kit.Pages.DeleteAsync(page.Id, expectedVersion: 1));

        Assert.NotNull(await kit.Components.GetAsync(components[0].Id));
        Assert.NotNull(await kit.Incidents.GetAsync(incident.Id));
        Assert.NotNull(await kit.Subscribers.GetAsync(subscriber.Id));
        Assert.True(await kit.Pages.DeleteAsync(page.Id, expectedVersion: 2));
    }

    [Fact]
    public async Task Deletes_with_an_expected_version_are_refused_when_the_record_changes_just_before_the_store_deletes_it()
    {
        await using var kit = ServiceAssert.Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Errors", Message = "Looking" });
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true,
        })).Subscriber;
        var maintenance = kit.Get<MaintenanceService>();
        var start = kit.Clock.GetUtcNow().AddHours(1);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow { PageId = page.Id, Title = "Upgrade", StartsAt = start, EndsAt = start.AddHours(1) });
        var deletes = new (string StoreMethod, Func<Task> Edit, Func<Task<bool>> Delete)[]
        {
            (nameof(kit.Store.DeleteComponentAsync), () => kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { Name = "v2" }),
                () => kit.Components.DeleteAsync(components[0].Id, expectedVersion: 1)),
            (nameof(kit.Store.DeleteStatusIncidentAsync), () => kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "v2" }),
                () => kit.Incidents.DeleteAsync(incident.Id, expectedVersion: 1)),
            (nameof(kit.Store.DeleteSubscriberAsync), () => kit.Subscribers.DeactivateAsync(subscriber.Id),
                () => kit.Subscribers.DeleteAsync(subscriber.Id, expectedVersion: 1)),
            (nameof(kit.Store.DeleteMaintenanceWindowAsync), () => maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "v2" }),
                () => maintenance.DeleteAsync(window.Id, expectedVersion: 1)),
            (nameof(kit.Store.DeletePageAsync), () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "v2" }),
                () => kit.Pages.DeleteAsync(page.Id, expectedVersion: 1)),
        };

        foreach (var (storeMethod, edit, delete) in deletes)
        {
            BeforeNextStoreCall(kit, storeMethod, edit);
            await Assert.ThrowsAsync<StatusKitConcurrencyException>(delete);
        }

        Assert.Equal("v2", (await kit.Components.GetAsync(components[0].Id))!.Name);
        Assert.Equal("v2", (await kit.Incidents.GetAsync(incident.Id))!.Title);
        Assert.False((await kit.Subscribers.GetAsync(subscriber.Id))!.IsActive);
        Assert.Equal("v2", (await maintenance.GetAsync(window.Id))!.Title);
        Assert.Equal("v2", (await kit.Pages.GetAsync(page.Id))!.Name);
    }

    [Fact]
    public async Task A_maintenance_update_with_a_stale_expected_version_is_refused()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var maintenance = kit.Get<MaintenanceService>();
        var start = kit.Clock.GetUtcNow().AddHours(1);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow { PageId = page.Id, Title = "Upgrade", StartsAt = start, EndsAt = start.AddHours(1) });
        await maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Database upgrade" });

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Description = "Stale", ExpectedVersion = window.Version }));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => maintenance.DeleteAsync(window.Id, expectedVersion: window.Version));

        var stored = (await maintenance.GetAsync(window.Id))!;
        Assert.Equal(("Database upgrade", (string?)null), (stored.Title, stored.Description));
    }

    /// <summary>Runs <paramref name="operation"/> once, to completion, just before the next call of the store method named <paramref name="method"/>.</summary>
    private static void BeforeNextStoreCall(StatusKitHarness kit, string method, Func<Task> operation)
    {
        var ran = 0;
        kit.StoreControl.Before = (name, _) => name == method && Interlocked.Exchange(ref ran, 1) == 0 ? operation() : null;
    }
}
