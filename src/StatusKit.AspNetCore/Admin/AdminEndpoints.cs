using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Audit;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The admin API under <c>{prefix}/admin</c>: pages, components (reorder, manual status), public status incidents,
/// their updates and postmortems, incident templates, page (system) metrics and their points, subscribers, their delivery log and test notices, access tokens, and incident signals. Errors are RFC 9457 problem details naming the field.
/// A single page, component, incident, template, metric, subscriber or window is answered with its <c>ETag</c> (its version,
/// <see cref="EntityTags"/>), and so is every write that changes one: a page's visibility, access token and component
/// order answer the page's new ETag. Its <c>PATCH</c>, <c>PUT</c> and <c>DELETE</c>, a page's visibility, access token and
/// component order (against the page's ETag), a window's transitions and a subscriber's deactivation and signing secret honour
/// <c>If-Match</c> (<see cref="Preconditions"/>; 412 when it fails). A <c>201 Created</c> carries the <c>Location</c> of
/// the admin route that reads what it created (<see cref="AdminLocations"/>). Each endpoint declares that contract
/// (<see cref="AdminContract"/>), which the host's OpenAPI document shows (<see cref="OpenApiHeaders"/>).
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.KeptByNoCache().AddEndpointFilter<AdminWritesRenderAgain>().AddEndpointFilter<StatusKitExceptionFilter>().DisableAntiforgery().WithMetadata(AdminApiEndpoint.Instance);
        BodyContentTypes.AnswerWithProblems(admin);
        admin.AddOpenApiOperationTransformer(OpenApiHeaders.DeclareAsync);
        admin.AddOpenApiOperationTransformer(AdminQueryParameters.DeclareAsync);
        MapPages(admin, locations);
        MapComponents(admin, locations);
        MapIncidents(admin, locations);
        MapIncidentTemplates(admin, locations);
        MapMetrics(admin, locations);
        MapSubscribers(admin, locations);
        MapMaintenance(admin, locations);
        MapNotificationLog(admin, locations);
        MapAuditLog(admin);
        admin.MapPost("/signals", async (HttpContext context, IIncidentIntake intake) =>
            {
                var signal = await AdminJson.ReadAsync<IncidentSignal>(context);
                var result = await intake.ReportIncidentAsync(signal, context.RequestAborted);
                return AdminJson.Json(new SignalResponse(signal.IncidentId, signal.Version, result.ToString()), StatusCodes.Status202Accepted);
            })
            .WithName("StatusKit.Admin.Signal")
            .WithSummary("Report the latest state of a platform incident (idempotent, ordered by version; a changed signal under a version already stored is a 409 naming version).")
            .Accepts<IncidentSignal>("application/json").Produces<SignalResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .MayConflict();
    }

    private static void MapPages(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages", async (StatusPageService pages, string? teamId, CancellationToken ct) =>
            AdminJson.Json((await pages.ListAsync(teamId, ct)).Select(AdminPage.From)))
            .WithName("StatusKit.Admin.ListPages").Produces<AdminPage[]>();
        admin.MapPost("/pages", async (HttpContext context, StatusPageService pages) =>
            {
                var created = await pages.CreateWithAccessTokenAsync(await AdminJson.ReadAsync<CreateStatusPage>(context), context.RequestAborted);
                return EntityTags.Created(AdminPage.From(created), created.Page.Version, locations.Of(context.Request, "pages", created.Page.Id));
            })
            .WithName("StatusKit.Admin.CreatePage").WithSummary("Create a page; a private page comes with its access token (shown once).")
            .Accepts<CreateStatusPage>("application/json").Produces<AdminPage>(StatusCodes.Status201Created).ProducesValidationProblem()
            .AnswersCreated().MayConflict();
        admin.MapGet("/pages/{pageId:guid}", async (Guid pageId, StatusPageService pages, CancellationToken ct) =>
            await pages.GetAsync(pageId, ct) is { } page ? EntityTags.Json(AdminPage.From(page), page.Version) : NotFound("page", "pageId", pageId))
            .WithName("StatusKit.Admin.GetPage").Produces<AdminPage>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/pages/{pageId:guid}", async (Guid pageId, HttpContext context, StatusPageService pages) =>
            {
                var changes = await AdminJson.ReadAsync<UpdateStatusPage>(context);
                return await Preconditions.WriteAsync(context, ct => pages.GetAsync(pageId, ct), p => p.Version, async expected =>
                {
                    var page = await pages.UpdateAsync(pageId, changes with { ExpectedVersion = expected }, context.RequestAborted);
                    return EntityTags.Json(AdminPage.From(page), page.Version);
                });
            })
            .WithName("StatusKit.Admin.UpdatePage").Accepts<UpdateStatusPage>("application/json").Produces<AdminPage>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/pages/{pageId:guid}", (Guid pageId, HttpContext context, StatusPageService pages) =>
                Preconditions.WriteAsync(context, ct => pages.GetAsync(pageId, ct), p => p.Version, async expected =>
                    await pages.DeleteAsync(pageId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("page", "pageId", pageId)))
            .WithName("StatusKit.Admin.DeletePage").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
        admin.MapPost("/pages/{pageId:guid}/visibility", async (Guid pageId, HttpContext context, StatusPageService pages) =>
            {
                var request = await AdminJson.ReadAsync<VisibilityRequest>(context);
                var isPublic = Required(request.IsPublic, "isPublic");
                return await Preconditions.WriteAsync(context, ct => pages.GetAsync(pageId, ct), p => p.Version, async expected =>
                    Tagged(await pages.SetVisibilityAsync(pageId, isPublic, expected, context.RequestAborted)));
            })
            .WithName("StatusKit.Admin.SetVisibility").WithSummary("Make a page public or private; a page made private without a token gets one (shown once), one with a token keeps it.")
            .Accepts<VisibilityRequest>("application/json").Produces<AccessTokenResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .AnswersPageETag().HonoursIfMatch("the page's");
        admin.MapPost("/pages/{pageId:guid}/access-token", (Guid pageId, HttpContext context, StatusPageService pages) =>
                Preconditions.WriteAsync(context, ct => pages.GetAsync(pageId, ct), p => p.Version, async expected =>
                    Tagged(await pages.RegenerateAccessTokenAsync(pageId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.RegenerateAccessToken").WithSummary("Replace the page's access token (shown once).").Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersPageETag().HonoursIfMatch("the page's");
    }

    private static void MapComponents(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/components", async (Guid pageId, ComponentService components, CancellationToken ct) =>
                AdminJson.Json(await components.ListAsync(pageId, ct)))
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListComponents").Produces<Component[]>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/components", async (Guid pageId, HttpContext context, ComponentService components) =>
            {
                var request = await AdminJson.ReadAsync<CreateComponentRequest>(context);
                var component = await components.CreateAsync(new CreateComponent
                {
                    PageId = pageId,
                    Name = request.Name ?? string.Empty,
                    Description = request.Description,
                    DisplayOrder = request.DisplayOrder,
                    GroupName = request.GroupName,
                    TeamId = request.TeamId,
                    ServiceIdentifier = request.ServiceIdentifier,
                    OnlyShowIfDegraded = request.OnlyShowIfDegraded,
                    UpstreamUrl = request.UpstreamUrl,
                    UpstreamComponentId = request.UpstreamComponentId,
                }, context.RequestAborted);
                return EntityTags.Created(component, component.Version, locations.Of(context.Request, "components", component.Id));
            })
            .WithName("StatusKit.Admin.CreateComponent").Accepts<CreateComponentRequest>("application/json").Produces<Component>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated().MayConflict();
        // The order is the page's: If-Match names the page's ETag, a reorder that changes the order moves it, and the
        // answer carries it as the reorder left it.
        admin.MapPut("/pages/{pageId:guid}/components/order", async (Guid pageId, HttpContext context, StatusPageService pages, ComponentService components) =>
            {
                var request = await AdminJson.ReadAsync<ReorderRequest>(context);
                return await Preconditions.WriteAsync(context, ct => pages.GetAsync(pageId, ct), p => p.Version, async expected =>
                {
                    var pageVersion = await components.ReorderAsync(pageId, request.ComponentIds ?? [], expected, context.RequestAborted);
                    return EntityTags.Json(await components.ListAsync(pageId, context.RequestAborted), pageVersion);
                });
            })
            .WithName("StatusKit.Admin.ReorderComponents").Accepts<ReorderRequest>("application/json").Produces<Component[]>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersPageETag().HonoursIfMatch("the page's");
        admin.MapGet("/components/{componentId:guid}", async (Guid componentId, ComponentService components, CancellationToken ct) =>
                await components.GetAsync(componentId, ct) is { } c ? EntityTags.Json(c, c.Version) : NotFound("component", "componentId", componentId))
            .WithName("StatusKit.Admin.GetComponent").Produces<Component>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/components/{componentId:guid}", async (Guid componentId, HttpContext context, ComponentService components) =>
            {
                var changes = await AdminJson.ReadAsync<UpdateComponentRequest>(context);
                return await Preconditions.WriteAsync(context, ct => components.GetAsync(componentId, ct), c => c.Version, async expected =>
                    Tagged(await components.UpdateAsync(componentId, changes.ToChanges(expected), context.RequestAborted)));
            })
            .WithName("StatusKit.Admin.UpdateComponent").Accepts<UpdateComponentRequest>("application/json").Produces<Component>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/components/{componentId:guid}", (Guid componentId, HttpContext context, ComponentService components) =>
                Preconditions.WriteAsync(context, ct => components.GetAsync(componentId, ct), c => c.Version, async expected =>
                    await components.DeleteAsync(componentId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("component", "componentId", componentId)))
            .WithName("StatusKit.Admin.DeleteComponent").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
        admin.MapPut("/components/{componentId:guid}/manual-status", async (Guid componentId, HttpContext context, ComponentService components) =>
            {
                var request = await AdminJson.ReadAsync<ManualStatusRequest>(context);
                var status = Required(request.Status, "status");
                return await Preconditions.WriteAsync(context, ct => components.GetAsync(componentId, ct), c => c.Version, async expected =>
                    Tagged(await components.SetManualStatusAsync(componentId, status, request.ExpiresAt, expected, context.RequestAborted)));
            })
            .WithName("StatusKit.Admin.SetManualStatus").Accepts<ManualStatusRequest>("application/json").Produces<Component>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/components/{componentId:guid}/manual-status", (Guid componentId, HttpContext context, ComponentService components) =>
                Preconditions.WriteAsync(context, ct => components.GetAsync(componentId, ct), c => c.Version, async expected =>
                    Tagged(await components.ClearManualStatusAsync(componentId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.ClearManualStatus").Produces<Component>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
    }

    private static void MapIncidents(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/incidents", async (Guid pageId, StatusIncidentService incidents, string? state, string? skip, string? take, CancellationToken ct) =>
                AdminJson.Json(await incidents.ListAsync(
                    pageId, AdminQuery.Enum<StatusIncidentState>(state, "state"), AdminQuery.Int32(skip, "skip", 0), AdminQuery.Int32(take, "take", 50), ct)))
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListIncidents").Produces<StatusIncident[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/incidents", async (Guid pageId, HttpContext context, StatusIncidentService incidents) =>
            {
                var request = await AdminJson.ReadAsync<CreateIncidentRequest>(context);
                var create = new CreateStatusIncident
                {
                    PageId = pageId,
                    TemplateId = request.TemplateId,
                    Title = request.Title,
                    Message = request.Message,
                    Severity = request.Severity,
                    ComponentIds = request.ComponentIds,
                    PlatformIncidentId = request.PlatformIncidentId,
                    NotifySubscribers = request.NotifySubscribers,
                    StartedAt = request.StartedAt,
                    ResolvedAt = request.ResolvedAt,
                    State = request.State,
                };
                var incident = await incidents.CreateAsync(create, context.RequestAborted);
                return EntityTags.Created(incident, incident.Version, locations.Of(context.Request, "incidents", incident.Id));
            })
            .WithName("StatusKit.Admin.CreateIncident").Accepts<CreateIncidentRequest>("application/json").Produces<StatusIncident>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated();
        // The document is posted, never fetched: the admin API makes no outbound request (no SSRF, and the host may be offline).
        admin.MapPost("/pages/{pageId:guid}/import/statuspage", async (Guid pageId, HttpContext context, IncidentImportService import) =>
            {
                var incidents = await StatuspageIncidentsDocument.ReadAsync(context);
                if (incidents is null)
                {
                    return StatuspageDocument.TooLarge("incidents.json");
                }

                var report = await import.ImportAsync(pageId, incidents, context.RequestAborted);
                return AdminJson.Json(StatuspageImportResponse.From(report));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportStatuspageIncidents")
            .WithSummary("Import the page's incident history from the body of Statuspage's GET /api/v2/incidents.json, posted as downloaded: each resolved incident with its timeline, telling nobody; the others are skipped and reported, as are component names the page lacks. Importing again adds nothing.")
            .Accepts<StatuspageIncidentsBody>("application/json").Produces<StatuspageImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // The components come first: the incident import names them.
        admin.MapPost("/pages/{pageId:guid}/import/statuspage/components", async (Guid pageId, HttpContext context, ComponentImportService import) =>
            {
                var components = await StatuspageComponentsDocument.ReadAsync(context);
                if (components is null)
                {
                    return StatuspageDocument.TooLarge("components.json");
                }

                var report = await import.ImportAsync(pageId, components, context.RequestAborted);
                return AdminJson.Json(StatuspageComponentImportResponse.From(report));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportStatuspageComponents")
            .WithSummary("Create the page's components from the body of Statuspage's GET /api/v2/components.json (or summary.json), posted as downloaded: each component under its group's name, in Statuspage's order, telling nobody; groups are not components, statuses are StatusKit's own. Names the page already has are skipped and reported, so importing again creates nothing.")
            .Accepts<StatuspageComponentsBody>("application/json").Produces<StatuspageComponentImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Last: the windows name the components too. The query is read before the body, so a bad value reads no body.
        admin.MapPost("/pages/{pageId:guid}/import/statuspage/maintenances", async (Guid pageId, HttpContext context, MaintenanceImportService import, string? notifySubscribers) =>
            {
                var notify = AdminQuery.Boolean(notifySubscribers, "notifySubscribers", true);
                var maintenances = await StatuspageMaintenancesDocument.ReadAsync(context);
                if (maintenances is null)
                {
                    return StatuspageDocument.TooLarge("scheduled-maintenances.json");
                }

                var report = await import.ImportAsync(pageId, [.. maintenances.Select(m => m with { NotifySubscribers = notify })], context.RequestAborted);
                return AdminJson.Json(StatuspageMaintenanceImportResponse.From(report));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportStatuspageMaintenances")
            .WithSummary("Import the page's scheduled maintenances from the body of Statuspage's GET /api/v2/scheduled-maintenances.json (or upcoming.json, active.json, summary.json), posted as downloaded: each completed one as a completed window of the history, each upcoming one as a scheduled window StatusKit starts and ends by itself (its subscribers not told again that it is scheduled; notifySubscribers=false keeps its reminder, start and end quiet too); those in progress or overdue are skipped and reported, as are component names the page lacks. Importing again adds nothing.")
            .Accepts<StatuspageMaintenancesBody>("application/json").Produces<StatuspageMaintenanceImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Moving from Cachet: the same imports, reading Cachet's API v1 lists as downloaded (components first, as above).
        admin.MapPost("/pages/{pageId:guid}/import/cachet/components", async (Guid pageId, HttpContext context, ComponentImportService import) =>
            {
                var read = await CachetComponentsDocument.ReadAsync(context);
                if (read is null)
                {
                    return CachetDocument.TooLarge();
                }

                var report = await import.ImportAsync(pageId, read.Entries, context.RequestAborted);
                return AdminJson.Json(CachetComponentImportResponse.From(report, read));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportCachetComponents")
            .WithSummary("Create the page's components from the body of Cachet's GET /api/v1/components, posted as downloaded (or { components, groups } with GET /api/v1/components/groups): each enabled component under its group's name, in Cachet's order, telling nobody; statuses are StatusKit's own. Disabled components and names the page already has are skipped and reported, so importing again creates nothing.")
            .Accepts<CachetListBody>("application/json").Produces<CachetComponentImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // The query is read before the body, so a bad time zone reads no body.
        admin.MapPost("/pages/{pageId:guid}/import/cachet/incidents", async (Guid pageId, HttpContext context, IncidentImportService import, string? timeZone) =>
            {
                var zone = CachetDocument.Zone(timeZone);
                var read = await CachetIncidentsDocument.ReadAsync(context, zone);
                if (read is null)
                {
                    return CachetDocument.TooLarge();
                }

                var report = await import.ImportAsync(pageId, read.Incidents, context.RequestAborted);
                return AdminJson.Json(CachetIncidentImportResponse.From(report, read));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportCachetIncidents")
            .WithSummary("Import the page's incident history from the body of Cachet's GET /api/v1/incidents, posted as downloaded (or { incidents, components } with GET /api/v1/components, to link each incident to its component by name): each fixed, visible incident with its updates, telling nobody; Cachet's times are read in timeZone (its APP_TIMEZONE, default UTC). The others are skipped and reported. Importing again adds nothing.")
            .Accepts<CachetListBody>("application/json").Produces<CachetIncidentImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Last, as for Statuspage: the windows name the components too. The query is read before the body.
        admin.MapPost("/pages/{pageId:guid}/import/cachet/schedules", async (Guid pageId, HttpContext context, MaintenanceImportService import, string? timeZone, string? notifySubscribers) =>
            {
                var zone = CachetDocument.Zone(timeZone);
                var notify = AdminQuery.Boolean(notifySubscribers, "notifySubscribers", true);
                var read = await CachetSchedulesDocument.ReadAsync(context, zone);
                if (read is null)
                {
                    return CachetDocument.TooLarge();
                }

                var report = await import.ImportAsync(pageId, [.. read.Maintenances.Select(m => m with { NotifySubscribers = notify })], context.RequestAborted);
                return AdminJson.Json(CachetScheduleImportResponse.From(report, read));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportCachetSchedules")
            .WithSummary("Import the page's scheduled maintenance from the body of Cachet's GET /api/v1/schedules, posted as downloaded (or { schedules, components } with GET /api/v1/components, to link each schedule to its components by name): each complete one as a completed window of the history, each upcoming one as a scheduled window StatusKit starts and ends by itself (its subscribers not told again that it is scheduled; notifySubscribers=false keeps its reminder, start and end quiet too); Cachet's times are read in timeZone (its APP_TIMEZONE, default UTC). Those in progress, overdue, without an end or deleted are skipped and reported. Importing again adds nothing.")
            .Accepts<CachetListBody>("application/json").Produces<CachetScheduleImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        admin.MapGet("/incidents/{incidentId:guid}", async (Guid incidentId, StatusIncidentService incidents, CancellationToken ct) =>
                await incidents.GetAsync(incidentId, ct) is { } i ? EntityTags.Json(i, i.Version) : NotFound("status incident", "incidentId", incidentId))
            .WithName("StatusKit.Admin.GetIncident").Produces<StatusIncident>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/incidents/{incidentId:guid}", async (Guid incidentId, HttpContext context, StatusIncidentService incidents) =>
            {
                var changes = await AdminJson.ReadAsync<UpdateStatusIncident>(context);
                return await Preconditions.WriteAsync(context, ct => incidents.GetAsync(incidentId, ct), i => i.Version, async expected =>
                    Tagged(await incidents.UpdateAsync(incidentId, changes with { ExpectedVersion = expected }, context.RequestAborted)));
            })
            .WithName("StatusKit.Admin.UpdateIncident").Accepts<UpdateStatusIncident>("application/json").Produces<StatusIncident>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/incidents/{incidentId:guid}", (Guid incidentId, HttpContext context, StatusIncidentService incidents) =>
                Preconditions.WriteAsync(context, ct => incidents.GetAsync(incidentId, ct), i => i.Version, async expected =>
                    await incidents.DeleteAsync(incidentId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("status incident", "incidentId", incidentId)))
            .WithName("StatusKit.Admin.DeleteIncident").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
        admin.MapPost("/incidents/{incidentId:guid}/updates", async (Guid incidentId, HttpContext context, StatusIncidentService incidents) =>
            {
                var request = await AdminJson.ReadAsync<IncidentUpdateRequest>(context);
                var incident = await incidents.AddUpdateAsync(
                    incidentId,
                    new AddStatusIncidentUpdate
                    {
                        TemplateId = request.TemplateId, State = request.State, Message = request.Message, NotifySubscribers = request.NotifySubscribers,
                    },
                    context.RequestAborted);
                // An update has no route of its own: it is read in its incident's timeline, the body answered here.
                return EntityTags.Created(incident, incident.Version, locations.Of(context.Request, "incidents", incident.Id));
            })
            .WithName("StatusKit.Admin.AddIncidentUpdate").Accepts<IncidentUpdateRequest>("application/json").Produces<StatusIncident>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated();
        // The postmortem is part of its incident: both routes answer the incident, with its ETag, and If-Match names it.
        admin.MapPut("/incidents/{incidentId:guid}/postmortem", async (Guid incidentId, HttpContext context, StatusIncidentService incidents) =>
            {
                var request = await AdminJson.ReadAsync<PostmortemRequest>(context);
                return await Preconditions.WriteAsync(context, ct => incidents.GetAsync(incidentId, ct), i => i.Version, async expected =>
                {
                    try
                    {
                        return Tagged(await incidents.PublishPostmortemAsync(incidentId, request.Body ?? string.Empty, request.NotifySubscribers, expected, context.RequestAborted));
                    }
                    catch (StatusKitValidationException ex) when (ex.Field == "postmortem")
                    {
                        // The service names its argument; the problem names the member of the body that carries it.
                        throw new StatusKitValidationException("body", ex.Message, ex.Code);
                    }
                });
            })
            .WithName("StatusKit.Admin.PublishPostmortem")
            .WithSummary("Publish, or replace, the postmortem of a resolved incident: plain text, paragraphs split by blank lines. Subscribers are notified only with notifySubscribers (default false).")
            .Accepts<PostmortemRequest>("application/json").Produces<StatusIncident>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/incidents/{incidentId:guid}/postmortem", (Guid incidentId, HttpContext context, StatusIncidentService incidents) =>
                Preconditions.WriteAsync(context, ct => incidents.GetAsync(incidentId, ct), i => i.Version, async expected =>
                    Tagged(await incidents.RemovePostmortemAsync(incidentId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.RemovePostmortem").WithSummary("Remove the incident's postmortem (nothing changes when it has none).")
            .Produces<StatusIncident>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
    }

    private static void MapIncidentTemplates(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/incident-templates", async (Guid pageId, IncidentTemplateService templates, CancellationToken ct) =>
                AdminJson.Json(await templates.ListAsync(pageId, ct)))
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListIncidentTemplates").Produces<IncidentTemplate[]>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/incident-templates", async (Guid pageId, HttpContext context, IncidentTemplateService templates) =>
            {
                var request = await AdminJson.ReadAsync<CreateIncidentTemplateRequest>(context);
                var template = await templates.CreateAsync(new CreateIncidentTemplate
                {
                    PageId = pageId,
                    Name = request.Name ?? string.Empty,
                    Title = request.Title ?? string.Empty,
                    Message = request.Message ?? string.Empty,
                    Severity = request.Severity,
                    State = request.State,
                    ComponentIds = request.ComponentIds ?? [],
                }, context.RequestAborted);
                return EntityTags.Created(template, template.Version, locations.Of(context.Request, "incident-templates", template.Id));
            })
            .WithName("StatusKit.Admin.CreateIncidentTemplate")
            .WithSummary("Prepare an incident's wording (title, message, severity, components, state) under a name unique on the page ignoring case (409 when taken); POST .../incidents and POST .../incidents/{id}/updates with its templateId use it.")
            .Accepts<CreateIncidentTemplateRequest>("application/json").Produces<IncidentTemplate>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated().MayConflict();
        admin.MapGet("/incident-templates/{templateId:guid}", async (Guid templateId, IncidentTemplateService templates, CancellationToken ct) =>
                await templates.GetAsync(templateId, ct) is { } t ? EntityTags.Json(t, t.Version) : NotFound("incident template", "templateId", templateId))
            .WithName("StatusKit.Admin.GetIncidentTemplate").Produces<IncidentTemplate>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/incident-templates/{templateId:guid}", async (Guid templateId, HttpContext context, IncidentTemplateService templates) =>
            {
                var changes = await AdminJson.ReadAsync<UpdateIncidentTemplateRequest>(context);
                return await Preconditions.WriteAsync(context, ct => templates.GetAsync(templateId, ct), t => t.Version, async expected =>
                {
                    var template = await templates.UpdateAsync(templateId, changes.ToChanges(expected), context.RequestAborted);
                    return EntityTags.Json(template, template.Version);
                });
            })
            .WithName("StatusKit.Admin.UpdateIncidentTemplate")
            .WithSummary("Change a template's fields (\"state\": null takes its state back to none); incidents created from it do not change.")
            .Accepts<UpdateIncidentTemplateRequest>("application/json").Produces<IncidentTemplate>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/incident-templates/{templateId:guid}", (Guid templateId, HttpContext context, IncidentTemplateService templates) =>
                Preconditions.WriteAsync(context, ct => templates.GetAsync(templateId, ct), t => t.Version, async expected =>
                    await templates.DeleteAsync(templateId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("incident template", "templateId", templateId)))
            .WithName("StatusKit.Admin.DeleteIncidentTemplate")
            .WithSummary("Delete a template; incidents created from it stay as they are.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
    }

    private static void MapMetrics(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/metrics", async (Guid pageId, PageMetricService metrics, CancellationToken ct) =>
                AdminJson.Json(await metrics.ListAsync(pageId, ct)))
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListMetrics")
            .WithSummary("The page's system metrics (hidden ones too), by display order then name.")
            .Produces<PageMetric[]>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/metrics", async (Guid pageId, HttpContext context, PageMetricService metrics) =>
            {
                var request = await AdminJson.ReadAsync<CreatePageMetricRequest>(context);
                var metric = await metrics.CreateAsync(new CreatePageMetric
                {
                    PageId = pageId,
                    Name = request.Name ?? string.Empty,
                    Suffix = request.Suffix,
                    Description = request.Description,
                    DisplayOrder = request.DisplayOrder,
                    Decimals = request.Decimals,
                    Visible = request.Visible,
                }, context.RequestAborted);
                return EntityTags.Created(metric, metric.Version, locations.Of(context.Request, "metrics", metric.Id));
            })
            .WithName("StatusKit.Admin.CreateMetric")
            .WithSummary("Add a system metric the page charts (\"API response time\" in ms), its name unique on the page ignoring case (409 when taken); POST .../metrics/{id}/points feeds it.")
            .Accepts<CreatePageMetricRequest>("application/json").Produces<PageMetric>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated().MayConflict();
        admin.MapGet("/metrics/{metricId:guid}", async (Guid metricId, PageMetricService metrics, CancellationToken ct) =>
                await metrics.GetAsync(metricId, ct) is { } m ? EntityTags.Json(m, m.Version) : NotFound("page metric", "metricId", metricId))
            .WithName("StatusKit.Admin.GetMetric").Produces<PageMetric>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/metrics/{metricId:guid}", async (Guid metricId, HttpContext context, PageMetricService metrics) =>
            {
                var changes = await AdminJson.ReadAsync<UpdatePageMetric>(context);
                return await Preconditions.WriteAsync(context, ct => metrics.GetAsync(metricId, ct), m => m.Version, async expected =>
                {
                    var metric = await metrics.UpdateAsync(metricId, changes with { ExpectedVersion = expected }, context.RequestAborted);
                    return EntityTags.Json(metric, metric.Version);
                });
            })
            .WithName("StatusKit.Admin.UpdateMetric")
            .WithSummary("Change a metric's name, suffix, description, display order, decimals or visibility (an empty suffix or description clears it); its points stay.")
            .Accepts<UpdatePageMetric>("application/json").Produces<PageMetric>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/metrics/{metricId:guid}", (Guid metricId, HttpContext context, PageMetricService metrics) =>
                Preconditions.WriteAsync(context, ct => metrics.GetAsync(metricId, ct), m => m.Version, async expected =>
                    await metrics.DeleteAsync(metricId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("page metric", "metricId", metricId)))
            .WithName("StatusKit.Admin.DeleteMetric")
            .WithSummary("Delete a metric with all its points.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
        admin.MapPost("/metrics/{metricId:guid}/points", async (Guid metricId, HttpContext context, PageMetricService metrics, TimeProvider time) =>
            {
                var request = await AdminJson.ReadAsync<MetricPointsRequest>(context);
                try
                {
                    var count = await metrics.AddPointsAsync(metricId, request.ToPoints(time.GetUtcNow()), context.RequestAborted);
                    return AdminJson.Json(new MetricPointsResponse(metricId, count));
                }
                catch (StatusKitValidationException ex) when (request.Points is null && ex.Field?.StartsWith("points[0].", StringComparison.Ordinal) == true)
                {
                    // A single value's refusal names the body's own member ("value", "timestamp"), not the list it became.
                    throw new StatusKitValidationException(ex.Field["points[0].".Length..], ex.Message, ex.Code);
                }
            })
            .WithName("StatusKit.Admin.AddMetricPoints")
            .WithSummary("Submit data points: {\"points\":[{\"timestamp\":\"...\",\"value\":12.3}]} (at most 1,000; a point at an instant already stored replaces it) or {\"value\":12.3} measured now. Values must be finite, timestamps at most 5 minutes ahead.")
            .Accepts<MetricPointsRequest>("application/json").Produces<MetricPointsResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapSubscribers(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/subscribers", async (Guid pageId, SubscriberService subscribers, TimeProvider time, string? skip, string? take, CancellationToken ct) =>
            {
                var listed = await subscribers.ListAsync(pageId, AdminQuery.Int32(skip, "skip", 0), AdminQuery.Int32(take, "take", 50), ct);
                var now = time.GetUtcNow();
                return AdminJson.Json(listed.Select(s => AdminSubscriber.From(s, now)));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListSubscribers").Produces<AdminSubscriber[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/subscribers", async (Guid pageId, HttpContext context, SubscriberService subscribers, TimeProvider time) =>
            {
                var request = await AdminJson.ReadAsync<CreateSubscriberRequest>(context);
                IncidentSubscriptionChoice.Check(request.IncidentId, request.ComponentIds is not null, request.NotifyOn is not null, "componentIds");
                var subscription = await subscribers.SubscribeAsync(new Subscribe
                {
                    PageId = pageId,
                    Channel = request.Channel,
                    Destination = request.Destination ?? string.Empty,
                    ComponentIds = request.ComponentIds ?? [],
                    NotifyOn = NotifyOnNames.Read(request.NotifyOn),
                    PreVerified = request.PreVerified,
                    StatusIncidentId = request.IncidentId,
                }, context.RequestAborted);
                var subscriber = subscription.Subscriber;
                return EntityTags.Created(
                    AdminSubscriber.From(subscriber, time.GetUtcNow(), subscriber.SigningSecret, subscription.UnsubscribeToken),
                    subscriber.Version,
                    locations.Of(context.Request, "subscribers", subscriber.Id));
            })
            .WithName("StatusKit.Admin.CreateSubscriber")
            .WithSummary("Subscribe a destination to the page (componentIds, notifyOn), or with incidentId to one incident of the page, whose updates, resolution and postmortem it then hears, without componentIds or notifyOn (a 400 naming either). A follower reads back componentIds and notifyOn as null.")
            .Accepts<CreateSubscriberRequest>("application/json").Produces<AdminSubscriber>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated().MayConflict();
        // The query is read before the body, so a bad value reads no body.
        admin.MapPost("/pages/{pageId:guid}/import/subscribers", async (Guid pageId, HttpContext context, SubscriberImportService import, string? preVerified) =>
            {
                var verified = AdminQuery.Boolean(preVerified, "preVerified", true);
                var rows = await SubscriberImportDocument.ReadAsync(context);
                if (rows is null)
                {
                    return SubscriberImportDocument.TooLarge();
                }

                var report = await import.ImportAsync(pageId, rows, verified, context.RequestAborted);
                return AdminJson.Json(SubscriberImportResponse.From(report));
            })
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ImportSubscribers")
            .WithSummary("Subscribe many destinations at once, from a CSV (a header row naming email, channel or type, destination, components) or JSON ({ subscribers: [...] }): each as the admin create would, pre-verified so nothing is sent (preVerified=false sends each its verification message instead). Destinations the page has, and those that unsubscribed themselves, are left as they are; repeated and invalid rows are skipped and reported by row and column, as are component names the page lacks. Importing again adds nothing.")
            .Accepts<SubscriberImportBody>("application/json", "text/csv").Produces<SubscriberImportResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        admin.MapGet("/subscribers/{subscriberId:guid}", async (Guid subscriberId, SubscriberService subscribers, TimeProvider time, CancellationToken ct) =>
                await subscribers.GetAsync(subscriberId, ct) is { } s
                    ? EntityTags.Json(AdminSubscriber.From(s, time.GetUtcNow()), s.Version)
                    : NotFound("subscriber", "subscriberId", subscriberId))
            .WithName("StatusKit.Admin.GetSubscriber").Produces<AdminSubscriber>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/subscribers/{subscriberId:guid}", async (Guid subscriberId, HttpContext context, SubscriberService subscribers, TimeProvider time) =>
            {
                var request = await AdminJson.ReadAsync<UpdateSubscriberRequest>(context);
                // notifyOn left out keeps the events (where a create reads it as all of them); an empty list is refused.
                var changes = new UpdateSubscriber
                {
                    ComponentIds = request.ComponentIds,
                    NotifyOn = request.NotifyOn is null ? null : NotifyOnNames.Read(request.NotifyOn),
                };
                return await Preconditions.WriteAsync(context, ct => subscribers.GetAsync(subscriberId, ct), s => s.Version, async expected =>
                {
                    var subscriber = await subscribers.UpdateAsync(subscriberId, changes with { ExpectedVersion = expected }, context.RequestAborted);
                    return EntityTags.Json(AdminSubscriber.From(subscriber, time.GetUtcNow()), subscriber.Version);
                });
            })
            .WithName("StatusKit.Admin.UpdateSubscriber")
            .WithSummary("Change what a subscriber hears about: componentIds ([] for all) and notifyOn; what is left out is kept. A follower of one incident (incidentId set) hears all of its notices and has neither to change: either is a 400 naming it.")
            .Accepts<UpdateSubscriberRequest>("application/json").Produces<AdminSubscriber>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapPost("/subscribers/{subscriberId:guid}/deactivate", (Guid subscriberId, HttpContext context, SubscriberService subscribers, TimeProvider time) =>
                Preconditions.WriteAsync(context, ct => subscribers.GetAsync(subscriberId, ct), s => s.Version, async expected =>
                {
                    var subscriber = await subscribers.DeactivateAsync(subscriberId, expected, context.RequestAborted);
                    return EntityTags.Json(AdminSubscriber.From(subscriber, time.GetUtcNow()), subscriber.Version);
                }))
            .WithName("StatusKit.Admin.DeactivateSubscriber").Produces<AdminSubscriber>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapPost("/subscribers/{subscriberId:guid}/reactivate", (Guid subscriberId, HttpContext context, SubscriberService subscribers, TimeProvider time) =>
                Preconditions.WriteAsync(context, ct => subscribers.GetAsync(subscriberId, ct), s => s.Version, async expected =>
                {
                    var subscriber = await subscribers.ReactivateAsync(subscriberId, expected, context.RequestAborted);
                    return EntityTags.Json(AdminSubscriber.From(subscriber, time.GetUtcNow()), subscriber.Version);
                }))
            .WithName("StatusKit.Admin.ReactivateSubscriber")
            .WithSummary("Turn notices back on for a subscriber an operator or the dispatcher stopped (never one that unsubscribed itself).")
            .Produces<AdminSubscriber>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapPost("/subscribers/{subscriberId:guid}/signing-secret", (Guid subscriberId, HttpContext context, SubscriberService subscribers, TimeProvider time) =>
                Preconditions.WriteAsync(context, ct => subscribers.GetAsync(subscriberId, ct), s => s.Version, async expected =>
                {
                    var subscriber = await subscribers.RotateSigningSecretAsync(subscriberId, expected, context.RequestAborted);
                    return EntityTags.Json(AdminSubscriber.From(subscriber, time.GetUtcNow(), subscriber.SigningSecret), subscriber.Version);
                }))
            .WithName("StatusKit.Admin.RotateSubscriberSigningSecret").WithSummary("Replace a webhook subscriber's signing secret (shown once).")
            .Produces<AdminSubscriber>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapDelete("/subscribers/{subscriberId:guid}", (Guid subscriberId, HttpContext context, SubscriberService subscribers) =>
                Preconditions.WriteAsync(context, ct => subscribers.GetAsync(subscriberId, ct), s => s.Version, async expected =>
                    await subscribers.DeleteAsync(subscriberId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("subscriber", "subscriberId", subscriberId)))
            .WithName("StatusKit.Admin.DeleteSubscriber").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
    }

    private static void MapMaintenance(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/pages/{pageId:guid}/maintenance", async (Guid pageId, MaintenanceService maintenance, string? state, string? skip, string? take, CancellationToken ct) =>
                AdminJson.Json(await maintenance.ListAsync(
                    pageId, AdminQuery.Enum<MaintenanceState>(state, "state"), AdminQuery.Int32(skip, "skip", 0), AdminQuery.Int32(take, "take", 50), ct)))
            .AddEndpointFilter<KnownPageFilter>()
            .WithName("StatusKit.Admin.ListMaintenance").Produces<MaintenanceWindow[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/pages/{pageId:guid}/maintenance", async (Guid pageId, HttpContext context, MaintenanceService maintenance) =>
            {
                var request = await AdminJson.ReadAsync<CreateMaintenanceRequest>(context);
                var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
                {
                    PageId = pageId,
                    Title = request.Title ?? string.Empty,
                    Description = request.Description,
                    StartsAt = Required(request.StartsAt, "startsAt"),
                    EndsAt = Required(request.EndsAt, "endsAt"),
                    TimeZoneId = request.TimeZoneId,
                    Recurrence = request.Recurrence,
                    ExcludedOccurrences = request.ExcludedOccurrences ?? [],
                    ComponentIds = request.ComponentIds ?? [],
                    AutoUpdateStatus = request.AutoUpdateStatus,
                    NotifySubscribers = request.NotifySubscribers,
                    CreatedBy = request.CreatedBy,
                }, context.RequestAborted);
                return EntityTags.Created(window, window.Version, locations.Of(context.Request, "maintenance", window.Id));
            })
            .WithName("StatusKit.Admin.CreateMaintenance").Accepts<CreateMaintenanceRequest>("application/json").Produces<MaintenanceWindow>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersCreated();
        admin.MapGet("/maintenance/{windowId:guid}", async (Guid windowId, MaintenanceService maintenance, CancellationToken ct) =>
                await maintenance.GetAsync(windowId, ct) is { } w ? Tagged(w) : NotFound("maintenance window", "windowId", windowId))
            .WithName("StatusKit.Admin.GetMaintenance").Produces<MaintenanceWindow>().ProducesProblem(StatusCodes.Status404NotFound).AnswersETag();
        admin.MapPatch("/maintenance/{windowId:guid}", async (Guid windowId, HttpContext context, MaintenanceService maintenance) =>
            {
                var changes = await AdminJson.ReadAsync<UpdateMaintenanceWindow>(context);
                return await Preconditions.WriteAsync(context, ct => maintenance.GetAsync(windowId, ct), w => w.Version, async expected =>
                    Tagged(await maintenance.UpdateAsync(windowId, changes with { ExpectedVersion = expected }, context.RequestAborted)));
            })
            .WithName("StatusKit.Admin.UpdateMaintenance").Accepts<UpdateMaintenanceWindow>("application/json").Produces<MaintenanceWindow>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).AnswersETag().HonoursIfMatch();
        admin.MapPost("/maintenance/{windowId:guid}/cancel", (Guid windowId, HttpContext context, MaintenanceService maintenance) =>
                Preconditions.WriteAsync(context, ct => maintenance.GetAsync(windowId, ct), w => w.Version, async expected =>
                    Tagged(await maintenance.CancelAsync(windowId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.CancelMaintenance").Produces<MaintenanceWindow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .AnswersETag().HonoursIfMatch();
        admin.MapPost("/maintenance/{windowId:guid}/start", (Guid windowId, HttpContext context, MaintenanceService maintenance) =>
                Preconditions.WriteAsync(context, ct => maintenance.GetAsync(windowId, ct), w => w.Version, async expected =>
                    Tagged(await maintenance.StartNowAsync(windowId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.StartMaintenance").Produces<MaintenanceWindow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .AnswersETag().HonoursIfMatch();
        admin.MapPost("/maintenance/{windowId:guid}/complete", (Guid windowId, HttpContext context, MaintenanceService maintenance) =>
                Preconditions.WriteAsync(context, ct => maintenance.GetAsync(windowId, ct), w => w.Version, async expected =>
                    Tagged(await maintenance.CompleteNowAsync(windowId, expected, context.RequestAborted))))
            .WithName("StatusKit.Admin.CompleteMaintenance").Produces<MaintenanceWindow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .AnswersETag().HonoursIfMatch();
        admin.MapDelete("/maintenance/{windowId:guid}", (Guid windowId, HttpContext context, MaintenanceService maintenance) =>
                Preconditions.WriteAsync(context, ct => maintenance.GetAsync(windowId, ct), w => w.Version, async expected =>
                    await maintenance.DeleteAsync(windowId, expected, context.RequestAborted) ? Results.NoContent() : NotFound("maintenance window", "windowId", windowId)))
            .WithName("StatusKit.Admin.DeleteMaintenance").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).HonoursIfMatch();
    }

    // The delivery log: a subscriber's, or a page's, notices from the outbox, newest first; and a test notice to one
    // subscriber, which the log then shows.
    private static void MapNotificationLog(RouteGroupBuilder admin, AdminLocations locations)
    {
        admin.MapGet("/subscribers/{subscriberId:guid}/notifications", async (Guid subscriberId, HttpContext context, NotificationLog log, string? state, string? take) =>
                AdminJson.Json(await log.ListForSubscriberAsync(
                    subscriberId, AdminQuery.Enum<NotificationState>(state, "state"), LogTake(context, take), context.RequestAborted)))
            .WithName("StatusKit.Admin.ListSubscriberNotifications")
            .WithSummary("The subscriber's notices, newest first, with their delivery state, attempts and last error (the latest take, 1 to 200, default 50; no skip).")
            .Produces<NotificationLogEntry[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/pages/{pageId:guid}/notifications", async (Guid pageId, HttpContext context, NotificationLog log, string? state, string? take) =>
                AdminJson.Json(await log.ListForPageAsync(
                    pageId, AdminQuery.Enum<NotificationState>(state, "state"), LogTake(context, take), context.RequestAborted)))
            .WithName("StatusKit.Admin.ListPageNotifications")
            .WithSummary("Every subscriber's notices on the page, newest first, with their delivery state, attempts and last error (the latest take, 1 to 200, default 50; no skip).")
            .Produces<NotificationLogEntry[]>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/subscribers/{subscriberId:guid}/test", async (Guid subscriberId, HttpContext context, SubscriberService subscribers) =>
            {
                var queued = await subscribers.SendTestNotificationAsync(subscriberId, context.RequestAborted);
                context.Response.Headers.Location = locations.NotificationsOf(context.Request, subscriberId);
                return AdminJson.Json(queued, StatusCodes.Status202Accepted);
            })
            .WithName("StatusKit.Admin.SendSubscriberTestNotification")
            .WithSummary("Queue a test notice to the subscriber (type subscription.test), sent at once through the outbox; 409 when it is inactive, unconfirmed, or a test to it is still pending.")
            .Produces<NotificationLogEntry>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AnswersAcceptedIntoTheLog();
    }

    // The audit log: who changed what on a page, newest first, a page of entries at a time by an opaque cursor.
    private static void MapAuditLog(RouteGroupBuilder admin)
    {
        admin.MapGet("/pages/{pageId:guid}/audit-log", async (Guid pageId, HttpContext context, AuditLog log, string? limit, string? cursor, string? action, string? targetId) =>
            {
                var after = cursor is null ? null : AuditLogCursor.TryParse(cursor, out var parsed)
                    ? parsed
                    : throw new StatusKitValidationException("cursor", "The cursor is not one this log handed out; pass the nextCursor of the previous answer as it is.", ValidationCodes.ValueInvalid);
                Guid? target = targetId is null ? null : Guid.TryParse(targetId, out var id)
                    ? id
                    : throw new StatusKitValidationException("targetId", $"The targetId must be an id (was '{QuotedValue.Of(targetId)}').", ValidationCodes.IdInvalid);
                var page = await log.ListAsync(
                    pageId, AdminQuery.Int32(limit, "limit", 50), after, string.IsNullOrEmpty(action) ? null : action, target, context.RequestAborted);
                return AdminJson.Json(AdminAuditLog.From(page));
            })
            .WithName("StatusKit.Admin.ListAuditLog")
            .WithSummary("Who changed what on the page, newest first (limit 1 to 200, default 50; cursor: the previous answer's nextCursor; action: an action or its prefix such as component.; targetId). Entries name the fields changed, never their values; a deleted page's entries stay until they are pruned. A page id with neither a page nor entries is a 404.")
            .Produces<AdminAuditLog>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The log's <c>take</c>. It has no <c>skip</c>: the outbox is read newest first with a limit and no offset, so a
    /// <c>skip</c> is refused rather than ignored (a client paging with it would read the first notices over and over).
    /// </summary>
    private static int LogTake(HttpContext context, string? take)
    {
        if (context.Request.Query.ContainsKey("skip"))
        {
            throw new StatusKitValidationException(
                "skip", "The delivery log takes no skip: it answers the latest notices (take, at most 200); narrow it with state to reach older failures.");
        }

        return AdminQuery.Int32(take, "take", 50);
    }

    /// <summary>
    /// A body member with no sensible default: left out (or a typo of its name), it is refused rather than read as
    /// <c>false</c> or the enum's first value, which would make a page private or move an incident back to Investigating.
    /// </summary>
    private static T Required<T>(T? value, string field)
        where T : struct =>
        value ?? throw new StatusKitValidationException(field, $"The {field} is required.", ValidationCodes.MemberRequired);

    // A page's visibility and access token are the page's: the answer (the token, shown once) carries its new ETag.
    private static IResult Tagged(PageAccessChange change) => EntityTags.Json(new AccessTokenResponse(change.AccessToken), change.Page.Version);

    private static IResult Tagged(Component component) => EntityTags.Json(component, component.Version);

    private static IResult Tagged(StatusIncident incident) => EntityTags.Json(incident, incident.Version);

    private static IResult Tagged(MaintenanceWindow window) => EntityTags.Json(window, window.Version);

    // Names the route's id, as the services' own 404s (a write of the same record) do.
    private static IResult NotFound(string resource, string field, Guid id) =>
        Problems.From(new StatusKitNotFoundException(resource, id.ToString(), field));
}
