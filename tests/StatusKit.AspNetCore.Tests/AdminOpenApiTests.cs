using System.Text.Json;
using static StatusKit.AspNetCore.Tests.OpenApiShape;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The admin API's HTTP contract in the OpenAPI document a host gets from <c>AddOpenApi()</c> (the sample's
/// <c>/openapi/v1.json</c>): the <c>Location</c> of a 201, the <c>ETag</c> of every answer that carries one, the
/// <c>If-Match</c> a write honours, and the 409 and 412 problem details it can answer.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminOpenApiTests(SampleHostFactory factory)
{
    // The routes that honour If-Match (docs/aspnetcore.md, "Concurrent edits").
    private static readonly string[] IfMatchRoutes =
    [
        "PATCH /pages/{pageId}", "DELETE /pages/{pageId}", "POST /pages/{pageId}/visibility", "POST /pages/{pageId}/access-token",
        "PUT /pages/{pageId}/components/order",
        "PATCH /components/{componentId}", "DELETE /components/{componentId}",
        "PUT /components/{componentId}/manual-status", "DELETE /components/{componentId}/manual-status",
        "PATCH /incidents/{incidentId}", "DELETE /incidents/{incidentId}",
        "PUT /incidents/{incidentId}/postmortem", "DELETE /incidents/{incidentId}/postmortem",
        "PATCH /incident-templates/{templateId}", "DELETE /incident-templates/{templateId}",
        "PATCH /metrics/{metricId}", "DELETE /metrics/{metricId}",
        "PATCH /subscribers/{subscriberId}", "POST /subscribers/{subscriberId}/deactivate", "POST /subscribers/{subscriberId}/reactivate",
        "POST /subscribers/{subscriberId}/signing-secret",
        "DELETE /subscribers/{subscriberId}",
        "PATCH /maintenance/{windowId}", "DELETE /maintenance/{windowId}",
        "POST /maintenance/{windowId}/cancel", "POST /maintenance/{windowId}/start", "POST /maintenance/{windowId}/complete",
    ];

    private static readonly string[] SingleRecordReads =
    [
        "GET /pages/{pageId}", "GET /components/{componentId}", "GET /incidents/{incidentId}", "GET /subscribers/{subscriberId}",
        "GET /maintenance/{windowId}", "GET /incident-templates/{templateId}", "GET /metrics/{metricId}",
    ];

    // Creates that a taken unique field (slug, component, template or metric name, destination) answers with 409.
    private static readonly string[] CreatesOfUniqueFields =
        ["POST /pages", "POST /pages/{pageId}/components", "POST /pages/{pageId}/subscribers", "POST /pages/{pageId}/incident-templates",
            "POST /pages/{pageId}/metrics"];

    public static TheoryData<string> TaggedRoutes() => [.. AdminWriteEntityTagTests.TaggedWriteRoutes, .. SingleRecordReads];

    public static TheoryData<string> PreconditionRoutes() => [.. IfMatchRoutes];

    public static TheoryData<string> UniqueFieldCreates() => [.. CreatesOfUniqueFields];

    [Theory]
    [MemberData(nameof(TaggedRoutes))]
    public async Task A_route_answering_an_ETag_declares_it_on_its_success_response(string route)
    {
        var operation = await OperationAsync(route);

        var (status, response) = SuccessOf(operation);
        Assert.True(HasHeader(response, "ETag"), $"{route} answers {status} without declaring its ETag header.");
    }

    [Fact]
    public async Task Every_201_declares_its_Location_and_its_ETag()
    {
        var created = (await AdminOperationsAsync())
            .Where(o => o.Operation.GetProperty("responses").TryGetProperty("201", out _))
            .ToList();

        Assert.Equal(8, created.Count); // a page, component, incident, incident update, incident template, metric, subscriber, maintenance window
        Assert.All(created, o =>
        {
            var response = o.Operation.GetProperty("responses").GetProperty("201");
            Assert.True(HasHeader(response, "Location") && HasHeader(response, "ETag"), $"{o.Route}: 201 without Location and ETag headers.");
        });
    }

    [Theory]
    [MemberData(nameof(PreconditionRoutes))]
    public async Task A_route_honouring_If_Match_declares_the_header_and_its_412_and_409_problems(string route)
    {
        var operation = await OperationAsync(route);

        var ifMatch = Assert.Single(HeaderParameters(operation), p => p.GetProperty("name").GetString() == "If-Match");
        Assert.False(ifMatch.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal("string", ifMatch.GetProperty("schema").GetProperty("type").GetString());
        AssertProblem(operation, "412", route);
        AssertProblem(operation, "409", route);
    }

    [Fact]
    public async Task No_other_route_declares_If_Match()
    {
        var declaring = (await AdminOperationsAsync())
            .Where(o => HeaderParameters(o.Operation).Any(p => p.GetProperty("name").GetString() == "If-Match"))
            .Select(o => o.Route);

        Assert.Equal(IfMatchRoutes.Order(StringComparer.Ordinal), declaring.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UniqueFieldCreates))]
    public async Task A_create_of_a_unique_field_declares_its_409_problem(string route)
    {
        AssertProblem(await OperationAsync(route), "409", route);
    }

    [Theory]
    [InlineData("GET /pages/{pageId}/incidents")]
    [InlineData("GET /pages/{pageId}/maintenance")]
    [InlineData("GET /pages/{pageId}/subscribers")]
    public async Task A_paged_list_declares_its_skip_and_take_query_parameters(string route)
    {
        var operation = await OperationAsync(route);

        var query = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList()
            : [];
        Assert.Contains("skip", query);
        Assert.Contains("take", query);
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{route} does not declare the 400 of a take out of range");
        var take = parameters.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "take").GetProperty("schema");
        Assert.Equal(("integer", "1", "200", 50), (take.GetProperty("type").GetString(), take.GetProperty("minimum").ToString(), take.GetProperty("maximum").ToString(), take.GetProperty("default").GetInt32()));
        var skip = parameters.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "skip").GetProperty("schema");
        Assert.Equal(("integer", "0"), (skip.GetProperty("type").GetString(), skip.GetProperty("minimum").ToString()));
    }

    [Theory]
    [InlineData("GET /pages/{pageId}/incidents", new[] { "investigating", "identified", "monitoring", "resolved" })]
    [InlineData("GET /pages/{pageId}/maintenance", new[] { "scheduled", "inProgress", "completed", "cancelled" })]
    public async Task A_state_filter_is_declared_as_the_states_the_list_takes(string route, string[] states)
    {
        var operation = await OperationAsync(route);

        var state = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "state").GetProperty("schema");

        Assert.Equal(states, state.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("GET /subscribers/{subscriberId}/notifications")]
    [InlineData("GET /pages/{pageId}/notifications")]
    public async Task A_delivery_log_declares_its_state_and_take_but_no_skip_and_its_400_and_404_problems(string route)
    {
        var operation = await OperationAsync(route);

        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["state", "take"], query.Order(StringComparer.Ordinal));
        Assert.Equal("200", SuccessOf(operation).Status);
        AssertProblem(operation, "400", route);
        AssertProblem(operation, "404", route);
    }

    [Fact]
    public async Task The_audit_log_declares_its_limit_cursor_action_and_targetId_and_its_400_and_404_problems()
    {
        const string route = "GET /pages/{pageId}/audit-log";
        var operation = await OperationAsync(route);

        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["action", "cursor", "limit", "targetId"], query.Order(StringComparer.Ordinal));
        Assert.Equal("200", SuccessOf(operation).Status);
        AssertProblem(operation, "400", route);
        AssertProblem(operation, "404", route);
    }

    [Fact]
    public async Task The_test_notice_route_declares_its_202_with_the_log_entry_and_Location_and_its_404_and_409_problems()
    {
        const string route = "POST /subscribers/{subscriberId}/test";
        var operation = await OperationAsync(route);

        var (status, response) = SuccessOf(operation);
        Assert.Equal("202", status);
        Assert.True(HasHeader(response, "Location"), $"{route} answers 202 without declaring its Location header.");
        Assert.True(response.GetProperty("content").TryGetProperty("application/json", out _), $"{route} declares no JSON body for its 202.");
        AssertProblem(operation, "404", route);
        AssertProblem(operation, "409", route);
    }

    [Theory]
    [InlineData("POST /pages/{pageId}/import/statuspage")]
    [InlineData("POST /pages/{pageId}/import/statuspage/components")]
    [InlineData("POST /pages/{pageId}/import/statuspage/maintenances")]
    [InlineData("POST /pages/{pageId}/import/cachet/components")]
    [InlineData("POST /pages/{pageId}/import/cachet/incidents")]
    [InlineData("POST /pages/{pageId}/import/cachet/schedules")]
    [InlineData("POST /pages/{pageId}/import/subscribers")]
    public async Task The_imports_declare_their_JSON_body_their_200_report_and_their_400_404_and_413_problems(string route)
    {
        var operation = await OperationAsync(route);

        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), $"{route} declares no JSON body.");
        var (status, response) = SuccessOf(operation);
        Assert.Equal("200", status);
        Assert.True(response.GetProperty("content").TryGetProperty("application/json", out _), $"{route} declares no JSON report for its 200.");
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{route} does not declare 400.");
        AssertProblem(operation, "404", route);
        AssertProblem(operation, "413", route);
    }

    [Theory]
    [InlineData("POST /incidents/{incidentId}/updates", new[] { "state", "message", "notifySubscribers", "templateId" })]
    [InlineData("POST /pages/{pageId}/incident-templates", new[] { "name", "title", "message", "severity", "componentIds", "state" })]
    [InlineData("PATCH /incident-templates/{templateId}", new[] { "name", "title", "message", "severity", "state", "componentIds" })]
    [InlineData("POST /pages/{pageId}/components", new[] { "name", "description", "displayOrder", "groupName", "teamId", "serviceIdentifier", "onlyShowIfDegraded", "upstreamUrl", "upstreamComponentId" })]
    [InlineData("PATCH /components/{componentId}", new[] { "name", "description", "displayOrder", "groupName", "teamId", "serviceIdentifier", "onlyShowIfDegraded", "upstreamUrl", "upstreamComponentId" })]
    public async Task A_template_route_and_the_update_route_declare_templateId_and_state_in_their_body(string route, string[] members)
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operation = await OperationAsync(route);
        var reference = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;

        var properties = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]).GetProperty("properties");

        Assert.Equal(members, properties.EnumerateObject().Select(p => p.Name));
        if (properties.TryGetProperty("templateId", out var templateId))
        {
            Assert.Equal("uuid", templateId.GetProperty("format").GetString());
        }
    }

    private static void AssertProblem(JsonElement operation, string status, string route)
    {
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{route} does not declare {status}.");
        Assert.True(
            response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
            $"{route}: {status} is not declared as problem details.");
    }

    private static (string Status, JsonElement Response) SuccessOf(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject()
            .Where(r => r.Name.StartsWith('2'))
            .Select(r => (r.Name, r.Value))
            .Single();

    [Fact]
    public async Task A_body_is_declared_as_JSON_only_and_its_415_problem_is_not_a_catch_all_content_type()
    {
        // Routing lets every Content-Type through to the filter that answers a 415 problem; the document still says JSON
        // (and CSV for the subscriber import, which takes a spreadsheet's export too).
        var bodies = (await AdminOperationsAsync())
            .Where(o => o.Operation.TryGetProperty("requestBody", out _))
            .Select(o => (o.Route, Types: o.Operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal).ToList()))
            .ToList();

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body => Assert.True(
            body.Route == SubscriberImport ? body.Types is ["application/json", "text/csv"] : body.Types is ["application/json"],
            $"{body.Route} declares {string.Join(", ", body.Types)}"));
    }

    private const string SubscriberImport = "POST /pages/{pageId}/import/subscribers";

    [Fact]
    public async Task Every_route_with_a_body_declares_the_415_problem_it_answers_another_content_type_with()
    {
        var undeclared = (await AdminOperationsAsync())
            .Where(o => o.Operation.TryGetProperty("requestBody", out _) && !o.Operation.GetProperty("responses").TryGetProperty("415", out _))
            .Select(o => o.Route)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Theory]
    [InlineData("MaintenanceWindow")]
    [InlineData("CreateMaintenanceRequest")]
    public async Task Excluded_occurrences_are_declared_as_wall_clock_times_without_an_offset_as_the_API_takes_and_writes_them(string schemaName)
    {
        var items = (await SchemasAsync()).GetProperty(schemaName)
            .GetProperty("properties").GetProperty("excludedOccurrences").GetProperty("items");

        Assert.False(items.TryGetProperty("format", out var format) && format.GetString() == "date-time", $"{schemaName}.excludedOccurrences is declared date-time");
        var pattern = new System.Text.RegularExpressions.Regex(items.GetProperty("pattern").GetString()!);
        Assert.Matches(pattern, "2030-01-13T03:00:00");
        Assert.DoesNotMatch(pattern, "2030-01-13T03:00:00Z");
        Assert.DoesNotMatch(pattern, "2030-01-13T03:00:00+01:00");
    }

    [Theory]
    [InlineData("ComponentStatus", new[] { "operational", "underMaintenance", "degradedPerformance", "partialOutage", "majorOutage" })]
    [InlineData("SubscriberChannel", new[] { "email", "slack", "webhook", "teams", "discord", "sms" })]
    [InlineData("StatusIncidentState", new[] { "investigating", "identified", "monitoring", "resolved" })]
    [InlineData("MaintenanceState", new[] { "scheduled", "inProgress", "completed", "cancelled" })]
    [InlineData("SubscriberDeactivationReason", new[] { "unknown", "unsubscribed", "operator", "destinationGone", "deadLetters", "componentsDeleted", "incidentDeleted" })]
    public async Task An_enum_is_declared_as_the_camelCase_strings_the_admin_API_takes_not_as_an_integer_it_refuses(string name, string[] values)
    {
        var schema = (await SchemasAsync()).GetProperty(name);

        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal(values, schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Numbers_are_declared_as_numbers_alone_as_the_APIs_read_and_write_them()
    {
        var schemas = await SchemasAsync();

        // ASP.NET Core's problem details types are the framework's, shared with the host's own routes: left as its options make them.
        var quoted = schemas.EnumerateObject()
            .Where(s => s.Name is not ("ProblemDetails" or "HttpValidationProblemDetails"))
            .SelectMany(s => s.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (Member: $"{s.Name}.{p.Name}", p.Value)) : [])
            .Where(p => TypesOf(p.Value) is var types && (types.Contains("integer") || types.Contains("number")) && types.Contains("string"))
            .Select(p => p.Member)
            .ToList();

        Assert.Empty(quoted);
        var displayOrder = schemas.GetProperty("CreateComponentRequest").GetProperty("properties").GetProperty("displayOrder");
        Assert.Contains("integer", TypesOf(displayOrder));
        Assert.False(displayOrder.TryGetProperty("pattern", out _));
    }

    [Fact]
    public async Task A_required_member_of_a_request_is_declared_not_null_as_the_API_refuses_null_as_it_refuses_leaving_it_out()
    {
        var schemas = await SchemasAsync();

        var nullable = schemas.EnumerateObject()
            .Where(s => s.Name.EndsWith("Request", StringComparison.Ordinal) && s.Value.TryGetProperty("required", out _))
            .SelectMany(s => s.Value.GetProperty("required").EnumerateArray().Select(r => (Member: $"{s.Name}.{r.GetString()}", Schema: s.Value.GetProperty("properties").GetProperty(r.GetString()!))))
            .Where(m => TypesOf(m.Schema).Contains("null")
                || (m.Schema.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().Any(c => TypesOf(c).Contains("null"))))
            .Select(m => m.Member)
            .ToList();

        Assert.Empty(nullable);
        var manual = schemas.GetProperty("ManualStatusRequest");
        Assert.Equal(["status"], manual.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["boolean"], TypesOf(schemas.GetProperty("VisibilityRequest").GetProperty("properties").GetProperty("isPublic")));
    }

    // A schema's "type": one name, or several.
    private static List<string?> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString())]
        : [type.GetString()];

    // The document's component schemas, by name.
    private async Task<JsonElement> SchemasAsync()
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("components").GetProperty("schemas").Clone();
    }

    private async Task<JsonElement> OperationAsync(string route)
    {
        var operation = (await AdminOperationsAsync()).SingleOrDefault(o => o.Route == route);
        Assert.True(operation.Route is not null, $"The document has no operation {route}.");
        return operation.Operation;
    }

    // Every operation under /status/admin, as "METHOD /path" (the path under the admin prefix).
    private async Task<List<(string Route, JsonElement Operation)>> AdminOperationsAsync()
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return
        [
            .. document.RootElement.GetProperty("paths").EnumerateObject()
                .Where(p => p.Name.StartsWith("/status/admin/", StringComparison.Ordinal))
                .SelectMany(p => p.Value.EnumerateObject().Select(o => ($"{o.Name.ToUpperInvariant()} {p.Name["/status/admin".Length..]}", o.Value.Clone()))),
        ];
    }
}
