using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Audit;
using StatusKit.Configuration;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

public sealed class AuditLogTests
{
    [Fact]
    public async Task PageOperations_RecordCreatedUpdatedAccessChangedAndDeleted_WithTheChangedFieldNames()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme Cloud", AccentColor = "#336699" });
        await kit.Pages.SetVisibilityAsync(page.Id, isPublic: false);
        await kit.Pages.RegenerateAccessTokenAsync(page.Id);
        await kit.Pages.DeleteAsync(page.Id);

        Assert.Equal(
            [
                ("page.deleted", "page", page.Id, ""),
                ("page.access-changed", "page", page.Id, "accessToken"),
                ("page.access-changed", "page", page.Id, "isPublic,accessToken"),
                ("page.updated", "page", page.Id, "name,accentColor"),
                ("page.created", "page", page.Id, ""),
            ],
            await ActionsAsync(kit, page.Id));
    }

    [Fact]
    public async Task AnUpdateThatChangesNothing_RecordsNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "team-a", null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Slow", Message = "Looking" });
        var before = (await ActionsAsync(kit, page.Id)).Count;

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage());
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme" });
        await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent());
        await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { Name = "API", TeamId = "team-a" });
        await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "Slow" });
        await kit.Pages.SetVisibilityAsync(page.Id, isPublic: true);

        Assert.Equal(before, (await ActionsAsync(kit, page.Id)).Count);
    }

    [Fact]
    public async Task ComponentOperations_RecordEachChange_OnTheComponent_AndTheReorderOnThePage()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));

        await kit.Components.UpdateAsync(c[0].Id, new UpdateComponent { Description = "The REST API", GroupName = "Core" });
        await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage);
        await kit.Components.ClearManualStatusAsync(c[0].Id);
        await kit.Components.ReorderAsync(page.Id, [c[1].Id, c[0].Id]);
        await kit.Components.ReorderAsync(page.Id, [c[1].Id, c[0].Id]);
        await kit.Components.DeleteAsync(c[1].Id);

        Assert.Equal(
            [
                ("component.deleted", "component", c[1].Id, ""),
                ("components.reordered", "page", page.Id, "displayOrder"),
                ("component.updated", "component", c[0].Id, "manualStatus"),
                ("component.updated", "component", c[0].Id, "manualStatus"),
                ("component.updated", "component", c[0].Id, "description,groupName"),
                ("component.created", "component", c[1].Id, ""),
                ("component.created", "component", c[0].Id, ""),
                ("page.created", "page", page.Id, ""),
            ],
            await ActionsAsync(kit, page.Id));
    }

    [Fact]
    public async Task Reorder_ThatChangesNothing_RecordsNothing_EvenWhenAnotherChangeMovedThePageMeanwhile()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        await kit.Components.ReorderAsync(page.Id, [c[0].Id, c[1].Id]);
        var raced = false;
        // Another operator renames the page between the reorder's read of the page and its write.
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != "ReorderComponentsAsync" || raced)
            {
                return null;
            }

            raced = true;
            return kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme Cloud" });
        };

        await kit.Components.ReorderAsync(page.Id, [c[0].Id, c[1].Id]);

        Assert.True(raced);
        Assert.DoesNotContain(await ActionsAsync(kit, page.Id), e => e.Action == "components.reordered");
    }

    [Fact]
    public async Task Reorder_ThatChangesTheOrder_RecordsOneEntryOnThePage_EvenWhenAnotherChangeMovedThePageMeanwhile()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        await kit.Components.ReorderAsync(page.Id, [c[0].Id, c[1].Id]);
        var raced = false;
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != "ReorderComponentsAsync" || raced)
            {
                return null;
            }

            raced = true;
            return kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme Cloud" });
        };

        await kit.Components.ReorderAsync(page.Id, [c[1].Id, c[0].Id]);

        Assert.Equal(
            [("components.reordered", "page", page.Id, "displayOrder"), ("page.updated", "page", page.Id, "name")],
            (await ActionsAsync(kit, page.Id)).Take(2));
        Assert.Equal([c[1].Id, c[0].Id], (await kit.Components.ListAsync(page.Id)).OrderBy(x => x.DisplayOrder).Select(x => x.Id));
    }

    [Fact]
    public async Task IncidentOperations_RecordCreatedUpdatedUpdateAddedPostmortemAndDeleted()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Slow", Message = "Looking" });

        await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id] });
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it");
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Still on it");
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed");
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.");
        await kit.Incidents.PublishPostmortemAsync(incident.Id, "What happened.");
        await kit.Incidents.RemovePostmortemAsync(incident.Id);
        await kit.Incidents.DeleteAsync(incident.Id);

        Assert.Equal(
            [
                ("incident.deleted", "incident", incident.Id, ""),
                ("postmortem.removed", "incident", incident.Id, "postmortem"),
                ("postmortem.published", "incident", incident.Id, "postmortem"),
                ("incident.update-added", "incident", incident.Id, "state,message"),
                ("incident.update-added", "incident", incident.Id, "message"),
                ("incident.update-added", "incident", incident.Id, "state,message"),
                ("incident.updated", "incident", incident.Id, "severity,componentIds"),
                ("incident.created", "incident", incident.Id, ""),
            ],
            (await ActionsAsync(kit, page.Id)).Take(8));
    }

    [Fact]
    public async Task MaintenanceOperations_RecordCreatedUpdatedStartedCompletedCancelledAndDeleted()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var maintenance = kit.Get<MaintenanceService>();
        var now = kit.Clock.GetUtcNow();
        CreateMaintenanceWindow Window(string title) => new()
        {
            PageId = page.Id, Title = title, StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [c[0].Id],
        };
        var first = await maintenance.CreateAsync(Window("Upgrade"));
        var second = await maintenance.CreateAsync(Window("Failover"));

        await maintenance.UpdateAsync(first.Id, new UpdateMaintenanceWindow { Title = "Database upgrade", EndsAt = now.AddHours(3) });
        await maintenance.UpdateAsync(first.Id, new UpdateMaintenanceWindow { Title = "Database upgrade" });
        await maintenance.StartNowAsync(first.Id);
        await maintenance.CompleteNowAsync(first.Id);
        await maintenance.CancelAsync(second.Id);
        await maintenance.DeleteAsync(second.Id);

        Assert.Equal(
            [
                ("maintenance.deleted", "maintenance", second.Id, ""),
                ("maintenance.cancelled", "maintenance", second.Id, "state"),
                ("maintenance.completed", "maintenance", first.Id, "endsAt,state"),
                ("maintenance.started", "maintenance", first.Id, "startsAt,state"),
                ("maintenance.updated", "maintenance", first.Id, "title,endsAt"),
                ("maintenance.created", "maintenance", second.Id, ""),
                ("maintenance.created", "maintenance", first.Id, ""),
            ],
            (await ActionsAsync(kit, page.Id)).Take(7));
    }

    [Fact]
    public async Task SubscriberOperations_RecordEachChange_ButNeverTheDestinationOrSecret()
    {
        const string Hook = "https://151.101.1.140/very-secret-path";
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = Hook, PreVerified = true,
        })).Subscriber;

        await kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [c[0].Id] });
        var rotated = await kit.Subscribers.RotateSigningSecretAsync(subscriber.Id);
        await kit.Subscribers.DeactivateAsync(subscriber.Id);
        await kit.Subscribers.DeactivateAsync(subscriber.Id);
        await kit.Subscribers.ReactivateAsync(subscriber.Id);
        await kit.Subscribers.DeleteAsync(subscriber.Id);

        Assert.Equal(
            [
                ("subscriber.deleted", "subscriber", subscriber.Id, ""),
                ("subscriber.reactivated", "subscriber", subscriber.Id, "isActive"),
                ("subscriber.deactivated", "subscriber", subscriber.Id, "isActive"),
                ("subscriber.updated", "subscriber", subscriber.Id, "signingSecret"),
                ("subscriber.updated", "subscriber", subscriber.Id, "componentIds"),
                ("subscriber.created", "subscriber", subscriber.Id, ""),
            ],
            (await ActionsAsync(kit, page.Id)).Take(6));
        var written = JsonSerializer.Serialize((await kit.Get<AuditLog>().ListAsync(page.Id, limit: 200)).Entries);
        Assert.DoesNotContain("151.101.1.140", written, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated.SigningSecret!, written, StringComparison.Ordinal);
        Assert.DoesNotContain(subscriber.SigningSecret!, written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateOperations_RecordCreatedUpdatedAndDeleted()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = kit.Get<IncidentTemplateService>();
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "DB", Title = "T", Message = "M" });

        await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Message = "New wording" });
        await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Message = "New wording" });
        await templates.DeleteAsync(template.Id);

        Assert.Equal(
            [
                ("template.deleted", "template", template.Id, ""),
                ("template.updated", "template", template.Id, "message"),
                ("template.created", "template", template.Id, ""),
            ],
            (await ActionsAsync(kit, page.Id)).Take(3));
    }

    [Fact]
    public async Task Imports_RecordOneEntryEach_OnThePage()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await kit.Get<ComponentImportService>().ImportAsync(page.Id, [new ImportedComponent { StatuspageId = "c1", Name = "API" }]);
        await kit.Get<SubscriberImportService>().ImportAsync(
            page.Id,
            [
                new ImportedSubscriber { Row = 2, Channel = "webhook", Destination = "https://151.101.1.140/a" },
                new ImportedSubscriber { Row = 3, Channel = "webhook", Destination = "https://151.101.1.140/b" },
            ]);

        Assert.Equal(
            [("subscribers.imported", "page", page.Id, ""), ("components.imported", "page", page.Id, ""), ("page.created", "page", page.Id, "")],
            await ActionsAsync(kit, page.Id));
    }

    [Fact]
    public async Task IncidentAndMaintenanceImports_RecordOneEntryEach_AndAnImportThatAddsNothingRecordsNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var past = kit.Clock.GetUtcNow().AddDays(-3);
        ImportedIncident[] incidents =
        [
            new ImportedIncident
            {
                StatuspageId = "inc1", Title = "API errors", State = StatusIncidentState.Resolved, CreatedAt = past, ResolvedAt = past.AddHours(1),
                Updates = [new ImportedIncidentUpdate(past.AddHours(1), StatusIncidentState.Resolved, "Fixed.")],
            },
        ];
        ImportedMaintenance[] maintenances =
        [
            new ImportedMaintenance
            {
                StatuspageId = "mnt1", Title = "Database upgrade", State = MaintenanceState.Completed, CreatedAt = past.AddDays(-1),
                ScheduledFor = past, ScheduledUntil = past.AddHours(1),
            },
        ];

        await kit.Get<IncidentImportService>().ImportAsync(page.Id, incidents);
        await kit.Get<MaintenanceImportService>().ImportAsync(page.Id, maintenances);
        await kit.Get<IncidentImportService>().ImportAsync(page.Id, incidents);
        await kit.Get<MaintenanceImportService>().ImportAsync(page.Id, maintenances);

        Assert.Equal(
            [("maintenance.imported", "page", page.Id, ""), ("incidents.imported", "page", page.Id, ""), ("page.created", "page", page.Id, "")],
            await ActionsAsync(kit, page.Id));
    }

    [Fact]
    public async Task Entries_NameTheActorTheAccessorGives_AndSystemByDefault()
    {
        var actor = new SettableActor();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(actor));
        await using var plain = new StatusKitHarness();

        actor.Name = "alice@example.com";
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        actor.Name = "  ";
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme 2" });
        var other = await plain.Pages.CreateAsync(new CreateStatusPage { Name = "Other" });

        var entries = (await kit.Get<AuditLog>().ListAsync(page.Id)).Entries;
        Assert.Equal(["system", "alice@example.com"], entries.Select(e => e.Actor));
        Assert.Equal("system", Assert.Single((await plain.Get<AuditLog>().ListAsync(other.Id)).Entries).Actor);
        Assert.All(entries, e => Assert.Equal(kit.Clock.GetUtcNow(), e.OccurredAt));
        Assert.All(entries, e => Assert.Equal(7, e.Id.Version));
    }

    [Fact]
    public async Task AFailingAuditWrite_IsLogged_AndDoesNotFailTheChange()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        kit.StoreControl.Before = (method, _) => method == "AddAuditEntryAsync" ? throw new InvalidOperationException("audit table gone") : null;

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        Assert.NotNull(await kit.Pages.GetAsync(page.Id));
        var lost = Assert.Single(logs.Entries, e => e.EventId.Id == 1034);
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.Contains("page.created", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesNewestFirstWithACursor_AndFiltersByActionPrefixAndTarget()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        for (var i = 0; i < 3; i++)
        {
            await kit.Components.UpdateAsync(c[0].Id, new UpdateComponent { Description = $"v{i}" });
        }

        var log = kit.Get<AuditLog>();
        var first = await log.ListAsync(page.Id, limit: 4);
        var second = await log.ListAsync(page.Id, limit: 4, cursor: first.NextCursor);
        var components = await log.ListAsync(page.Id, actionPrefix: "component.created");
        var api = await log.ListAsync(page.Id, targetId: c[0].Id);

        Assert.Equal(4, first.Entries.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Equal(["component.created", "page.created"], second.Entries.Select(e => e.Action));
        Assert.Null(second.NextCursor);
        Assert.Equal([c[1].Id, c[0].Id], components.Entries.Select(e => e.TargetId));
        Assert.Equal(4, api.Entries.Count);
        Assert.True(AuditLogCursor.TryParse(first.NextCursor!.ToString(), out var parsed));
        Assert.Equal(first.NextCursor, parsed);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(201, null, "limit")]
    [InlineData(50, " ", "action")]
    public async Task List_WithABadLimitOrActionFilter_IsAValidationErrorNamingIt(int limit, string? action, string field)
    {
        await using var kit = new StatusKitHarness();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Get<AuditLog>().ListAsync(Guid.NewGuid(), limit, actionPrefix: action));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task List_OfAPageThatNeverExisted_IsNotFoundNamingPageId()
    {
        await using var kit = new StatusKitHarness();

        var error = await Assert.ThrowsAsync<StatusKitNotFoundException>(() => kit.Get<AuditLog>().ListAsync(Guid.NewGuid(), actionPrefix: "page."));

        Assert.Equal("pageId", error.Field);
    }

    [Fact]
    public async Task List_OfADeletedPage_KeepsItsEntries_AndAnEmptyFilterIsAnEmptyList()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        await kit.Pages.DeleteAsync(page.Id);

        var all = await kit.Get<AuditLog>().ListAsync(page.Id);
        var none = await kit.Get<AuditLog>().ListAsync(page.Id, actionPrefix: "component.");

        Assert.Equal(["page.deleted", "page.created"], all.Entries.Select(e => e.Action));
        Assert.Empty(none.Entries);
    }

    [Fact]
    public async Task List_OfAnExistingPageWhoseEntriesWerePruned_IsAnEmptyList()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        await kit.Store.DeleteAuditEntriesAsync(kit.Clock.GetUtcNow().AddSeconds(1), CancellationToken.None);

        var log = await kit.Get<AuditLog>().ListAsync(page.Id);

        Assert.Empty(log.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cursor")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Cursor_TryParse_RefusesWhatIsNotACursor(string text) => Assert.False(AuditLogCursor.TryParse(text, out _));

    [Fact]
    public async Task Pruning_DeletesTheEntriesOlderThanTheRetention_OfDeletedPagesToo()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddLogging(b => b.AddProvider(logs));
            services.Configure<StatusPagesOptions>(o => o.AuditLogRetention = TimeSpan.FromDays(30));
        });
        var old = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Old" });
        await kit.Pages.DeleteAsync(old.Id);
        kit.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Recent" });
        var pruning = new AuditLogPruning(
            kit.Store, kit.Get<IOptions<StatusPagesOptions>>(), kit.Clock, null, logs.CreateLogger<AuditLogPruning>());
        kit.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromSeconds(1));

        var removed = await pruning.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        // A deleted page whose entries are all pruned is a page id that names nothing.
        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => kit.Get<AuditLog>().ListAsync(old.Id));
        Assert.Single((await kit.Get<AuditLog>().ListAsync(recent.Id)).Entries);
        Assert.Equal(1, logs.Count(1035));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(4000.0)]
    public void Options_WithAnAuditLogRetentionOutOfRange_FailValidation(double days)
    {
        var result = new StatusPagesOptionsValidator().Validate(null, new StatusPagesOptions { AuditLogRetention = TimeSpan.FromDays(days) });

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("AuditLogRetention:", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<(string Action, string Kind, Guid Target, string Fields)>> ActionsAsync(StatusKitHarness kit, Guid pageId) =>
        [.. (await kit.Get<AuditLog>().ListAsync(pageId, limit: 200)).Entries.Select(e => (e.Action, e.TargetKind, e.TargetId, string.Join(",", e.Fields)))];

    private sealed class SettableActor : IAuditActorAccessor
    {
        public string? Name { get; set; }

        public string? GetActor() => Name;
    }
}
