using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class AdminApiTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Admin_API_needs_the_api_key()
    {
        using var anonymous = factory.CreatePublicClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/status/admin/pages")).StatusCode);
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/status/admin/pages")).StatusCode);
        using var admin = factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/status/admin/pages")).StatusCode);
    }

    [Fact]
    public async Task Page_and_component_lifecycle_with_reorder_and_manual_status()
    {
        using var admin = factory.CreateAdminClient();
        var page = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Admin test", slug = "admin-test", timeZoneId = "Asia/Tokyo" }), HttpStatusCode.Created);
        var pageId = page.GetProperty("id").GetGuid();
        Assert.False(page.TryGetProperty("accessTokenHash", out _));
        var a = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "A" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var b = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "B", groupName = "G" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var reordered = await ReadAsync(await admin.PutAsJsonAsync($"/status/admin/pages/{pageId}/components/order", new { componentIds = new[] { b, a } }), HttpStatusCode.OK);
        Assert.Equal([b, a], reordered.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        var manual = await ReadAsync(await admin.PutAsJsonAsync($"/status/admin/components/{a}/manual-status", new { status = "partialOutage" }), HttpStatusCode.OK);
        Assert.Equal("partialOutage", manual.GetProperty("status").GetString());
        using var client = factory.CreatePublicClient();
        var status = JsonDocument.Parse(await client.GetStringAsync("/status/admin-test/api/v2/status.json"));
        Assert.Equal("major", status.RootElement.GetProperty("status").GetProperty("indicator").GetString());
        Assert.Equal(9, status.RootElement.GetProperty("page").GetProperty("updated_at").GetString()!.Length - "2026-01-01T00:00:00.000".Length + 3);
        Assert.EndsWith("+09:00", status.RootElement.GetProperty("page").GetProperty("updated_at").GetString(), StringComparison.Ordinal);

        var visibility = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/visibility", new { isPublic = false }), HttpStatusCode.OK);
        Assert.Equal(64, visibility.GetProperty("accessToken").GetString()!.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/admin-test/api/v2/status.json")).StatusCode);
        var regenerated = await ReadAsync(await admin.PostAsync($"/status/admin/pages/{pageId}/access-token", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/admin-test/api/v2/status.json?access_token={regenerated.GetProperty("accessToken").GetString()}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Fact]
    public async Task Admin_answers_write_text_as_it_is_so_a_signing_secret_copied_from_curl_works()
    {
        // A webhook's signing secret is base64: its '+' written as \u002B, as the default JSON encoder writes it,
        // was copied from curl's output as six wrong characters. The answer is JSON-equivalent either way.
        using var admin = factory.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Ops+Dev <status> & 'co'", slug = "admin-raw-text" });
        var raw = await created.Content.ReadAsStringAsync();
        var pageId = JsonDocument.Parse(raw).RootElement.GetProperty("id").GetGuid();
        try
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Contains("\"name\":\"Ops+Dev <status> & 'co'\"", raw, StringComparison.Ordinal);
        }
        finally
        {
            await admin.DeleteAsync($"/status/admin/pages/{pageId}");
        }
    }

    [Fact]
    public async Task Every_admin_answer_is_kept_by_no_cache_as_it_shows_the_operators_records()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        using var page = await admin.GetAsync($"/status/admin/pages/{pageId}");
        using var subscribers = await admin.GetAsync($"/status/admin/pages/{pageId}/subscribers");
        using var problem = await admin.PostAsync($"/status/admin/pages/{pageId}/components", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var missing = await admin.GetAsync($"/status/admin/components/{Guid.NewGuid()}");

        Assert.Equal(
            [(HttpStatusCode.OK, "no-store"), (HttpStatusCode.OK, "no-store"), (HttpStatusCode.BadRequest, "no-store"), (HttpStatusCode.NotFound, "no-store")],
            new[] { page, subscribers, problem, missing }.Select(r => (r.StatusCode, r.Headers.CacheControl?.ToString())));
    }

    [Fact]
    public async Task A_private_page_is_created_with_its_access_token_shown_once()
    {
        using var admin = factory.CreateAdminClient();
        using var client = factory.CreatePublicClient();

        var created = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Private at birth", slug = "private-at-birth", isPublic = false }), HttpStatusCode.Created);
        var token = created.GetProperty("accessToken").GetString();
        var pageId = created.GetProperty("id").GetGuid();
        var fetched = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}"), HttpStatusCode.OK);
        var publicPage = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Public at birth" }), HttpStatusCode.Created);

        Assert.Equal(64, token!.Length);
        Assert.True(created.GetProperty("hasAccessToken").GetBoolean());
        Assert.False(fetched.TryGetProperty("accessToken", out _));
        Assert.True(fetched.GetProperty("hasAccessToken").GetBoolean());
        Assert.False(publicPage.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/private-at-birth/api/v2/status.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/private-at-birth/api/v2/status.json?access_token={token}")).StatusCode);
    }

    [Theory]
    [InlineData("components")]
    [InlineData("incidents")]
    [InlineData("subscribers")]
    [InlineData("maintenance")]
    public async Task Lists_of_an_unknown_page_are_404_problems(string list)
    {
        using var admin = factory.CreateAdminClient();
        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{Guid.NewGuid()}/{list}"), HttpStatusCode.NotFound, "pageId");
        using var known = await admin.GetAsync($"/status/admin/pages/{await factory.PageIdAsync("demo")}/{list}");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
    }

    [Theory]
    [InlineData("GET", "pages", "pageId")]
    [InlineData("DELETE", "pages", "pageId")]
    [InlineData("GET", "components", "componentId")]
    [InlineData("DELETE", "components", "componentId")]
    [InlineData("GET", "incidents", "incidentId")]
    [InlineData("DELETE", "incidents", "incidentId")]
    [InlineData("GET", "subscribers", "subscriberId")]
    [InlineData("DELETE", "subscribers", "subscriberId")]
    [InlineData("GET", "maintenance", "windowId")]
    [InlineData("DELETE", "maintenance", "windowId")]
    public async Task An_unknown_record_read_or_deleted_is_a_404_problem_naming_the_route_id_as_its_writes_are(string method, string records, string field)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/status/admin/{records}/{Guid.NewGuid()}"));
        await AssertProblemAsync(response, HttpStatusCode.NotFound, field);
    }

    [Theory]
    [InlineData("""{"title":"W","endsAt":"2026-12-01T02:00:00Z"}""", "startsAt")]
    [InlineData("""{"title":"W","startsAt":"2026-12-01T00:00:00Z"}""", "endsAt")]
    public async Task A_maintenance_window_created_without_its_start_or_end_is_a_400_saying_it_is_required(string body, string field)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PostAsync(
            $"/status/admin/pages/{await factory.PageIdAsync("demo")}/maintenance", new StringContent(body, Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal($"The {field} is required.", detail);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field()
    {
        using var admin = factory.CreateAdminClient();
        using var blank = await admin.PostAsJsonAsync("/status/admin/pages", new { name = " " });
        await AssertProblemAsync(blank, HttpStatusCode.BadRequest, "name");

        using var taken = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Another demo", slug = "demo" });
        await AssertProblemAsync(taken, HttpStatusCode.Conflict, "slug");

        using var missing = await admin.PatchAsJsonAsync($"/status/admin/components/{Guid.NewGuid()}", new { name = "x" });
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "componentId");

        using var malformed = await admin.PostAsync("/status/admin/signals", new StringContent("{\"incidentId\": 5", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        using var badSignal = await admin.PostAsJsonAsync("/status/admin/signals", new { incidentId = "x", teamId = "", priority = "High", state = "triggered", version = 1, occurredAt = DateTimeOffset.UnixEpoch });
        await AssertProblemAsync(badSignal, HttpStatusCode.BadRequest, "teamId");
    }

    [Fact]
    public async Task A_changed_signal_under_a_version_already_stored_is_a_409_naming_version_and_a_resend_is_a_duplicate()
    {
        using var admin = factory.CreateAdminClient();
        var incidentId = $"INC-reuse-{Guid.NewGuid():N}";
        object Signal(string state) => new { incidentId, teamId = "nobody", priority = "Critical", state, version = 7, occurredAt = DateTimeOffset.UnixEpoch, title = "Reuse" };
        var applied = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/signals", Signal("triggered")), HttpStatusCode.Accepted);
        Assert.Equal("Applied", applied.GetProperty("result").GetString());

        using var reused = await admin.PostAsJsonAsync("/status/admin/signals", Signal("resolved"));
        var detail = JsonDocument.Parse(await reused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(reused, HttpStatusCode.Conflict, "version");
        Assert.Contains("versions must increase with every change", detail, StringComparison.Ordinal);

        var resent = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/signals", Signal("triggered")), HttpStatusCode.Accepted);
        Assert.Equal("Duplicate", resent.GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/vnd.api+json")]
    public async Task A_body_of_another_JSON_media_type_is_a_415_problem(string mediaType)
    {
        using var admin = factory.CreateAdminClient();
        using var content = new StringContent("{\"name\":\"Merge\"}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(mediaType);

        using var response = await admin.PostAsync("/status/admin/pages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_JSON_body_in_a_charset_dotnet_does_not_know_is_a_415_problem_asking_for_UTF_8()
    {
        using var admin = factory.CreateAdminClient();
        using var content = new StringContent("{\"name\":\"Ebcdic\"}", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=ebcdic");

        using var response = await admin.PostAsync("/status/admin/pages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("'ebcdic'", detail, StringComparison.Ordinal);
        Assert.Contains("UTF-8", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("\"UTF-8\"")]
    [InlineData("utf-16")]
    public async Task A_JSON_body_in_a_charset_dotnet_knows_is_read(string charset)
    {
        using var admin = factory.CreateAdminClient();
        var encoding = charset.Contains("16", StringComparison.Ordinal) ? Encoding.Unicode : Encoding.UTF8;
        using var content = new ByteArrayContent(encoding.GetBytes("{\"name\":\"Charset " + charset.Trim('"') + "\"}"));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=" + charset);

        var page = await ReadAsync(await admin.PostAsync("/status/admin/pages", content), HttpStatusCode.Created);

        Assert.Equal("Charset " + charset.Trim('"'), page.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("incidents?state=bogus", "state")]
    [InlineData("incidents?take=abc", "take")]
    [InlineData("incidents?skip=-1x", "skip")]
    [InlineData("maintenance?state=bogus", "state")]
    public async Task A_malformed_query_value_of_a_list_is_a_problem_naming_it(string query, string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task List_filters_take_the_state_names_the_API_writes()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/status/admin/pages/{pageId}/incidents?state=resolved&skip=0&take=5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/status/admin/pages/{pageId}/maintenance?state=inProgress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/status/admin/pages/{pageId}/maintenance?state=Scheduled")).StatusCode);
    }

    [Theory]
    [InlineData("/status/admin/pages", """{"description":"No name"}""", "name")]
    [InlineData("/status/admin/signals", """{"incidentId":"INC-R","priority":"P1","state":"triggered","version":1,"occurredAt":"2026-01-05T09:00:00Z"}""", "teamId")]
    [InlineData("/status/admin/signals", """{"incidentId":"INC-R","teamId":"t","priority":"P1","state":"triggered","version":1}""", "occurredAt")]
    public async Task A_left_out_required_member_is_a_problem_naming_it(string path, string body, string member)
    {
        using var admin = factory.CreateAdminClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync(path, content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, member);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal($"The {member} is required.", detail);
    }

    [Theory]
    [InlineData("maintenance", """{"title":"W","startsAt":"2026-12-01T00:00:00","endsAt":"2026-12-01T02:00:00Z"}""", "startsAt")]
    [InlineData("maintenance", """{"title":"W","startsAt":"2026-12-01T00:00:00Z","endsAt":"2026-12-01T02:00"}""", "endsAt")]
    [InlineData("signals", """{"incidentId":"INC-O","teamId":"t","priority":"P1","state":"triggered","version":1,"occurredAt":"2026-01-05T09:00:00.5"}""", "occurredAt")]
    public async Task A_time_without_its_UTC_offset_is_a_400_naming_it_as_it_would_be_read_in_the_servers_zone(string records, string body, string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var path = records == "signals" ? "/status/admin/signals" : $"/status/admin/pages/{pageId}/maintenance";
        var before = (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/maintenance"), HttpStatusCode.OK)).GetArrayLength();

        using var response = await admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.StartsWith($"The {field} must name its UTC offset", detail);
        Assert.Equal(before, (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/maintenance"), HttpStatusCode.OK)).GetArrayLength());
    }

    [Theory]
    [InlineData("manual-status", """{"status":"broken"}""", "status", "The status must be one of operational, underMaintenance, degradedPerformance, partialOutage, majorOutage.")]
    [InlineData("manual-status", """{"status":"majorOutage","expiresAt":"tomorrow"}""", "expiresAt", "The expiresAt must be a time in ISO 8601 with its UTC offset, like 2026-12-01T09:00:00Z.")]
    [InlineData("manual-status", """{"status":"majorOutage","expiresAt":5}""", "expiresAt", "The expiresAt must be a time in ISO 8601 with its UTC offset, like 2026-12-01T09:00:00Z.")]
    [InlineData("page", """{"name":"N","description":7}""", "description", "The description must be a string.")]
    [InlineData("subscribers", """{"channel":"email","destination":"typed@example.com","componentIds":["x"]}""", "componentIds[0]", "The componentIds[0] must be an id (a GUID, like 0195f3a4-1c2b-7d3e-9f40-5a6b7c8d9e0f).")]
    [InlineData("components", """{"name":"N","displayOrder":"first"}""", "displayOrder", "The displayOrder must be a whole number.")]
    [InlineData("components", """{"name":"N","onlyShowIfDegraded":"yes"}""", "onlyShowIfDegraded", "The onlyShowIfDegraded must be true or false.")]
    public async Task A_member_of_the_wrong_type_is_a_400_saying_what_it_must_be_in_the_APIs_own_words(string route, string body, string field, string expected)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var componentId = (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/components"), HttpStatusCode.OK))[0].GetProperty("id").GetGuid();
        var (method, path) = route switch
        {
            "manual-status" => (HttpMethod.Put, $"/status/admin/components/{componentId}/manual-status"),
            "page" => (HttpMethod.Patch, $"/status/admin/pages/{pageId}"),
            _ => (HttpMethod.Post, $"/status/admin/pages/{pageId}/{route}"),
        };

        using var response = await admin.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(expected, detail);
    }

    [Fact]
    public async Task A_member_the_body_does_not_take_is_a_400_naming_it_and_the_members_it_takes_and_nothing_is_created()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var componentId = (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/components"), HttpStatusCode.OK))[0].GetProperty("id").GetGuid();
        // "components" is what the public subscribe route takes; read as nothing, this would follow every component.
        var body = $$"""{"channel":"email","destination":"misnamed@example.com","components":["{{componentId}}"]}""";

        using var response = await admin.PostAsync($"/status/admin/pages/{pageId}/subscribers", new StringContent(body, Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "components");
        Assert.Equal("'components' is not a member of this body; it takes channel, destination, componentIds, notifyOn, preVerified, incidentId.", detail);
        Assert.DoesNotContain(await factory.Service<StatusKit.Services.SubscriberService>().ListAsync(pageId), s => s.Destination == "misnamed@example.com");
    }

    [Fact]
    public async Task The_members_an_edit_takes_leave_out_the_version_it_takes_from_If_Match()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        using var response = await admin.PatchAsync($"/status/admin/pages/{pageId}", new StringContent("""{"title":"Renamed"}""", Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "title");
        Assert.StartsWith("'title' is not a member of this body; it takes name, ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("expectedVersion", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_with_members_of_the_platforms_own_is_taken_as_a_platforms_webhook_sends_it()
    {
        using var admin = factory.CreateAdminClient();
        var body = """{"incidentId":"INC-EXTRA","teamId":"team-extra","priority":"P1","state":"triggered","version":1,"occurredAt":"2026-01-05T09:00:00Z","url":"https://platform.example/INC-EXTRA","assignee":{"name":"On call"}}""";

        using var response = await admin.PostAsync("/status/admin/signals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_that_says_where_the_syntax_breaks()
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsync("/status/admin/pages", new StringContent("""{"name":"N",}""", Encoding.UTF8, "application/json"));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The JSON is not valid here: ", detail);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 12", detail);
    }

    [Fact]
    public async Task A_left_out_visibility_state_or_status_is_a_problem_naming_it_and_changes_nothing()
    {
        using var admin = factory.CreateAdminClient();
        var page = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Required members" }), HttpStatusCode.Created);
        var pageId = page.GetProperty("id").GetGuid();
        var component = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "API" }), HttpStatusCode.Created);
        var componentId = component.GetProperty("id").GetGuid();
        var incident = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }), HttpStatusCode.Created);
        var incidentId = incident.GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/incidents/{incidentId}/updates", new { state = "monitoring", message = "Fix out", notifySubscribers = false }), HttpStatusCode.Created);

        // A typo ("public" for "isPublic") or an empty body must not make the page private.
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/visibility", new { @public = true }), HttpStatusCode.BadRequest, "public");
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/visibility", new { }), HttpStatusCode.BadRequest, "isPublic");
        await AssertProblemAsync(await admin.PostAsJsonAsync($"/status/admin/incidents/{incidentId}/updates", new { message = "Still watching", notifySubscribers = false }), HttpStatusCode.BadRequest, "state");
        await AssertProblemAsync(await admin.PutAsJsonAsync($"/status/admin/components/{componentId}/manual-status", new { expiresAt = (DateTimeOffset?)null }), HttpStatusCode.BadRequest, "status");

        Assert.True((await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}"), HttpStatusCode.OK)).GetProperty("isPublic").GetBoolean());
        var after = await ReadAsync(await admin.GetAsync($"/status/admin/incidents/{incidentId}"), HttpStatusCode.OK);
        Assert.Equal("monitoring", after.GetProperty("state").GetString());
        Assert.Equal(2, after.GetProperty("updates").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await admin.GetAsync($"/status/admin/components/{componentId}"), HttpStatusCode.OK)).GetProperty("manualStatus").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Fact]
    public async Task A_component_shown_only_while_degraded_is_created_read_listed_and_changed_through_the_admin_API_which_always_shows_it()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = (await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Quiet component", slug = "quiet-component" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var created = await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "Batch", onlyShowIfDegraded = true });
        var batch = await ReadAsync(created, HttpStatusCode.Created);
        var id = batch.GetProperty("id").GetGuid();
        var plain = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "API" }), HttpStatusCode.Created);

        Assert.True(batch.GetProperty("onlyShowIfDegraded").GetBoolean());
        Assert.False(plain.GetProperty("onlyShowIfDegraded").GetBoolean());
        Assert.True((await ReadAsync(await admin.GetAsync($"/status/admin/components/{id}"), HttpStatusCode.OK)).GetProperty("onlyShowIfDegraded").GetBoolean());
        Assert.Equal(
            [("Batch", true), ("API", false)],
            (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/components"), HttpStatusCode.OK)).EnumerateArray()
                .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("onlyShowIfDegraded").GetBoolean())));

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/status/admin/components/{id}") { Content = JsonContent.Create(new { onlyShowIfDegraded = false }) };
        patch.Headers.IfMatch.Add(created.Headers.ETag!);
        using var patched = await admin.SendAsync(patch);
        var cleared = await ReadAsync(patched, HttpStatusCode.OK);

        Assert.False(cleared.GetProperty("onlyShowIfDegraded").GetBoolean());
        Assert.Equal(batch.GetProperty("version").GetInt64() + 1, cleared.GetProperty("version").GetInt64());
        Assert.NotEqual(created.Headers.ETag, patched.Headers.ETag);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Fact]
    public async Task After_a_component_is_deleted_no_record_keeps_its_id_and_a_subscriber_of_only_it_is_deactivated()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = (await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Deleted component" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var api = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "API" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var web = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "Web" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var incidentId = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", componentIds = new[] { api, web }, notifySubscribers = false }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var windowId = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), componentIds = new[] { api, web }, notifySubscribers = false }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var apiFan = (await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "api-fan@example.com", componentIds = new[] { api } }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/components/{api}")).StatusCode);

        var incidentIds = (await ReadAsync(await admin.GetAsync($"/status/admin/incidents/{incidentId}"), HttpStatusCode.OK)).GetProperty("componentIds");
        var patchedIncident = await ReadAsync(await admin.PatchAsJsonAsync($"/status/admin/incidents/{incidentId}", new { title = "Slow web", componentIds = incidentIds }), HttpStatusCode.OK);
        var windowIds = (await ReadAsync(await admin.GetAsync($"/status/admin/maintenance/{windowId}"), HttpStatusCode.OK)).GetProperty("componentIds");
        var patchedWindow = await ReadAsync(await admin.PatchAsJsonAsync($"/status/admin/maintenance/{windowId}", new { title = "Web disk swap", componentIds = windowIds }), HttpStatusCode.OK);
        var subscriber = await ReadAsync(await admin.GetAsync($"/status/admin/subscribers/{apiFan}"), HttpStatusCode.OK);

        Assert.Equal([web], patchedIncident.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([web], patchedWindow.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal((false, 0), (subscriber.GetProperty("isActive").GetBoolean(), subscriber.GetProperty("componentIds").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Fact]
    public async Task Incident_updates_move_the_incident_along_its_timeline()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var incident = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Timeline test", message = "Looking", notifySubscribers = false }), HttpStatusCode.Created);
        var id = incident.GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/incidents/{id}/updates", new { state = "identified", message = "Found it", notifySubscribers = false }), HttpStatusCode.Created);
        var resolved = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/incidents/{id}/updates", new { state = "resolved", message = "Fixed", notifySubscribers = false }), HttpStatusCode.Created);
        Assert.Equal("resolved", resolved.GetProperty("state").GetString());
        Assert.Equal(3, resolved.GetProperty("updates").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/incidents/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_incident_can_be_created_in_a_later_state_or_already_resolved()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        var identified = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Known cause", message = "A bad deploy; rolling back", state = "identified", notifySubscribers = false }), HttpStatusCode.Created);
        var resolved = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Last night", message = "Logins failed for 20 minutes", state = "resolved", notifySubscribers = false }), HttpStatusCode.Created);
        var investigating = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Default", message = "Looking", notifySubscribers = false }), HttpStatusCode.Created);

        Assert.Equal(("identified", "identified", JsonValueKind.Null), (identified.GetProperty("state").GetString(), identified.GetProperty("updates")[0].GetProperty("state").GetString(), identified.GetProperty("resolvedAt").ValueKind));
        Assert.Equal(("resolved", "resolved", JsonValueKind.String), (resolved.GetProperty("state").GetString(), resolved.GetProperty("updates")[0].GetProperty("state").GetString(), resolved.GetProperty("resolvedAt").ValueKind));
        Assert.Equal("investigating", investigating.GetProperty("state").GetString());
        foreach (var incident in new[] { identified, resolved, investigating })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/incidents/{incident.GetProperty("id").GetGuid()}")).StatusCode);
        }
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_state_an_incident_is_created_in()
    {
        using var client = factory.CreatePublicClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        var properties = schemas.GetProperty("CreateIncidentRequest").GetProperty("properties");
        Assert.True(properties.TryGetProperty("state", out _));
        Assert.Equal("date-time", properties.GetProperty("startedAt").GetProperty("format").GetString());
        Assert.Equal("date-time", properties.GetProperty("resolvedAt").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Maintenance_windows_start_now_show_as_active_and_complete()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var start = DateTimeOffset.UtcNow.AddDays(2);
        using var invalid = await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/maintenance", new { title = "Backwards", startsAt = start, endsAt = start.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var window = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), timeZoneId = "Europe/Berlin" }), HttpStatusCode.Created);
        var id = window.GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsync($"/status/admin/maintenance/{id}/start", null), HttpStatusCode.OK);
        using var client = factory.CreatePublicClient();
        var active = JsonDocument.Parse(await client.GetStringAsync("/status/demo/api/v2/scheduled-maintenances/active.json"));
        var entry = Assert.Single(active.RootElement.GetProperty("scheduled_maintenances").EnumerateArray());
        Assert.Equal("in_progress", entry.GetProperty("status").GetString());
        Assert.Equal("Disk swap", entry.GetProperty("name").GetString());
        await ReadAsync(await admin.PostAsync($"/status/admin/maintenance/{id}/complete", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/maintenance/{id}")).StatusCode);
    }

    [Fact]
    public async Task Maintenance_excluded_occurrences_are_wall_clock_times_in_and_out_and_bad_ones_are_problems_naming_them()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(factory.Service<TimeProvider>().GetUtcNow().UtcDateTime.Date.AddDays(2).AddHours(12), TimeSpan.Zero);
        string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, berlin).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var body = new { title = "Weekly vacuum", startsAt = start, endsAt = start.AddHours(1), timeZoneId = "Europe/Berlin", recurrence = "FREQ=WEEKLY", notifySubscribers = false };

        await AssertProblemAsync(
            await admin.PostAsJsonAsync(
                $"/status/admin/pages/{pageId}/maintenance",
                new { body.title, body.startsAt, body.endsAt, body.timeZoneId, body.recurrence, body.notifySubscribers, excludedOccurrences = new[] { Local(start) + "Z" } }),
            HttpStatusCode.BadRequest,
            "excludedOccurrences");
        await AssertProblemAsync(
            await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/maintenance", new { body.title, body.startsAt, body.endsAt, excludedOccurrences = new[] { Local(start) } }),
            HttpStatusCode.BadRequest,
            "excludedOccurrences");
        var window = await ReadAsync(
            await admin.PostAsJsonAsync(
                $"/status/admin/pages/{pageId}/maintenance",
                new { body.title, body.startsAt, body.endsAt, body.timeZoneId, body.recurrence, body.notifySubscribers, excludedOccurrences = new[] { Local(start) } }),
            HttpStatusCode.Created);
        var id = window.GetProperty("id").GetGuid();
        try
        {
            Assert.Equal([Local(start)], window.GetProperty("excludedOccurrences").EnumerateArray().Select(e => e.GetString()));
            var nextWeek = TimeZoneInfo.ConvertTime(start, berlin).DateTime.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(nextWeek, Local(window.GetProperty("occurrenceStartsAt").GetDateTimeOffset()));
            var read = await ReadAsync(await admin.GetAsync($"/status/admin/maintenance/{id}"), HttpStatusCode.OK);
            Assert.Equal([Local(start)], read.GetProperty("excludedOccurrences").EnumerateArray().Select(e => e.GetString()));

            await AssertProblemAsync(
                await admin.PatchAsJsonAsync($"/status/admin/maintenance/{id}", new { excludedOccurrences = new[] { nextWeek, nextWeek } }),
                HttpStatusCode.BadRequest,
                "excludedOccurrences");
            var cleared = await ReadAsync(await admin.PatchAsJsonAsync($"/status/admin/maintenance/{id}", new { excludedOccurrences = Array.Empty<string>() }), HttpStatusCode.OK);
            Assert.Equal(0, cleared.GetProperty("excludedOccurrences").GetArrayLength());
            Assert.Equal(start, cleared.GetProperty("occurrenceStartsAt").GetDateTimeOffset());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/maintenance/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Subscribers_are_listed_without_secrets()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        var created = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "admin-test@example.com" }), HttpStatusCode.Created);
        Assert.Equal(64, created.GetProperty("unsubscribeToken").GetString()!.Length);
        var list = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/subscribers"), HttpStatusCode.OK);
        var listed = list.EnumerateArray().Single(s => s.GetProperty("destination").GetString() == "admin-test@example.com");
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("unsubscribeToken").ValueKind);
        Assert.False(listed.TryGetProperty("unsubscribeTokenHash", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/subscribers/{created.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_operator_subscribes_a_Teams_workflow_and_it_is_listed_with_the_teams_channel()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        const string Workflow = "https://127.0.0.1:1/workflows/admin-test/triggers/manual/paths/invoke?sig=x";

        var created = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "teams", destination = Workflow }), HttpStatusCode.Created);

        Assert.Equal("teams", created.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("signingSecret").ValueKind);
        var list = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/subscribers"), HttpStatusCode.OK);
        Assert.Equal("teams", list.EnumerateArray().Single(s => s.GetProperty("destination").GetString() == Workflow).GetProperty("channel").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/subscribers/{created.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_operator_subscription_with_an_explicitly_empty_notifyOn_is_a_400_naming_it_and_one_without_notifyOn_gets_every_event()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        using var empty = await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "admin-no-events@example.com", notifyOn = Array.Empty<string>() });
        var absent = await ReadAsync(
            await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "admin-every-event@example.com" }), HttpStatusCode.Created);

        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "notifyOn");
        Assert.DoesNotContain(await factory.Service<StatusKit.Services.SubscriberService>().ListAsync(pageId), s => s.Destination == "admin-no-events@example.com");
        Assert.Equal(["degraded", "outage", "maintenance", "resolved"], absent.GetProperty("notifyOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/subscribers/{absent.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_subscribers_notifyOn_reads_back_in_the_shape_it_was_written_so_a_client_can_send_it_again()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");
        string[] notifyOn = ["outage", "resolved"];

        var created = await ReadAsync(
            await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "admin-round-trip@example.com", notifyOn }), HttpStatusCode.Created);
        var read = await ReadAsync(await admin.GetAsync($"/status/admin/subscribers/{created.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);

        Assert.Equal(notifyOn, created.GetProperty("notifyOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(notifyOn, read.GetProperty("notifyOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/subscribers/{created.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Every_create_answers_201_with_the_Location_where_the_admin_API_reads_what_it_created()
    {
        using var admin = factory.CreateAdminClient();
        var readBack = new List<(Created Created, Guid Id, string? ETag)>();
        async Task<Created> CreateAndReadBackAsync(string path, object body)
        {
            var created = await CreateAsync(admin, path, body);
            using var read = await admin.GetAsync(new Uri(created.RequestUri, created.Location));
            var etag = read.Headers.ETag?.Tag;
            readBack.Add((created, (await ReadAsync(read, HttpStatusCode.OK)).GetProperty("id").GetGuid(), etag));
            return created;
        }

        var page = await CreateAndReadBackAsync("/status/admin/pages", new { name = "Located", slug = "located" });
        var pageId = page.Id;
        var component = await CreateAndReadBackAsync($"/status/admin/pages/{pageId}/components", new { name = "API" });
        var incident = await CreateAndReadBackAsync($"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false });
        await CreateAndReadBackAsync($"/status/admin/incidents/{incident.Id}/updates", new { state = "monitoring", message = "Fix out", notifySubscribers = false });
        var subscriber = await CreateAndReadBackAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "located@example.com" });
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await CreateAndReadBackAsync($"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false });
        var template = await CreateAndReadBackAsync($"/status/admin/pages/{pageId}/incident-templates", new { name = "Slow", title = "Slow", message = "Looking" });

        // An appended update is read in its incident's timeline, so its Location is the incident's.
        Assert.Equal(
            [
                $"/status/admin/pages/{pageId}", $"/status/admin/components/{component.Id}", $"/status/admin/incidents/{incident.Id}",
                $"/status/admin/incidents/{incident.Id}", $"/status/admin/subscribers/{subscriber.Id}", $"/status/admin/maintenance/{window.Id}",
                $"/status/admin/incident-templates/{template.Id}",
            ],
            readBack.Select(r => r.Created.Location.OriginalString));
        Assert.All(readBack, r => Assert.Equal((r.Created.Id, r.Created.ETag), (r.Id, r.ETag)));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(page.Location)).StatusCode);
    }

    [Fact]
    public void Outside_Development_the_admin_API_refuses_to_start_without_a_policy()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Services.AddStatusPages().AddStatusPageEndpoints();
        using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapStatusPages());
        Assert.Contains("AdminAuthorizationPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapStatusPages_without_the_services_says_what_to_call()
    {
        using var app = WebApplication.CreateSlimBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapStatusPages());
        Assert.Contains("AddStatusPageEndpoints()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_admin_and_public_routes()
    {
        using var client = factory.CreatePublicClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/status/admin/signals", paths);
        Assert.Contains("/status/{slug}/api/v2/summary.json", paths);
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.All(
            ["CreateMaintenanceRequest", "UpdateMaintenanceWindow", "MaintenanceWindow"],
            schema => Assert.True(schemas.GetProperty(schema).GetProperty("properties").TryGetProperty("excludedOccurrences", out _), schema));
    }

    [Fact]
    public async Task OpenAPI_document_describes_whether_an_incident_update_notified_subscribers()
    {
        using var client = factory.CreatePublicClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = json.RootElement.GetProperty("components").GetProperty("schemas");

        var notify = schemas.GetProperty("StatusIncidentUpdate").GetProperty("properties").GetProperty("notifySubscribers");

        Assert.Equal("boolean", notify.GetProperty("type").GetString());
    }

    /// <summary>What a create answered: the target it was posted to, its <c>Location</c>, the created id and its <c>ETag</c>.</summary>
    internal sealed record Created(Uri RequestUri, Uri Location, Guid Id, string? ETag);

    internal static async Task<Created> CreateAsync(HttpClient admin, string path, object body)
    {
        var response = await admin.PostAsJsonAsync(path, body);
        var location = response.Headers.Location;
        var etag = response.Headers.ETag?.Tag;
        var requestUri = response.RequestMessage!.RequestUri!;
        var created = await ReadAsync(response, HttpStatusCode.Created);
        Assert.True(location is not null, $"POST {path} answered 201 without a Location.");
        return new Created(requestUri, location, created.GetProperty("id").GetGuid(), etag);
    }
}
