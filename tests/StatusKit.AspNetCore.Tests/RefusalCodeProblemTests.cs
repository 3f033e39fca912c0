using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A refusal's reason code (<see cref="StatusKitValidationException.Code"/>) reaches programs as the problem details'
/// <c>code</c> member, beside the field and the English detail, which stay as they were; a refusal without a code has
/// no such member.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class RefusalCodeProblemTests(SampleHostFactory factory)
{
    [Theory]
    [InlineData("192.0.2.160", """{ "channel": "email", "destination": "ops@" }""", "destination", "destination.invalidEmail")]
    [InlineData("192.0.2.161", """{ "channel": "fax", "destination": "ops@example.com" }""", "channel", "channel.unknown")]
    [InlineData("192.0.2.162", """{ "channel": "email", "destination": "codes-empty@example.com", "notifyOn": [] }""", "notifyOn", "notifyOn.empty")]
    [InlineData("192.0.2.163", """{ "channel": "email", "destination": "codes-unknown@example.com", "notifyOn": ["sometimes"] }""", "notifyOn", "notifyOn.unknown")]
    [InlineData("192.0.2.164", """{ "channel": "email", "destination": "codes-components@example.com", "components": ["0197a5b6-0000-7000-8000-000000000001"] }""", "components", "components.notOnPage")]
    public async Task A_refused_subscription_names_its_code_beside_the_field(string client, string json, string field, string code)
    {
        using var http = factory.CreatePublicClient(client);

        using var response = await http.PostAsync("/status/demo/subscriptions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Equal((field, code), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_code_is_added_to_the_problem_and_nothing_else_changes()
    {
        using var http = factory.CreatePublicClient("192.0.2.165");

        using var response = await http.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = "ops@" });

        var problem = await ProblemAsync(response);
        const string Detail = "'ops@' is not an email address (expected name@example.com).";
        Assert.Equal(
            ["code", "detail", "errors", "field", "status", "title", "type"],
            problem.EnumerateObject().Select(m => m.Name).Where(n => n != "traceId").Order(StringComparer.Ordinal));
        Assert.Equal(Detail, problem.GetProperty("detail").GetString());
        Assert.Equal(Detail, problem.GetProperty("errors").GetProperty("destination")[0].GetString());
        Assert.Equal("destination.invalidEmail", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refusal_without_a_code_has_no_code_member()
    {
        using var admin = factory.CreateAdminClient();

        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));

        using var response = await Request(
            admin, HttpMethod.Post, $"/status/admin/pages/{page}/maintenance", new { title = "Upgrade", startsAt = "2030-01-01T10:00:00Z", endsAt = "2030-01-01T09:00:00Z" }, null);

        var problem = await ProblemAsync(response);
        Assert.Equal("endsAt", problem.GetProperty("field").GetString());
        Assert.False(problem.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task The_admin_APIs_refusal_names_the_same_code_with_the_admin_field()
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));

        using var response = await Request(
            admin, HttpMethod.Post, $"/status/admin/pages/{page}/subscribers", new { channel = "email", destination = "ops@example.com", componentIds = new[] { Guid.NewGuid() } }, null);

        var problem = await ProblemAsync(response);
        Assert.Equal(("componentIds", "components.notOnPage"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("subscribers", """{ "channel": "pigeon", "destination": "ops@example.com" }""", "channel", "channel.unknown")]
    [InlineData("subscribers", """{ "channel": 3, "destination": "ops@example.com" }""", "channel", "channel.unknown")]
    [InlineData("subscribers", """{ "channel": "email", "destination": "ops@example.com", "componentIds": ["abc"] }""", "componentIds[0]", "id.invalid")]
    [InlineData("subscribers", """{ "channel": "email", "destination": "ops@example.com", "components": [] }""", "components", "member.unknown")]
    [InlineData("incidents", """{ "title": "Down", "message": "Looking", "severity": "huge" }""", "severity", "value.invalid")]
    [InlineData("incidents", """{ "title": 5, "message": "Looking" }""", "title", "value.invalid")]
    [InlineData("maintenance", """{ "startsAt": "2026-12-01T09:00:00" }""", "startsAt", "value.invalid")]
    [InlineData("maintenance", """{ "title": "Upgrade" }""", "startsAt", "member.required")]
    [InlineData("components/order", """{ "componentIds": ["0197a5b6-0000-7000-8000-000000000001", "0197a5b6-0000-7000-8000-000000000001"] }""", "componentIds", "ids.duplicate")]
    [InlineData("components/order", """{ "componentIds": ["00000000-0000-0000-0000-000000000000"] }""", "componentIds", "id.empty")]
    [InlineData("incidents", """{ "title": "Down", """, "body", "body.invalidJson")]
    public async Task The_admin_APIs_refusal_of_a_bodys_shape_names_a_code(string route, string json, string field, string code)
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));
        var method = route == "components/order" ? HttpMethod.Put : HttpMethod.Post;

        using var response = await admin.SendAsync(new HttpRequestMessage(method, $"/status/admin/pages/{page}/{route}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        });

        var problem = await ProblemAsync(response);
        Assert.Equal((field, code), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("""{ "name": "API", "displayOrder": -1 }""", "displayOrder", "value.outOfRange")]
    [InlineData("""{ "name": "API", "description": "Down\u0000" }""", "description", "text.containsNul")]
    public async Task The_admin_APIs_refusal_of_a_value_a_member_does_not_take_names_a_code(string json, string field, string code)
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));

        using var response = await admin.PostAsync(
            $"/status/admin/pages/{page}/components", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Equal((field, code), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_refusal_the_route_renames_to_its_bodys_member_keeps_its_code()
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));
        var incident = Id(await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{page}/incidents", new { title = "Down", message = "Over", state = "resolved" }, expected: HttpStatusCode.Created));

        using var postmortem = await Request(admin, HttpMethod.Put, $"/status/admin/incidents/{incident}/postmortem", new { body = "  " }, null);

        var problem = await ProblemAsync(postmortem);
        Assert.Equal(("body", "member.required"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task A_version_sent_in_the_body_is_a_member_the_body_does_not_take()
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));

        using var response = await Request(admin, HttpMethod.Patch, $"/status/admin/pages/{page}", new { expectedVersion = 1 }, null);

        var problem = await ProblemAsync(response);
        Assert.Equal(("expectedVersion", "member.unknown"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("audit-log?targetId=abc", "targetId", "id.invalid")]
    [InlineData("incidents?state=sleeping", "state", "value.invalid")]
    [InlineData("incidents?take=many", "take", "value.invalid")]
    [InlineData("maintenance?skip=99999999999", "skip", "value.outOfRange")]
    [InlineData("subscribers?take=-99999999999", "take", "value.outOfRange")]
    [InlineData("audit-log?cursor=abc", "cursor", "value.invalid")]
    public async Task The_admin_APIs_refusal_of_a_query_parameter_names_a_code(string route, string field, string code)
    {
        using var admin = factory.CreateAdminClient();
        var page = Id(await CreatePageAsync(admin, $"Codes {Guid.NewGuid():N}"));

        using var response = await admin.GetAsync($"/status/admin/pages/{page}/{route}");

        var problem = await ProblemAsync(response);
        Assert.Equal((field, code), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("badge.svg?show=everything", "show")]
    [InlineData("badge.svg?show=uptime&days=0", "days")]
    [InlineData("api/v2/metrics.json?range=year", "range")]
    public async Task A_public_routes_refused_query_value_is_an_invalid_value(string route, string field)
    {
        using var http = factory.CreatePublicClient();

        using var response = await http.GetAsync($"/status/demo/{route}");

        var problem = await ProblemAsync(response);
        Assert.Equal((field, "value.invalid"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("192.0.2.167", """{ "channel": "email", "destination": "codes-member@example.com", "componentIds": [] }""", "componentIds", "member.unknown")]
    [InlineData("192.0.2.168", """{ "channel": "email", "destination": "codes-incident@example.com", "incidentId": null }""", "incidentId", "member.unknown")]
    [InlineData("192.0.2.169", """{ "channel": "email", "destination": "codes-id@example.com", "components": ["abc"] }""", "components[0]", "id.invalid")]
    public async Task A_public_subscriptions_refused_member_is_named_as_the_client_sent_it(string client, string json, string field, string code)
    {
        using var http = factory.CreatePublicClient(client);

        using var response = await http.PostAsync("/status/demo/subscriptions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        Assert.Equal((field, code), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("192.0.2.170", "components", "not-an-id")]
    [InlineData("192.0.2.171", "incident", "not-an-id")]
    public async Task A_forms_id_that_is_not_a_GUID_is_an_invalid_id(string client, string field, string value)
    {
        using var http = factory.CreatePublicClient(client);
        using var form = new FormUrlEncodedContent([new("channel", "email"), new("destination", $"codes-form-{field}@example.com"), new(field, value)]);

        using var response = await http.PostAsync("/status/demo/subscriptions", form);

        var problem = await ProblemAsync(response);
        Assert.Equal((field, "id.invalid"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
