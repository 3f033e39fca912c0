using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Third-party components through the admin API: an upstream set on create, shown on read, changed and cleared by PATCH.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminUpstreamComponentTests(SampleHostFactory factory)
{
    // A name that never resolves (RFC 2606): the host's poller tries it and keeps the component as it is.
    private const string Upstream = "https://status.upstream.invalid/api/v2/summary.json";

    [Fact]
    public async Task An_upstream_is_set_on_create_shown_on_every_read_and_cleared_by_a_PATCH_naming_it_null()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = (await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Third party" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var created = await ReadAsync(
            await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "GitHub", upstreamUrl = Upstream, upstreamComponentId = "br0l2tvcx85d" }),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var read = await ReadAsync(await admin.GetAsync($"/status/admin/components/{id}"), HttpStatusCode.OK);
        var listed = (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/components"), HttpStatusCode.OK))[0];

        foreach (var component in new[] { created, read, listed })
        {
            Assert.Equal(Upstream, component.GetProperty("upstreamUrl").GetString());
            Assert.Equal("br0l2tvcx85d", component.GetProperty("upstreamComponentId").GetString());
            Assert.Equal(JsonValueKind.Null, component.GetProperty("upstreamStatus").ValueKind);
            Assert.Equal(JsonValueKind.Null, component.GetProperty("upstreamReadAt").ValueKind);
        }

        var whole = await PatchAsync(admin, id, """{"upstreamComponentId":null}""");
        Assert.Equal((Upstream, JsonValueKind.Null), (whole.GetProperty("upstreamUrl").GetString(), whole.GetProperty("upstreamComponentId").ValueKind));
        var renamed = await PatchAsync(admin, id, """{"name":"GitHub.com"}""");
        Assert.Equal(Upstream, renamed.GetProperty("upstreamUrl").GetString());
        var cleared = await PatchAsync(admin, id, """{"upstreamUrl":null}""");
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("upstreamUrl").ValueKind);
        Assert.Equal(created.GetProperty("version").GetInt64() + 3, cleared.GetProperty("version").GetInt64());

        var log = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/audit-log?action=component.updated"), HttpStatusCode.OK);
        Assert.Equal(
            ["upstreamUrl", "name", "upstreamComponentId"],
            log.GetProperty("entries").EnumerateArray().Select(e => string.Join(",", e.GetProperty("fields").EnumerateArray().Select(f => f.GetString()))));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Theory]
    [InlineData(null, "Third-party component: status.upstream.invalid")]
    [InlineData("de", "Komponente eines Drittanbieters: status.upstream.invalid")]
    [InlineData("fr", "Composant tiers : status.upstream.invalid")]
    [InlineData("es", "Componente de terceros: status.upstream.invalid")]
    public async Task The_public_page_names_a_third_party_components_upstream_host_in_its_language(string? language, string note)
    {
        using var admin = factory.CreateAdminClient();
        var slug = "third-party-" + (language ?? "en");
        var pageId = (await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Vendors", slug, language }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "GitHub", upstreamUrl = Upstream }), HttpStatusCode.Created);
        await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/components", new { name = "API" }), HttpStatusCode.Created);
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync($"/status/{slug}");

        Assert.Contains($"<p class=\"desc upstream\">{note}</p>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"desc upstream\""));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"U","upstreamUrl":"http://status.example.com/api/v2/summary.json"}""", "upstreamUrl")]
    [InlineData("""{"name":"U","upstreamUrl":"summary.json"}""", "upstreamUrl")]
    [InlineData("""{"name":"U","upstreamComponentId":"abc"}""", "upstreamComponentId")]
    public async Task A_bad_upstream_is_a_400_naming_the_member_and_creates_nothing(string body, string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = (await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Bad upstream" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var response = await admin.PostAsync(
            $"/status/admin/pages/{pageId}/components", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await ReadAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/components"), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/pages/{pageId}")).StatusCode);
    }

    private static async Task<JsonElement> PatchAsync(HttpClient admin, Guid id, string body)
    {
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/status/admin/components/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await ReadAsync(await admin.SendAsync(patch), HttpStatusCode.OK);
    }
}
