using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>
/// What is specific to the relational store (migrations, round-trips, atomicity, concurrency between hosts, constraint
/// translation), run on every provider by the derived classes.
/// </summary>
public abstract class StoreBehaviourTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private TestDatabase? _database;

    protected StoreBehaviourTests(ITestOutputHelper output)
    {
        _output = output;
    }

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Options of <typeparamref name="TContext"/> on a new, empty database of the provider.</summary>
    protected abstract Task<DbContextOptions<TContext>> EmptyDatabaseAsync<TContext>(string name)
        where TContext : DbContext;

    /// <summary>Whether the provider's text columns keep U+0000 (PostgreSQL's text cannot hold it).</summary>
    protected virtual bool TextKeepsNul => false;

    /// <summary>A store over a new database whose schema <typeparamref name="TContext"/> creates from its own model.</summary>
    private async Task<IStatusStore> StoreOverCreatedDatabaseAsync<TContext>(string name, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        var options = await EmptyDatabaseAsync<TContext>(name);
        await using (var context = create(options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        return TestDatabase.StoreOver(() => create(options));
    }

    [Fact]
    public async Task Migrations_leave_no_pending_model_changes()
    {
        await using var context = Database.CreateContext();
        Assert.Equal(
            ["20250601000000_InitialSchema", "20261123000000_ChainStatusHistory", "20261123050000_IndexNotificationsBySubscriberAndCreation",
                "20261124000000_IndexStatusIncidentsByPageAndUpdate", "20261125000000_AddVersionColumns",
                "20261126000000_AddVerifyTokenIssuedAt", "20261127000000_AddMaintenanceAnnouncedFor", "20261128000000_AddExcludedOccurrences",
                "20261129000000_IndexUnverifiedSubscribers", "20261201000000_MarkAnnouncedStarts", "20261202000000_AddPreviousSigningSecret",
                "20261203000000_AddMaintenanceStatusSwitchedAt",
                "20261204000000_IndexMaintenanceWindowsByPageStateAndStart", "20261205000000_AddNotificationOccurredAt",
                "20261206000000_IndexWindowsAndSubscribersForPagedLists", "20261207000000_AddPageBranding", "20261208000000_AddStatusIncidentPostmortem",
                "20261209000000_AddStatusIncidentUpdateNotifySubscribers", "20261210000000_AddComponentOnlyShowIfDegraded",
                "20261212000000_AddSubscriberDeactivationReason", "20261213000000_AddIncidentTemplates",
                "20261214000000_AddSubscriberStatusIncident", "20261215000000_AddIncidentTemplateState",
                "20261216000000_AddPageCustomDomain", "20261217000000_AddAuditLog", "20261218000000_AddPageMetrics", "20261219000000_AddPageLanguage",
                "20261220000000_AddComponentUpstream", "20261225000000_IndexOutboxClaimsAndDeliveryLog"],
            await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrating_history_down_and_up_again_rebuilds_its_chain_from_the_stored_rows()
    {
        var store = Database.CreateStore();
        var (page, components, _) = await SeedAsync(store, "chain", 3);
        var statuses = new[] { ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, ComponentStatus.Operational };
        var current = components.ToDictionary(c => c.Id, c => c.Status);
        for (var i = 0; i < 9; i++)
        {
            var component = components[i % 3];
            var next = statuses[i / 3];
            Assert.True(await store.CommitStatusAsync(
                new StatusCommit([new ComponentStatusChange(page.Id, component.Id, current[component.Id], next, Samples.T0.AddMinutes(i), "flap")], []),
                CancellationToken.None));
            current[component.Id] = next;
        }

        var sinceFour = await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddMinutes(4.5), CancellationToken.None);
        var sinceNine = await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddMinutes(9), CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20250601000000_InitialSchema");
            await migrator.MigrateAsync();
        }

        Assert.Equal(sinceFour, await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddMinutes(4.5), CancellationToken.None));
        Assert.Equal(sinceNine, await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddMinutes(9), CancellationToken.None));
        Assert.Equal(3, sinceNine.Count);
        Assert.Equal(7, sinceFour.Count);
        var first = components[0];
        Assert.True(await store.CommitStatusAsync(
            new StatusCommit([new ComponentStatusChange(page.Id, first.Id, current[first.Id], ComponentStatus.PartialOutage, Samples.T0.AddMinutes(20), "after")], []),
            CancellationToken.None));
        var sinceTen = await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddMinutes(10), CancellationToken.None);
        Assert.Equal(
            [(first.Id, Samples.T0.AddMinutes(6).UtcTicks), (first.Id, Samples.T0.AddMinutes(20).UtcTicks)],
            sinceTen.Where(h => h.ComponentId == first.Id).Select(h => (h.ComponentId, h.At.UtcTicks)));
    }

    [Fact]
    public async Task Windows_in_progress_before_starts_were_marked_keep_telling_the_subscribers_of_those_that_notify()
    {
        // Before the mark, a window in progress told its subscribers of its end whenever it notified them.
        var store = Database.CreateStore();
        var (page, _, _) = await SeedAsync(store, "announced-starts", 1);
        MaintenanceWindow Stored(MaintenanceState state, bool notify) => TestData.Window(page.Id, componentIds: [], state: state) with
        {
            NotifySubscribers = notify,
            AnnouncedFor = null,
        };
        var notifying = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.InProgress, notify: true), [], CancellationToken.None);
        var silent = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.InProgress, notify: false), [], CancellationToken.None);
        var scheduled = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.Scheduled, notify: true), [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261129000000_IndexUnverifiedSubscribers");
            await migrator.MigrateAsync();
        }

        Assert.Equal(notifying.OccurrenceStartsAt, (await store.GetMaintenanceWindowAsync(notifying.Id, CancellationToken.None))!.AnnouncedFor);
        Assert.Null((await store.GetMaintenanceWindowAsync(silent.Id, CancellationToken.None))!.AnnouncedFor);
        Assert.Null((await store.GetMaintenanceWindowAsync(scheduled.Id, CancellationToken.None))!.AnnouncedFor);
    }

    [Fact]
    public async Task Windows_in_progress_with_auto_update_before_the_status_switch_mark_are_marked_as_switched()
    {
        // Their start switched their components: a recompute that commits that change after the upgrade tells nothing more.
        var store = Database.CreateStore();
        var (page, _, _) = await SeedAsync(store, "status-switches", 1);
        MaintenanceWindow Stored(MaintenanceState state, bool autoUpdate) =>
            TestData.Window(page.Id, componentIds: [], state: state) with { AutoUpdateStatus = autoUpdate, StatusSwitchedAt = null };
        var switching = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.InProgress, autoUpdate: true), [], CancellationToken.None);
        var quiet = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.InProgress, autoUpdate: false), [], CancellationToken.None);
        var completed = await store.AddMaintenanceWindowAsync(Stored(MaintenanceState.Completed, autoUpdate: true), [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261202000000_AddPreviousSigningSecret");
            await migrator.MigrateAsync();
        }

        Assert.Equal(switching.UpdatedAt, (await store.GetMaintenanceWindowAsync(switching.Id, CancellationToken.None))!.StatusSwitchedAt);
        Assert.Null((await store.GetMaintenanceWindowAsync(quiet.Id, CancellationToken.None))!.StatusSwitchedAt);
        Assert.Null((await store.GetMaintenanceWindowAsync(completed.Id, CancellationToken.None))!.StatusSwitchedAt);
    }

    [Fact]
    public async Task Subscribers_stored_before_the_deactivation_reason_read_as_unrecorded_and_the_columns_come_back_empty()
    {
        // Nothing recorded whether an inactive subscriber unsubscribed itself: the upgrade does not guess.
        var store = Database.CreateStore();
        var (page, _, active) = await SeedAsync(store, "deactivation-reason", 1);
        var stopped = TestData.Subscriber(page.Id) with
        {
            IsActive = false,
            DeactivationReason = SubscriberDeactivationReason.DeadLetters,
            ActivatedAt = Samples.T0,
        };
        await store.AddSubscriberAsync(stopped, [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261210000000_AddComponentOnlyShowIfDegraded");
            await migrator.MigrateAsync();
        }

        var read = (await store.GetSubscriberAsync(stopped.Id, CancellationToken.None))!;
        Assert.Equal((false, null, null), (read.IsActive, read.DeactivationReason, read.ActivatedAt));
        var stillActive = (await store.GetSubscriberAsync(active.Id, CancellationToken.None))!;
        Assert.Equal((true, null), (stillActive.IsActive, stillActive.DeactivationReason));
    }

    [Fact]
    public async Task Held_notices_stored_before_the_occurred_at_column_count_their_debounce_from_the_latest_change_they_took()
    {
        // Held until 60 since a change at 12 that took a later one at 19: moved to 20, it is due 2 minutes after 19.
        var store = Database.CreateStore();
        var (page, _, subscriber) = await SeedAsync(store, "occurred-at", 1);
        Notification Change(double at)
        {
            var notification = TestData.Notification(page.Id, subscriber.Id, dueAt: Samples.T0.AddMinutes(60), coalesceKey: "k-held",
                notAfter: Samples.T0.AddMinutes(60), createdAt: Samples.T0.AddMinutes(at));
            // Stored with the offset it was given, as the content keeps it: the migration reads the instant.
            return notification with { Content = notification.Content with { OccurredAt = Samples.T0.AddMinutes(at).ToOffset(TimeSpan.FromHours(5.5)) } };
        }

        var held = Change(12);
        Assert.Equal(2, await store.EnqueueNotificationsAsync([held, Change(19.25)], CancellationToken.None));
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261204000000_IndexMaintenanceWindowsByPageStateAndStart");
            await migrator.MigrateAsync();
        }

        Assert.Equal(1, await store.RescheduleHeldNotificationsAsync(
            ["k-held"], Samples.T0.AddMinutes(60), Samples.T0.AddMinutes(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.Equal(Samples.T0.AddMinutes(21.25), (await store.GetNotificationAsync(held.Id, CancellationToken.None))!.DueAt);
    }

    [Fact]
    public async Task Rows_stored_before_the_version_columns_start_at_version_1_and_take_compare_and_set_updates()
    {
        var store = Database.CreateStore();
        var (page, components, subscriber) = await SeedAsync(store, "versions", 1);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Elevated errors", Message = "Looking into it", ComponentIds = [components[0].Id],
            Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "Looking into it")],
            CreatedAt = Samples.T0, UpdatedAt = Samples.T0,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
        await store.UpdatePageAsync(page with { Name = "Moved to version 2" }, CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261124000000_IndexStatusIncidentsByPageAndUpdate");
            await migrator.MigrateAsync();
        }

        var storedPage = (await store.GetPageAsync(page.Id, CancellationToken.None))!;
        var componentVersion = (await store.GetComponentAsync(components[0].Id, CancellationToken.None))!.Version;
        var incidentVersion = (await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None))!.Version;
        var subscriberVersion = (await store.GetSubscriberAsync(subscriber.Id, CancellationToken.None))!.Version;
        Assert.Equal((1L, 1L, 1L, 1L), (storedPage.Version, componentVersion, incidentVersion, subscriberVersion));
        Assert.Equal(2, (await store.UpdatePageAsync(storedPage with { Name = "Renamed" }, CancellationToken.None)).Version);
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => store.UpdatePageAsync(storedPage with { Name = "Stale" }, CancellationToken.None));
    }

    [Fact]
    public async Task Components_stored_before_the_upstream_columns_follow_no_upstream_and_can_be_given_one()
    {
        var store = Database.CreateStore();
        var (_, components, _) = await SeedAsync(store, "no-upstream", 1);
        await store.UpdateComponentAsync(components[0] with { UpstreamUrl = "https://status.example.com/api/v2/summary.json" }, CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261219000000_AddPageLanguage");
            await migrator.MigrateAsync();
        }

        var migrated = (await store.GetComponentAsync(components[0].Id, CancellationToken.None))!;
        Assert.Equal(((string?)null, (ComponentStatus?)null), (migrated.UpstreamUrl, migrated.UpstreamStatus));
        Assert.DoesNotContain(await store.ListUpstreamComponentsAsync(CancellationToken.None), c => c.Id == migrated.Id);
        var set = await store.UpdateComponentAsync(migrated with { UpstreamUrl = "https://status.example.com/api/v2/summary.json" }, CancellationToken.None);
        Assert.True(await store.RecordUpstreamStatusAsync(set.Id, set.Version, null, ComponentStatus.MajorOutage, Samples.T0, CancellationToken.None));
        Assert.Equal(ComponentStatus.MajorOutage, (await store.GetComponentAsync(set.Id, CancellationToken.None))!.UpstreamStatus);
    }

    [Fact]
    public async Task Components_stored_before_the_only_show_if_degraded_column_read_as_always_shown()
    {
        var store = Database.CreateStore();
        var (_, components, _) = await SeedAsync(store, "always-shown", 1);
        await store.UpdateComponentAsync(components[0] with { OnlyShowIfDegraded = true }, CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261209000000_AddStatusIncidentUpdateNotifySubscribers");
            await migrator.MigrateAsync();
        }

        var migrated = (await store.GetComponentAsync(components[0].Id, CancellationToken.None))!;
        Assert.False(migrated.OnlyShowIfDegraded);
        var set = await store.UpdateComponentAsync(migrated with { OnlyShowIfDegraded = true }, CancellationToken.None);
        Assert.True(set.OnlyShowIfDegraded);
        Assert.True((await store.GetComponentAsync(components[0].Id, CancellationToken.None))!.OnlyShowIfDegraded);
    }

    [Fact]
    public async Task Incident_updates_stored_before_the_notify_subscribers_column_read_as_notified()
    {
        var store = Database.CreateStore();
        var (page, components, _) = await SeedAsync(store, "notified", 1);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Elevated errors", Message = "Looking into it", ComponentIds = [components[0].Id],
            Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "Looking into it") { NotifySubscribers = false }],
            CreatedAt = Samples.T0, UpdatedAt = Samples.T0,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261208000000_AddStatusIncidentPostmortem");
            await migrator.MigrateAsync();
        }

        var migrated = (await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None))!;
        Assert.True(Assert.Single(migrated.Updates).NotifySubscribers);
        var silent = new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0.AddMinutes(1), StatusIncidentState.Identified, "Found") { NotifySubscribers = false };
        var appended = await store.AppendStatusIncidentUpdateAsync(incident.Id, silent, [], CancellationToken.None);
        Assert.Equal([true, false], appended.Updates.Select(u => u.NotifySubscribers));
    }

    [Fact]
    public async Task Unconfirmed_subscribers_stored_before_the_issue_time_column_count_their_token_from_their_subscription()
    {
        var store = Database.CreateStore();
        var (page, _, confirmed) = await SeedAsync(store, "issued", 1);
        var unconfirmed = TestData.Subscriber(page.Id, createdAt: Samples.T0.AddDays(-3)) with
        {
            IsVerified = false,
            VerifyTokenIssuedAt = Samples.T0,
        };
        await store.AddSubscriberAsync(unconfirmed, [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261125000000_AddVersionColumns");
            await migrator.MigrateAsync();
        }

        var migrated = await store.GetSubscriberAsync(unconfirmed.Id, CancellationToken.None);
        Assert.Equal(unconfirmed.CreatedAt, migrated!.VerifyTokenIssuedAt);
        Assert.Null((await store.GetSubscriberAsync(confirmed.Id, CancellationToken.None))!.VerifyTokenIssuedAt);
        Assert.Equal(1, await store.DeleteUnverifiedSubscribersAsync(Samples.T0.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Maintenance_windows_stored_before_the_exclusions_column_exclude_nothing_and_take_exclusions_after_it()
    {
        var store = Database.CreateStore();
        var (page, components, _) = await SeedAsync(store, "exclusions", 1);
        var window = await store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [components[0].Id]), [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261126000000_AddVerifyTokenIssuedAt");
            await migrator.MigrateAsync();
        }

        var migrated = (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!;
        Assert.Empty(migrated.ExcludedOccurrences);
        var excluded = await store.TryUpdateMaintenanceWindowAsync(migrated with { ExcludedOccurrences = [new DateTime(2026, 12, 28, 10, 0, 0)] }, [], CancellationToken.None);
        Assert.Equal([new DateTime(2026, 12, 28, 10, 0, 0)], (await store.GetMaintenanceWindowAsync(excluded!.Id, CancellationToken.None))!.ExcludedOccurrences);
    }

    [Fact]
    public async Task Windows_stored_before_the_announcement_column_keep_their_reminder_mark_and_take_an_announcement()
    {
        var store = Database.CreateStore();
        var (page, _, _) = await SeedAsync(store, "announced", 1);
        var window = await store.AddMaintenanceWindowAsync(TestData.Window(page.Id) with { ReminderSentFor = TestData.At(60), AnnouncedFor = null }, [], CancellationToken.None);
        await using (var context = Database.CreateContext())
        {
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync("20261126000000_AddVerifyTokenIssuedAt");
            await migrator.MigrateAsync();
        }

        var migrated = (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!;
        Assert.Equal((TestData.At(60), (DateTimeOffset?)null), (migrated.ReminderSentFor!.Value, migrated.AnnouncedFor));
        var announced = await store.TryUpdateMaintenanceWindowAsync(migrated with { AnnouncedFor = TestData.At(240) }, [], CancellationToken.None);
        Assert.Equal(TestData.At(240), (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.AnnouncedFor);
        Assert.Equal(window.Version + 1, announced!.Version);
    }

    [Fact]
    public async Task A_pages_delivery_log_is_filtered_by_page_and_state_and_limited_by_the_database()
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);
        var (page, _, subscriber) = await SeedAsync(store, "log-mine", 0);
        var (other, _, stranger) = await SeedAsync(store, "log-other", 0);
        // Twelve rows a minute apart, every other one on the other page: more of each page's than the take below.
        var rows = Enumerable.Range(0, 12)
            .Select(minute => minute % 2 == 0
                ? TestData.Notification(page.Id, subscriber.Id, dueAt: TestData.At(100), createdAt: TestData.At(minute))
                : TestData.Notification(other.Id, stranger.Id, dueAt: TestData.At(100), createdAt: TestData.At(minute)))
            .ToList();
        Assert.Equal(12, await store.EnqueueNotificationsAsync(rows, CancellationToken.None));
        var claimed = await store.ClaimNotificationsAsync("log", TestData.At(100), TestData.At(105), 100, CancellationToken.None);
        foreach (var row in claimed)
        {
            var dead = row.Id == rows[2].Id || row.Id == rows[3].Id || row.Id == rows[6].Id;
            Assert.True(dead
                ? await store.CompleteNotificationAsync(new NotificationOutcome(row.Id, "log", NotificationState.DeadLettered, TestData.At(101), 8, "HTTP 500"), CancellationToken.None)
                : await store.ReleaseNotificationAsync(row.Id, "log", CancellationToken.None));
        }

        counter.Reset();
        var newest = await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 4 }, CancellationToken.None);
        var statement = Assert.Single(counter.Texts);
        var deadLetters = await store.ListNotificationsAsync(
            new NotificationQuery { PageId = page.Id, State = NotificationState.DeadLettered, Take = 1 }, CancellationToken.None);

        Assert.Equal([rows[10].Id, rows[8].Id, rows[6].Id, rows[4].Id], newest.Select(n => n.Id));
        Assert.Equal([rows[6].Id], deadLetters.Select(n => n.Id));
        // The page and the take are the database's to apply, not the store's after reading the whole outbox.
        Assert.Contains("page_id", statement[statement.IndexOf("WHERE", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("LIMIT", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_stored_before_the_affected_components_in_their_content_are_read_and_claimed_with_none()
    {
        var store = Database.CreateStore();
        var (page, _, subscriber) = await SeedAsync(store, "affected", 1);
        var notification = TestData.Notification(page.Id, subscriber.Id, subject: "Slow");
        Assert.Equal(1, await store.EnqueueNotificationsAsync([notification], CancellationToken.None));
        var content = System.Text.Json.Nodes.JsonNode.Parse(JsonColumns.FromContent(notification.Content))!.AsObject();
        Assert.True(content.Remove("affectedComponents"));
        await using (var context = Database.CreateContext())
        {
            var json = content.ToJsonString();
            await context.Set<NotificationEntity>().Where(n => n.Id == notification.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.Content, json));
        }

        var claimed = Assert.Single(await store.ClaimNotificationsAsync("host-a", TestData.At(1), TestData.At(6), 10, CancellationToken.None));
        Assert.Empty(claimed.Content.AffectedComponents);
        Assert.Equal(notification.Content with { AffectedComponents = [] }, claimed.Content with { AffectedComponents = [] });
    }

    [Fact]
    public async Task An_update_whose_row_changed_between_its_read_and_its_save_loses_its_compare_and_set()
    {
        var store = Database.CreateStore();
        var (_, components, _) = await SeedAsync(store, "race", 1);
        var component = components[0];
        // Another writer commits after this update has read the row (and checked its version) but before it saves.
        var interleaving = new InterleavingCommandInterceptor
        {
            Interleave = () => store.UpdateComponentAsync(component with { Name = "First writer" }, CancellationToken.None),
        };
        var racing = Database.CreateStore(interleaving);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => racing.UpdateComponentAsync(component with { ManualStatus = ComponentStatus.MajorOutage }, CancellationToken.None));

        var stored = (await store.GetComponentAsync(component.Id, CancellationToken.None))!;
        Assert.Equal(("First writer", (ComponentStatus?)null, 2L), (stored.Name, stored.ManualStatus, stored.Version));
    }

    [Fact]
    public async Task A_recompute_costs_the_same_few_commands_for_10_and_1000_components()
    {
        var at10 = await MeasureRecomputeAsync(10);
        var at1000 = await MeasureRecomputeAsync(1000);
        _output.WriteLine($"{Database.ProviderName}: recompute commands at 10 components = {at10}, at 1000 components = {at1000}");
        Assert.Equal(at10, at1000);
        Assert.InRange(at1000, 1, 5);
    }

    [Fact]
    public async Task A_commit_that_fails_between_two_steps_leaves_nothing_half_written()
    {
        var failing = new FailingCommandInterceptor { Marker = "statuskit_status_history" };
        var store = Database.CreateStore(failing);
        var (page, components, subscriber) = await SeedAsync(store, "atomic", 5);
        var commit = OutageCommit(page, components, subscriber, "atomic");

        failing.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitStatusAsync(commit, CancellationToken.None));
        Assert.Equal(1, failing.Failures);

        failing.Armed = false;
        Assert.All(await store.ListComponentsAsync(page.Id, CancellationToken.None), c => Assert.Equal(ComponentStatus.Operational, c.Status));
        Assert.Empty(await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddYears(-1), CancellationToken.None));
        Assert.Empty(await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));

        Assert.True(await store.CommitStatusAsync(commit, CancellationToken.None));
        Assert.All(await store.ListComponentsAsync(page.Id, CancellationToken.None), c => Assert.Equal(ComponentStatus.MajorOutage, c.Status));
        Assert.Equal(5, (await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddYears(-1), CancellationToken.None)).Count);
        Assert.Equal(5, (await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_commit_whose_old_status_is_stale_writes_nothing()
    {
        var store = Database.CreateStore();
        var (page, components, subscriber) = await SeedAsync(store, "stale", 3);
        var stale = OutageCommit(page, components, subscriber, "stale") is var commit
            ? commit with { Changes = [.. commit.Changes.Take(2), commit.Changes[2] with { OldStatus = ComponentStatus.PartialOutage }] }
            : null!;

        Assert.False(await store.CommitStatusAsync(stale, CancellationToken.None));

        Assert.All(await store.ListComponentsAsync(page.Id, CancellationToken.None), c => Assert.Equal(ComponentStatus.Operational, c.Status));
        Assert.Empty(await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddYears(-1), CancellationToken.None));
        Assert.Empty(await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_of_1000_changes_with_one_stale_old_status_writes_nothing_and_the_fresh_one_writes_everything()
    {
        var store = Database.CreateStore();
        var (page, components, subscriber) = await SeedAsync(store, "stale-1000", 1000, team: "team-stale-1000");
        var commit = OutageCommit(page, components, subscriber, "stale-1000");
        var stale = commit with
        {
            Changes = [.. commit.Changes.Select((c, i) => i == 500 ? c with { OldStatus = ComponentStatus.DegradedPerformance } : c)],
        };

        Assert.False(await store.CommitStatusAsync(stale, CancellationToken.None));

        Assert.All(await store.ListComponentsAsync(page.Id, CancellationToken.None), c => Assert.Equal(ComponentStatus.Operational, c.Status));
        Assert.Empty(await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddYears(-1), CancellationToken.None));
        Assert.Empty(await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));

        Assert.True(await store.CommitStatusAsync(commit, CancellationToken.None));
        var stored = await store.ListComponentsAsync(page.Id, CancellationToken.None);
        Assert.Equal(1000, stored.Count);
        Assert.All(stored, c => Assert.Equal(ComponentStatus.MajorOutage, c.Status));
        Assert.All(stored, c => Assert.Equal(Samples.T0.AddMinutes(1), c.StatusUpdatedAt));
        var history = await store.ListStatusHistoryAsync(page.Id, Samples.T0.AddYears(-1), CancellationToken.None);
        Assert.Equal(1000, history.Count);
        Assert.Equal(components.Select(c => c.Id).Order(), history.Select(h => h.ComponentId).Order());
        Assert.All(history, h => Assert.Equal((ComponentStatus.Operational, ComponentStatus.MajorOutage, page.Id), (h.OldStatus, h.NewStatus, h.PageId)));
        Assert.Equal(1000, history.Select(h => h.Id).Distinct().Count());
        Assert.Equal(1000, (await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 5000 }, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Concurrent_claimers_claim_every_row_exactly_once_and_each_subscriber_from_one_claimer()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("outbox");
        await store.AddPageAsync(page, CancellationToken.None);
        var subscriberIds = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToArray();
        var rows = Enumerable.Range(0, 500)
            .Select(i => Samples.Notification(page.Id, subscriberIds[i % subscriberIds.Length], $"claim-{i}", Samples.T0.AddSeconds(-i % 7)))
            .ToArray();
        Assert.Equal(500, await store.EnqueueNotificationsAsync(rows, CancellationToken.None));

        var claimers = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var claimerStore = Database.CreateStore();
            var mine = new List<Notification>();
            while (true)
            {
                var batch = await claimerStore.ClaimNotificationsAsync($"dispatcher-{n}", Samples.T0, Samples.T0.AddMinutes(5), 25, CancellationToken.None);
                if (batch.Count == 0)
                {
                    return mine;
                }

                Assert.All(batch, b => Assert.Equal($"dispatcher-{n}", b.LeaseOwner));
                mine.AddRange(batch);
            }
        })).ToArray();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(rows => rows).ToList();

        Assert.Equal(500, claimed.Count);
        Assert.Equal(500, claimed.Select(c => c.Id).Distinct().Count());
        Assert.Equal(rows.Select(r => r.Id).Order(), claimed.Select(c => c.Id).Order());
        Assert.All(claimed.GroupBy(c => c.SubscriberId), subscriber => Assert.Single(subscriber.Select(c => c.LeaseOwner).Distinct()));
    }

    [Fact]
    public async Task Concurrent_compare_and_set_of_a_window_has_exactly_one_winner()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("cas");
        await store.AddPageAsync(page, CancellationToken.None);
        var window = await store.AddMaintenanceWindowAsync(Samples.Window(page.Id, []), [], CancellationToken.None);

        for (var round = 0; round < 5; round++)
        {
            var current = (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!;
            var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => Database.CreateStore().TryUpdateMaintenanceWindowAsync(
                current with { Title = $"round {round} host {i}", State = MaintenanceState.InProgress },
                [],
                CancellationToken.None)));
            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, r => r is not null);
            Assert.Equal(current.Version + 1, winner!.Version);
            var stored = (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!;
            Assert.Equal(winner.Title, stored.Title);
            Assert.Equal(current.Version + 1, stored.Version);
        }
    }

    [Fact]
    public async Task Concurrent_signals_never_let_an_older_version_win_and_each_applied_one_names_the_one_it_replaced()
    {
        var store = Database.CreateStore();
        var signals = Enumerable.Range(1, 40)
            .Select(v => new IncidentSignal
            {
                IncidentId = "INC-1",
                TeamId = "team-a",
                Priority = v % 2 == 0 ? "High" : "Critical",
                State = v == 40 ? PlatformIncidentState.Resolved : PlatformIncidentState.Triggered,
                Version = v,
                OccurredAt = Samples.T0.AddSeconds(v),
                Title = $"v{v}",
            })
            .OrderBy(s => (s.Version * 7919) % 41)
            .ToArray();

        var twice = signals.Concat(signals).ToArray();
        var results = await Task.WhenAll(twice.Select(s => Task.Run(() => Database.CreateStore().ApplySignalAsync(s, CancellationToken.None))));

        var stored = await store.GetSignalAsync("INC-1", CancellationToken.None);
        Assert.Equal(40, stored!.Version);
        Assert.Equal("v40", stored.Title);
        Assert.Equal(PlatformIncidentState.Resolved, stored.State);
        StoreAssert.EachAppliedSignalReplacedThePreviousOne(twice.Zip(results));
        Assert.Equal(SignalApplyResult.Duplicate, (await store.ApplySignalAsync(signals.Single(s => s.Version == 40), CancellationToken.None)).Result);
        Assert.Equal(SignalApplyResult.Stale, (await store.ApplySignalAsync(signals.Single(s => s.Version == 3), CancellationToken.None)).Result);
    }

    [Fact]
    public async Task Page_content_and_status_inputs_are_each_read_from_one_state_while_incidents_are_added()
    {
        var store = Database.CreateStore();
        var writerStore = Database.CreateStore();
        var page = Samples.Page("consistent");
        await store.AddPageAsync(page, CancellationToken.None);
        await store.AddComponentAsync(Samples.Component(page.Id, "API"), CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var minute = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var at = Samples.T0.AddMinutes(++minute);
                await writerStore.AddStatusIncidentAsync(
                    new StatusIncident
                    {
                        Id = Guid.CreateVersion7(), PageId = page.Id, Title = "t", Message = "m", Severity = StatusIncidentSeverity.Minor, ComponentIds = [],
                        Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), at, StatusIncidentState.Investigating, "m")], CreatedAt = at, UpdatedAt = at,
                    },
                    [],
                    CancellationToken.None);
            }
        });

        var reads = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var content = await store.LoadPageContentAsync(page.Id, 1, CancellationToken.None);
                var inputs = await store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), CancellationToken.None);
                reads++;
                foreach (var incident in content!.UnresolvedIncidents.Concat(inputs.UnresolvedIncidents))
                {
                    Assert.True(incident.Updates.Count == 1, $"read {reads}: incident {incident.Id} came without its update");
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        _output.WriteLine($"{Database.ProviderName}: {reads} reads of each kind, {minute} incidents added meanwhile");
        Assert.True(minute > 1, "the writer never ran");
    }

    [Theory]
    [InlineData("page")]
    [InlineData("component")]
    [InlineData("status incident")]
    [InlineData("status incident update")]
    [InlineData("subscriber")]
    public async Task Updates_are_saved_when_the_host_context_defaults_to_no_tracking(string update)
    {
        var store = Database.CreateStore(QueryTrackingBehavior.NoTracking);
        var page = Samples.Page("no-tracking");
        await store.AddPageAsync(page, CancellationToken.None);
        var component = Samples.Component(page.Id, "API");
        await store.AddComponentAsync(component, CancellationToken.None);
        var subscriber = Samples.Subscriber(page.Id, "ops@example.com");
        await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Elevated errors", Message = "Looking into it", Severity = StatusIncidentSeverity.Major,
            ComponentIds = [], Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "Looking into it")],
            CreatedAt = Samples.T0, UpdatedAt = Samples.T0, Version = 1,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);

        switch (update)
        {
            case "page":
                await store.UpdatePageAsync(page with { Name = "Renamed" }, CancellationToken.None);
                Assert.Equal("Renamed", (await store.GetPageAsync(page.Id, CancellationToken.None))!.Name);
                break;
            case "component":
                await store.UpdateComponentAsync(component with { Name = "Renamed" }, CancellationToken.None);
                Assert.Equal("Renamed", (await store.GetComponentAsync(component.Id, CancellationToken.None))!.Name);
                break;
            case "status incident":
                await store.UpdateStatusIncidentAsync(incident with { Title = "Renamed", UpdatedAt = Samples.T0.AddMinutes(1) }, CancellationToken.None);
                Assert.Equal("Renamed", (await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None))!.Title);
                break;
            case "status incident update":
                var returned = await store.AppendStatusIncidentUpdateAsync(
                    incident.Id, new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0.AddMinutes(5), StatusIncidentState.Resolved, "Fixed"), [], CancellationToken.None);
                var stored = (await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None))!;
                Assert.Equal((2, StatusIncidentState.Resolved), (stored.Updates.Count, stored.State));
                Assert.Equal(returned.Updates, stored.Updates);
                break;
            case "subscriber":
                await store.UpdateSubscriberAsync(subscriber with { IsActive = false }, [], CancellationToken.None);
                Assert.False((await store.GetSubscriberAsync(subscriber.Id, CancellationToken.None))!.IsActive);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(update), update, null);
        }
    }

    [Fact]
    public async Task Concurrent_updates_appended_to_one_incident_are_all_kept()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("append");
        await store.AddPageAsync(page, CancellationToken.None);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Elevated errors", Message = "Looking into it", Severity = StatusIncidentSeverity.Major,
            ComponentIds = [], Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "Looking into it")],
            CreatedAt = Samples.T0, UpdatedAt = Samples.T0,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
        var appended = Enumerable.Range(1, 8)
            .Select(i => new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0.AddMinutes(i), StatusIncidentState.Identified, $"update {i}"))
            .ToArray();

        await Task.WhenAll(appended.Select(update => Task.Run(() => Database.CreateStore().AppendStatusIncidentUpdateAsync(incident.Id, update, [], CancellationToken.None))));

        var stored = (await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None))!;
        Assert.Equal([incident.Updates[0], .. appended], stored.Updates);
    }

    [Fact]
    public async Task Concurrent_submits_of_a_point_at_one_instant_all_succeed_and_keep_one_point()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("metric-race");
        await store.AddPageAsync(page, CancellationToken.None);
        var metric = TestData.Metric(page.Id);
        await store.AddPageMetricAsync(metric, CancellationToken.None);

        // Rounds of racing submits, each round at its own instant: a retried monitoring push must never get a 409.
        for (var round = 0; round < 10; round++)
        {
            var at = Samples.T0.AddMinutes(round);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(
                () => Database.CreateStore().AddMetricPointsAsync(metric.Id, [new MetricPoint(at, i)], CancellationToken.None))));
        }

        var points = await store.ListMetricPointsAsync(metric.Id, Samples.T0, Samples.T0.AddHours(1), 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 10).Select(round => Samples.T0.AddMinutes(round)), points.Select(p => p.At));
    }

    [Fact]
    public async Task Unique_index_violations_become_conflicts_naming_the_field()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("unique");
        await store.AddPageAsync(page, CancellationToken.None);
        var component = Samples.Component(page.Id, "API");
        await store.AddComponentAsync(component, CancellationToken.None);
        await store.AddSubscriberAsync(Samples.Subscriber(page.Id, "ops@example.com"), [], CancellationToken.None);

        var slug = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddPageAsync(Samples.Page("unique"), CancellationToken.None));
        Assert.Equal("slug", slug.Field);
        var name = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddComponentAsync(Samples.Component(page.Id, "api"), CancellationToken.None));
        Assert.Equal("name", name.Field);
        var destination = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.AddSubscriberAsync(Samples.Subscriber(page.Id, "OPS@example.com"), [], CancellationToken.None));
        Assert.Equal("destination", destination.Field);
        var id = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddComponentAsync(component with { Name = "Other" }, CancellationToken.None));
        Assert.Equal("id", id.Field);
        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => store.AddComponentAsync(Samples.Component(Guid.CreateVersion7(), "API"), CancellationToken.None));
    }

    [Fact]
    public async Task Text_with_quotes_backslashes_and_emoji_round_trips_through_the_json_paths()
    {
        var store = Database.CreateStore();
        var page = Samples.Page("text");
        await store.AddPageAsync(page, CancellationToken.None);
        var component = Samples.Component(page.Id, "API");
        await store.AddComponentAsync(component, CancellationToken.None);
        var subscriber = Samples.Subscriber(page.Id, "ops@example.com");
        await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        var nul = TextKeepsNul ? "\0 nul " : "";
        var cause = $"it's \"quoted\" \\ back\\slash \\u0000 {nul}😀 \ud83d\ude00 é \u2028 \t end" + new string('x', 100_000);
        var key = "k'\"\\😀" + nul;
        Assert.True(await store.CommitStatusAsync(
            new StatusCommit(
                [new ComponentStatusChange(page.Id, component.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, Samples.T0.AddMinutes(1), cause)],
                [Samples.Notification(page.Id, subscriber.Id, key, Samples.T0, coalesceKey: key) with { LastError = cause }]),
            CancellationToken.None));

        var history = await store.ListStatusHistoryAsync(page.Id, Samples.T0, CancellationToken.None);
        Assert.Equal(cause, Assert.Single(history).Cause);
        var notification = Assert.Single(await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
        Assert.Equal(key, notification.DeduplicationKey);
        Assert.Equal(key, notification.CoalesceKey);
        Assert.Equal(cause, notification.LastError);
        Assert.Equal(0, await store.EnqueueNotificationsAsync([Samples.Notification(page.Id, subscriber.Id, key, Samples.T0)], CancellationToken.None));
    }

    [Fact]
    public async Task Every_store_operation_works_in_a_host_context_with_a_custom_schema_and_table_prefix()
    {
        var store = await StoreOverCreatedDatabaseAsync<CustomModelContext>("custom_model", options => new CustomModelContext(options));
        var page = Samples.Page("custom");
        await store.AddPageAsync(page, CancellationToken.None);
        var api = Samples.Component(page.Id, "API", "team-x", 0);
        var web = Samples.Component(page.Id, "Web", "team-x", 1);
        await store.AddComponentAsync(api, CancellationToken.None);
        await store.AddComponentAsync(web, CancellationToken.None);
        var subscriber = Samples.Subscriber(page.Id, "ops@example.com");
        await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        await store.ReorderComponentsAsync(page.Id, [web.Id, api.Id], null, CancellationToken.None);
        await store.AddMaintenanceWindowAsync(Samples.Window(page.Id, [api.Id], MaintenanceState.InProgress), [], CancellationToken.None);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Title = "t", Message = "m", Severity = StatusIncidentSeverity.Major, ComponentIds = [api.Id],
            Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "m")], CreatedAt = Samples.T0, UpdatedAt = Samples.T0,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
        await store.AppendStatusIncidentUpdateAsync(
            incident.Id, new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0.AddMinutes(1), StatusIncidentState.Identified, "found"), [], CancellationToken.None);
        Assert.Equal(SignalApplyResult.Applied, (await store.ApplySignalAsync(
            new IncidentSignal { IncidentId = "INC-1", TeamId = "team-x", Priority = "P1", State = PlatformIncidentState.Triggered, Version = 1, OccurredAt = Samples.T0 },
            CancellationToken.None)).Result);
        Assert.Equal(SignalApplyResult.Applied, (await store.ApplySignalAsync(
            new IncidentSignal { IncidentId = "INC-1", TeamId = "team-x", Priority = "P1", State = PlatformIncidentState.Acknowledged, Version = 2, OccurredAt = Samples.T0 },
            CancellationToken.None)).Result);

        var inputs = await store.LoadStatusInputsAsync(StatusScope.ForTeam("team-x"), CancellationToken.None);
        Assert.Equal(2, inputs.Components.Count);
        Assert.Single(inputs.OpenSignals);
        Assert.Equal(2, Assert.Single(inputs.UnresolvedIncidents).Updates.Count);
        inputs = await store.LoadStatusInputsAsync(StatusScope.ForComponents([api.Id]), CancellationToken.None);
        Assert.Single(inputs.Components);
        Assert.True(await store.CommitStatusAsync(
            new StatusCommit(
                [new ComponentStatusChange(page.Id, api.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, Samples.T0.AddMinutes(1), "x")],
                [Samples.Notification(page.Id, subscriber.Id, "k1", Samples.T0, "c1")]),
            CancellationToken.None));
        Assert.Equal(1, await store.EnqueueNotificationsAsync([Samples.Notification(page.Id, subscriber.Id, "k2", Samples.T0, "c1")], CancellationToken.None));
        Assert.Single(await store.ListStatusHistoryAsync(page.Id, Samples.T0, CancellationToken.None));
        var content = await store.LoadPageContentAsync(page.Id, 5, CancellationToken.None);
        Assert.Equal([web.Id, api.Id], content!.Components.Select(c => c.Id));
        Assert.Equal(2, Assert.Single(await store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), CancellationToken.None)).Updates.Count);
        var claimed = await store.ClaimNotificationsAsync("d", Samples.T0.AddMinutes(5), Samples.T0.AddMinutes(6), 10, CancellationToken.None);
        Assert.Single(claimed);
        Assert.True(await store.CompleteNotificationAsync(
            new NotificationOutcome(claimed[0].Id, "d", NotificationState.Delivered, Samples.T0.AddMinutes(5), 1),
            CancellationToken.None));
        await AssertConflictsNameTheFieldAsync(store, page);

        Assert.True(await store.DeleteComponentAsync(api.Id, null, CancellationToken.None));
        Assert.True(await store.DeletePageAsync(page.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_taken_slug_or_component_name_is_a_conflict_found_before_any_command_fails_which_EF_Core_would_log_as_an_error()
    {
        var failed = new FailedCommandCounter();
        var store = Database.CreateStore(failed);
        var (page, components, _) = await SeedAsync(store, "taken", 2);
        var other = Samples.Page("other-taken");
        await store.AddPageAsync(other, CancellationToken.None);

        var slugOnAdd = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddPageAsync(Samples.Page(page.Slug), CancellationToken.None));
        var slugOnUpdate = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.UpdatePageAsync(other with { Slug = page.Slug }, CancellationToken.None));
        var nameOnAdd = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.AddComponentAsync(Samples.Component(page.Id, components[0].Name.ToUpperInvariant()), CancellationToken.None));
        var nameOnUpdate = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.UpdateComponentAsync(components[1] with { Name = components[0].Name }, CancellationToken.None));

        Assert.Equal(["slug", "slug", "name", "name"], new[] { slugOnAdd, slugOnUpdate, nameOnAdd, nameOnUpdate }.Select(e => e.Field));
        Assert.Equal(0, failed.Count);
        Assert.Equal(other, await store.GetPageAsync(other.Id, CancellationToken.None));
        Assert.Equal(components[1].Name, (await store.GetComponentAsync(components[1].Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Conflicts_name_the_field_with_a_table_prefix_long_enough_to_truncate_index_names()
    {
        var store = await StoreOverCreatedDatabaseAsync<LongPrefixContext>("long_prefix", options => new LongPrefixContext(options));
        var page = Samples.Page("long");
        await store.AddPageAsync(page, CancellationToken.None);
        await store.AddComponentAsync(Samples.Component(page.Id, "API"), CancellationToken.None);
        await store.AddSubscriberAsync(Samples.Subscriber(page.Id, "ops@example.com"), [], CancellationToken.None);

        await AssertConflictsNameTheFieldAsync(store, page);
    }

    [Fact]
    public async Task Aggregates_round_trip_and_a_page_delete_cascades()
    {
        var store = Database.CreateStore();
        var (page, components, subscriber) = await SeedAsync(store, "roundtrip", 3);
        var window = await store.AddMaintenanceWindowAsync(Samples.Window(page.Id, [components[0].Id, components[1].Id]), [], CancellationToken.None);
        var incident = new StatusIncident
        {
            Id = Guid.CreateVersion7(),
            PageId = page.Id,
            Title = "Elevated errors",
            Message = "Looking into it",
            Severity = StatusIncidentSeverity.Major,
            ComponentIds = [components[2].Id],
            Updates = [new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0, StatusIncidentState.Investigating, "Looking into it")],
            CreatedAt = Samples.T0,
            UpdatedAt = Samples.T0,
        };
        await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
        Assert.True(await store.CommitStatusAsync(OutageCommit(page, components, subscriber, "rt"), CancellationToken.None));

        Assert.Equal(page, await store.GetPageAsync(page.Id, CancellationToken.None));
        Assert.Equal(page, await store.GetPageBySlugAsync("roundtrip", CancellationToken.None));
        Assert.Equal(components[0] with { Status = ComponentStatus.MajorOutage, StatusUpdatedAt = Samples.T0.AddMinutes(1) }, await store.GetComponentAsync(components[0].Id, CancellationToken.None));
        StoreAssert.Same(window, await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None));
        var storedIncident = await store.GetStatusIncidentAsync(incident.Id, CancellationToken.None);
        Assert.Equal(incident.Updates, storedIncident!.Updates);
        Assert.Equal(subscriber.Destination, (await store.GetSubscriberAsync(subscriber.Id, CancellationToken.None))!.Destination);

        var resolved = await store.AppendStatusIncidentUpdateAsync(
            incident.Id, new StatusIncidentUpdate(Guid.CreateVersion7(), Samples.T0.AddHours(1), StatusIncidentState.Resolved, "Fixed"), [], CancellationToken.None);
        Assert.Equal(2, resolved.Updates.Count);
        Assert.Equal(Samples.T0.AddHours(1), resolved.ResolvedAt);

        Assert.True(await store.DeletePageAsync(page.Id, null, CancellationToken.None));
        await using var context = Database.CreateContext();
        Assert.Equal(0, await context.Set<ComponentEntity>().CountAsync());
        Assert.Equal(0, await context.Set<StatusHistoryEntity>().CountAsync());
        Assert.Equal(0, await context.Set<NotificationEntity>().CountAsync());
        Assert.Equal(0, await context.Set<StatusIncidentUpdateEntity>().CountAsync());
        Assert.Equal(0, await context.Set<MaintenanceWindowEntity>().CountAsync());
        Assert.Equal(0, await context.Set<SubscriberEntity>().CountAsync());
    }

    /// <summary>The page has a component "API" and an email subscriber "ops@example.com".</summary>
    private static async Task AssertConflictsNameTheFieldAsync(IStatusStore store, StatusPage page)
    {
        var slug = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddPageAsync(Samples.Page(page.Slug), CancellationToken.None));
        Assert.Equal("slug", slug.Field);
        var name = await Assert.ThrowsAsync<StatusKitConflictException>(() => store.AddComponentAsync(Samples.Component(page.Id, "api"), CancellationToken.None));
        Assert.Equal("name", name.Field);
        var destination = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => store.AddSubscriberAsync(Samples.Subscriber(page.Id, "OPS@example.com"), [], CancellationToken.None));
        Assert.Equal("destination", destination.Field);
    }

    private async Task<int> MeasureRecomputeAsync(int componentCount)
    {
        var counter = new CommandCounter();
        var store = Database.CreateStore(counter);
        var (page, components, subscriber) = await SeedAsync(store, $"rt-{componentCount}", componentCount, team: $"team-{componentCount}");
        await store.AddMaintenanceWindowAsync(Samples.Window(page.Id, [components[0].Id], MaintenanceState.InProgress), [], CancellationToken.None);
        await store.ApplySignalAsync(
            new IncidentSignal
            {
                IncidentId = $"INC-{componentCount}",
                TeamId = $"team-{componentCount}",
                Priority = "Critical",
                State = PlatformIncidentState.Triggered,
                Version = 1,
                OccurredAt = Samples.T0,
            },
            CancellationToken.None);

        counter.Reset();
        var inputs = await store.LoadStatusInputsAsync(StatusScope.ForTeam($"team-{componentCount}"), CancellationToken.None);
        Assert.Equal(componentCount, inputs.Components.Count);
        Assert.Single(inputs.Pages);
        Assert.Single(inputs.OpenSignals);
        Assert.Single(inputs.InProgressWindows);
        Assert.Single(inputs.Subscribers);
        Assert.True(await store.CommitStatusAsync(OutageCommit(page, inputs.Components, subscriber, $"rt-{componentCount}"), CancellationToken.None));
        var commands = counter.Count;

        Assert.All(await store.ListComponentsAsync(page.Id, CancellationToken.None), c => Assert.Equal(ComponentStatus.MajorOutage, c.Status));
        Assert.Equal(componentCount, (await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 5000 }, CancellationToken.None)).Count);
        return commands;
    }

    private static StatusCommit OutageCommit(StatusPage page, IReadOnlyList<Component> components, Subscriber subscriber, string cause) => new(
        components.Select(c => new ComponentStatusChange(page.Id, c.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, Samples.T0.AddMinutes(1), cause)).ToArray(),
        components.Select(c => Samples.Notification(page.Id, subscriber.Id, $"{cause}:{subscriber.Id}:{c.Id}:outage", Samples.T0.AddMinutes(3), $"{subscriber.Id}:{c.Id}")).ToArray());

    private async Task<(StatusPage Page, Component[] Components, Subscriber Subscriber)> SeedAsync(
        IStatusStore store, string slug, int componentCount, string team = "team-a")
    {
        var page = Samples.Page(slug);
        await store.AddPageAsync(page, CancellationToken.None);
        var components = Enumerable.Range(0, componentCount).Select(i => Samples.Component(page.Id, $"Component {i:D4}", team, i)).ToArray();
        if (componentCount <= 10)
        {
            foreach (var component in components)
            {
                await store.AddComponentAsync(component, CancellationToken.None);
            }
        }
        else
        {
            // Seeding a big page through the context directly keeps the test fast; the store reads it back below.
            await using var context = Database.CreateContext();
            context.AddRange(components.Select(ComponentEntity.From));
            await context.SaveChangesAsync();
        }

        var subscriber = Samples.Subscriber(page.Id, $"ops-{slug}@example.com");
        await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        return (page, components, subscriber);
    }

    /// <summary>A host's own context with StatusKit's tables in a schema and with a prefix that both need quoting.</summary>
    public sealed class CustomModelContext(DbContextOptions<CustomModelContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyStatusKitModel(o => { o.Schema = "Status Kit"; o.TablePrefix = "Sk-"; });
    }

    /// <summary>A host's own context whose table prefix makes index names longer than PostgreSQL's 63 bytes.</summary>
    public sealed class LongPrefixContext(DbContextOptions<LongPrefixContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyStatusKitModel(o => o.TablePrefix = "acme_platform_public_statuskit_");
    }
}
