using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class IncidentTemplateServiceTests
{
    [Fact]
    public async Task Create_StoresTheTrimmedFields_AtVersion1_AndListsThePagesTemplatesByName()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var templates = Templates(kit);
        await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "zz last", Title = "T", Message = "M" });

        var template = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = " Database down ", Title = " Database unavailable ", Message = " We are investigating. ",
            Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[1].Id, c[0].Id],
        });

        Assert.Equal(
            ("Database down", "Database unavailable", "We are investigating.", StatusIncidentSeverity.Critical, 1L),
            (template.Name, template.Title, template.Message, template.Severity, template.Version));
        Assert.Equal([c[1].Id, c[0].Id], template.ComponentIds);
        Assert.Equal(7, template.Id.Version);
        Assert.Equal((kit.Clock.GetUtcNow(), kit.Clock.GetUtcNow()), (template.CreatedAt, template.UpdatedAt));
        SameRecord(template, await templates.GetAsync(template.Id));
        Assert.Equal(["Database down", "zz last"], (await templates.ListAsync(page.Id)).Select(t => t.Name));
    }

    [Fact]
    public async Task Create_WithoutSeverityOrComponents_IsMinor_AndNamesNone()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M" });

        Assert.Equal((StatusIncidentSeverity.Minor, 0), (template.Severity, template.ComponentIds.Count));
    }

    public static TheoryData<string, string, string, string, int> InvalidCreates => new()
    {
        { "blank name", " ", "T", "M", 0 },
        { "name", new string('n', 201), "T", "M", 0 },
        { "blank title", "N", "", "M", 0 },
        { "title", "N", new string('t', 201), "M", 0 },
        { "blank message", "N", "T", "  ", 0 },
        { "message", "N", "T", new string('m', 20_001), 0 },
        { "severity", "N", "T", "M", 99 },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_WithInvalidInput_IsRefusedNamingTheField_WithTheLimitsOfAStatusIncident(string @case, string name, string title, string message, int severity)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var field = @case.Replace("blank ", string.Empty, StringComparison.Ordinal);

        await InvalidAsync(kit, field, () => Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = name, Title = title, Message = message, Severity = (StatusIncidentSeverity)severity,
        }));
        // The same text is refused on a status incident, by the same check.
        if (field is "title" or "message")
        {
            await InvalidAsync(kit, field, () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = title, Message = message }));
        }
    }

    [Fact]
    public async Task Create_WithAComponentOfAnotherPage_IsRefusedNamingComponentIds()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (_, other) = await kit.CreatePageAsync("Other", ("API", null, null));

        await InvalidAsync(kit, "componentIds", () => Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "N", Title = "T", Message = "M", ComponentIds = [other[0].Id],
        }));
    }

    [Fact]
    public async Task Create_OnAMissingPage_IsNotFoundNamingPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = Guid.NewGuid(), Name = "N", Title = "T", Message = "M",
        }));
    }

    [Fact]
    public async Task Create_WithANameThePageHasInAnotherCase_IsAConflictNamingName()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await Templates(kit).CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "Database down", Title = "T", Message = "M" });

        await RejectsAsync<StatusKitConflictException>(kit, "name", () => Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "DATABASE DOWN", Title = "Other", Message = "Other",
        }));
    }

    [Fact]
    public async Task Update_ChangesOnlyTheNamedFields_AndMovesTheVersionAndTime()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M", ComponentIds = [c[0].Id] });
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Message = " New wording ", Severity = StatusIncidentSeverity.Major });

        Assert.Equal(("N", "T", "New wording", StatusIncidentSeverity.Major, 2L), (updated.Name, updated.Title, updated.Message, updated.Severity, updated.Version));
        Assert.Equal([c[0].Id], updated.ComponentIds);
        Assert.Equal((template.CreatedAt, kit.Clock.GetUtcNow()), (updated.CreatedAt, updated.UpdatedAt));
    }

    [Fact]
    public async Task Update_ThatChangesNoField_WritesNothing_AndKeepsTheVersion()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M", ComponentIds = [c[0].Id] });
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var writes = WriteCount(kit.StoreControl);

        var same = await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Title = " T ", ComponentIds = [c[0].Id] });
        var empty = await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate());

        Assert.Equal(writes, WriteCount(kit.StoreControl));
        Assert.Equal((1L, template.UpdatedAt), (same.Version, same.UpdatedAt));
        Assert.Equal(1L, empty.Version);
    }

    [Fact]
    public async Task Update_WithAStaleExpectedVersion_ThrowsConcurrency_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M" });
        await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Title = "First" });

        await RejectsAsync<StatusKitConcurrencyException>(kit, null, () => templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Title = "Lost", ExpectedVersion = 1 }));
    }

    [Fact]
    public async Task Update_WithInvalidInput_OrOfAMissingTemplate_IsRefusedNamingTheField()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M" });

        await InvalidAsync(kit, "title", () => templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Title = new string('t', 201) }));
        await InvalidAsync(kit, "componentIds", () => templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { ComponentIds = [Guid.NewGuid()] }));
        await RejectsAsync<StatusKitNotFoundException>(kit, "templateId", () => templates.UpdateAsync(Guid.NewGuid(), new UpdateIncidentTemplate { Title = "T" }));
    }

    [Fact]
    public async Task Delete_RemovesIt_AtTheExpectedVersionOnly()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M" });

        await RejectsAsync<StatusKitConcurrencyException>(kit, null, () => templates.DeleteAsync(template.Id, expectedVersion: 2));
        Assert.True(await templates.DeleteAsync(template.Id, expectedVersion: 1));
        Assert.Null(await templates.GetAsync(template.Id));
        Assert.False(await templates.DeleteAsync(template.Id));
    }

    [Fact]
    public async Task CreateUpdateAndDelete_Log1028And1029AtInformation_WithTheTemplateAndItsPage()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);

        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "Secret wording" });
        await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { Title = "T2" });
        await templates.DeleteAsync(template.Id);

        var saved = logs.Entries.Where(e => e.EventId.Id == 1028).ToList();
        Assert.Equal(2, saved.Count);
        Assert.All(saved, e => Assert.Equal(("StatusKit.Services.IncidentTemplateService", LogLevel.Information), (e.Category, e.Level)));
        Assert.All(saved, e => Assert.Contains(template.Id.ToString(), e.Message, StringComparison.Ordinal));
        Assert.Contains("version 2", saved[1].Message, StringComparison.Ordinal);
        var deleted = Assert.Single(logs.Entries, e => e.EventId.Id == 1029);
        Assert.Contains(page.Id.ToString(), deleted.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("Secret wording", StringComparison.Ordinal));
    }

    // ---- Creating a status incident from a template ---------------------------------------------------------

    [Fact]
    public async Task CreateIncident_FromATemplate_TakesItsTitleMessageSeverityAndComponents_AndMovesTheirStatus()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "API down", Title = "API unavailable", Message = "Requests fail.", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[0].Id],
        });

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id });

        Assert.Equal(("API unavailable", "Requests fail.", StatusIncidentSeverity.Critical), (incident.Title, incident.Message, incident.Severity));
        Assert.Equal([c[0].Id], incident.ComponentIds);
        Assert.Equal("Requests fail.", Assert.Single(incident.Updates).Message);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[1].Id))!.Status);
    }

    [Fact]
    public async Task CreateIncident_FromATemplate_TakesWhatTheRequestGivesOverTheTemplate()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "API down", Title = "API unavailable", Message = "Requests fail.", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[0].Id],
        });

        var titled = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id, Title = "API slow in EU" });
        var everything = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, TemplateId = template.Id, Title = "Web down", Message = "Pages fail.", Severity = StatusIncidentSeverity.Minor, ComponentIds = [c[1].Id],
        });
        var noComponents = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id, ComponentIds = [] });

        Assert.Equal(("API slow in EU", "Requests fail.", StatusIncidentSeverity.Critical), (titled.Title, titled.Message, titled.Severity));
        Assert.Equal([c[0].Id], titled.ComponentIds);
        Assert.Equal(("Web down", "Pages fail.", StatusIncidentSeverity.Minor), (everything.Title, everything.Message, everything.Severity));
        Assert.Equal([c[1].Id], everything.ComponentIds);
        Assert.Empty(noComponents.ComponentIds);
    }

    [Fact]
    public async Task CreateIncident_WithAnUnknownTemplate_OrOneOfAnotherPage_IsRefusedNamingTemplateId()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (other, _) = await kit.CreatePageAsync("Other");
        var foreign = await Templates(kit).CreateAsync(new CreateIncidentTemplate { PageId = other.Id, Name = "N", Title = "T", Message = "M" });

        await InvalidAsync(kit, "templateId", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = Guid.NewGuid() }));
        await InvalidAsync(kit, "templateId", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = foreign.Id, Title = "T", Message = "M" }));
    }

    [Fact]
    public async Task CreateIncident_WithoutATemplate_StillNeedsATitleAndAMessage()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await InvalidAsync(kit, "title", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Message = "M" }));
        await InvalidAsync(kit, "message", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "T" }));
    }

    [Fact]
    public async Task CreateIncident_FromATemplate_NotifiesTheSubscribersAsAnyIncident()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true });
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "API down", Title = "API unavailable", Message = "Requests fail.", Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id],
        });

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal(NotificationKind.StatusIncidentCreated, notice.Content.Kind);
        Assert.Equal("[Acme] New incident: API unavailable", notice.Content.Subject);
        Assert.Equal("Requests fail.\n\nAffected components: API", notice.Content.Body);
    }

    [Fact]
    public async Task EditingOrDeletingATemplate_NeverChangesTheIncidentsCreatedFromIt()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "API down", Title = "API unavailable", Message = "Requests fail.", Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id],
        });
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id });

        await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate
        {
            Name = "Renamed", Title = "Other", Message = "Other", Severity = StatusIncidentSeverity.Minor, ComponentIds = [c[1].Id],
        });
        var afterEdit = await kit.Incidents.GetAsync(incident.Id);
        await templates.DeleteAsync(template.Id);
        var afterDelete = await kit.Incidents.GetAsync(incident.Id);

        SameRecord(incident, afterEdit);
        SameRecord(incident, afterDelete);
    }

    // ---- A template's state, and posting an update from a template -----------------------------------------

    [Fact]
    public async Task CreateAndUpdate_CarryTheStateOfItsUpdates_NoneByDefault()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);

        var stateless = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "A", Title = "T", Message = "M" });
        var identified = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "B", Title = "T", Message = "M", State = StatusIncidentState.Identified,
        });
        var monitoring = await templates.UpdateAsync(identified.Id, new UpdateIncidentTemplate { State = StatusIncidentState.Monitoring });
        var kept = await templates.UpdateAsync(identified.Id, new UpdateIncidentTemplate { Title = "T2" });

        Assert.Null(stateless.State);
        Assert.Equal(StatusIncidentState.Identified, identified.State);
        Assert.Equal((StatusIncidentState.Monitoring, 2L), (monitoring.State, monitoring.Version));
        Assert.Equal(StatusIncidentState.Monitoring, kept.State);
        Assert.Equal(StatusIncidentState.Monitoring, (await templates.GetAsync(identified.Id))!.State);
    }

    [Fact]
    public async Task Update_WithClearState_TakesTheStateBackToNone_AndAgainWritesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "N", Title = "T", Message = "M", State = StatusIncidentState.Identified,
        });

        var cleared = await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { ClearState = true });
        var writes = WriteCount(kit.StoreControl);
        var again = await templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { ClearState = true });

        Assert.Equal(((StatusIncidentState?)null, 2L), (cleared.State, cleared.Version));
        Assert.Null((await templates.GetAsync(template.Id))!.State);
        Assert.Equal(writes, WriteCount(kit.StoreControl));
        Assert.Equal(2L, again.Version);
    }

    [Fact]
    public async Task Update_WithAStateAndClearStateBoth_IsRefusedNamingState_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "N", Title = "T", Message = "M", State = StatusIncidentState.Identified,
        });

        await InvalidAsync(kit, "state", () => templates.UpdateAsync(
            template.Id, new UpdateIncidentTemplate { State = StatusIncidentState.Monitoring, ClearState = true }));

        Assert.Equal((StatusIncidentState.Identified, 1L), ((await templates.GetAsync(template.Id))!.State, (await templates.GetAsync(template.Id))!.Version));
    }

    [Fact]
    public async Task CreateAndUpdate_WithAnUndefinedState_AreRefusedNamingState()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var template = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "M" });

        await InvalidAsync(kit, "state", () => templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Other", Title = "T", Message = "M", State = (StatusIncidentState)42,
        }));
        await InvalidAsync(kit, "state", () => templates.UpdateAsync(template.Id, new UpdateIncidentTemplate { State = (StatusIncidentState)42 }));
    }

    [Fact]
    public async Task CreateIncident_FromATemplateWithAState_StartsInIt_UnlessTheRequestSetsAState()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var templates = Templates(kit);
        var identified = await templates.CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Known cause", Title = "T", Message = "M", State = StatusIncidentState.Identified,
        });
        var stateless = await templates.CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "Unknown", Title = "T", Message = "M" });

        var fromTemplate = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = identified.Id });
        var setInvestigating = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, TemplateId = identified.Id, State = StatusIncidentState.Investigating,
        });
        var withoutTemplateState = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = stateless.Id });

        Assert.Equal(StatusIncidentState.Identified, fromTemplate.State);
        Assert.Equal(StatusIncidentState.Identified, Assert.Single(fromTemplate.Updates).State);
        Assert.Equal(StatusIncidentState.Investigating, setInvestigating.State);
        Assert.Equal(StatusIncidentState.Investigating, withoutTemplateState.State);
    }

    [Fact]
    public async Task CreateIncident_FromAResolvedTemplate_IsResolvedAtOnce()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Blip", Title = "T", Message = "M", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[0].Id],
            State = StatusIncidentState.Resolved,
        });

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, TemplateId = template.Id });

        Assert.Equal((StatusIncidentState.Resolved, kit.Clock.GetUtcNow()), (incident.State, incident.ResolvedAt));
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
    }

    [Fact]
    public async Task AddUpdate_FromATemplate_TakesItsMessageAndState()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking.", ComponentIds = [c[0].Id] });
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Fix deployed", Title = "T", Message = "A fix has been deployed; we are monitoring.", State = StatusIncidentState.Monitoring,
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id });

        Assert.Equal(StatusIncidentState.Monitoring, updated.State);
        var update = updated.Updates[^1];
        Assert.Equal(
            (StatusIncidentState.Monitoring, "A fix has been deployed; we are monitoring.", kit.Clock.GetUtcNow(), true),
            (update.State, update.Message, update.At, update.NotifySubscribers));
        Assert.Equal(2, updated.Updates.Count);
    }

    [Fact]
    public async Task AddUpdate_FromATemplate_TakesWhatTheRequestGivesOverTheTemplate()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking." });
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Identified", Title = "T", Message = "We found the cause.", State = StatusIncidentState.Identified,
        });

        var stated = await kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id, State = StatusIncidentState.Resolved });
        var worded = await kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id, Message = "A bad deploy." });

        Assert.Equal((StatusIncidentState.Resolved, "We found the cause."), (stated.Updates[^1].State, stated.Updates[^1].Message));
        Assert.NotNull(stated.ResolvedAt);
        Assert.Equal((StatusIncidentState.Identified, "A bad deploy."), (worded.Updates[^1].State, worded.Updates[^1].Message));
    }

    [Fact]
    public async Task AddUpdate_FromATemplateWithoutAState_NeedsTheRequestsState()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking." });
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate { PageId = page.Id, Name = "N", Title = "T", Message = "Still looking." });

        await InvalidAsync(kit, "state", () => kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id }));
        var updated = await kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id, State = StatusIncidentState.Investigating });

        Assert.Equal("Still looking.", updated.Updates[^1].Message);
    }

    [Fact]
    public async Task AddUpdate_WithAnUnknownTemplate_OrOneOfAnotherPage_IsRefusedNamingTemplateId()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (other, _) = await kit.CreatePageAsync("Other");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking." });
        var foreign = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = other.Id, Name = "N", Title = "T", Message = "M", State = StatusIncidentState.Identified,
        });

        await InvalidAsync(kit, "templateId", () => kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = Guid.NewGuid() }));
        await InvalidAsync(kit, "templateId", () => kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = foreign.Id }));
        Assert.Single((await kit.Incidents.GetAsync(incident.Id))!.Updates);
    }

    [Fact]
    public async Task AddUpdate_WithoutATemplate_NeedsAStateAndAMessage()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking." });

        await InvalidAsync(kit, "state", () => kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { Message = "M" }));
        await InvalidAsync(kit, "message", () => kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { State = StatusIncidentState.Identified }));
    }

    [Fact]
    public async Task AddUpdate_FromATemplate_NotifiesTheSubscribersAsAnyUpdate()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true });
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "Looking.", ComponentIds = [c[0].Id] });
        var template = await Templates(kit).CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Resolved", Title = "T", Message = "All requests succeed again.", State = StatusIncidentState.Resolved,
        });

        await kit.Incidents.AddUpdateAsync(incident.Id, new AddStatusIncidentUpdate { TemplateId = template.Id });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id), n => n.Content.Kind == NotificationKind.StatusIncidentResolved);
        Assert.Equal(incident.Id, notice.Content.StatusIncidentId);
        Assert.Contains("All requests succeed again.", notice.Content.Body, StringComparison.Ordinal);
    }

    private static IncidentTemplateService Templates(StatusKitHarness kit) => kit.Get<IncidentTemplateService>();
}
