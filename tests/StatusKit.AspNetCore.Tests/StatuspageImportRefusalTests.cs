using System.Net;
using System.Text;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// What the three Statuspage imports (incidents, components, scheduled maintenances) refuse alike, since they read
/// their documents through one reader: malformed JSON, a bare array, a body over 5 MiB, an unknown page.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class StatuspageImportRefusalTests(SampleHostFactory factory)
{
    public static TheoryData<string, string> Imports => new()
    {
        { "import/statuspage", "incidents" },
        { "import/statuspage/components", "components" },
        { "import/statuspage/maintenances", "scheduled_maintenances" },
    };

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task Malformed_json_is_a_400_naming_the_body(string route, string member)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, route, $$"""{"{{member}}":[{"id":"""), HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task A_bare_array_is_a_400_asking_for_the_document_as_downloaded(string route, string member)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        using var response = await PostAsync(admin, pageId, route, "[]");

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        Assert.Contains($"\"{member}\" member is an array", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task A_body_over_5_MiB_is_a_413(string route, string member)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();
        var body = $$$"""{"{{{member}}}":[],"page":{"name":"{{{new string('x', 5 * 1024 * 1024)}}}"}}""";

        using var response = await PostAsync(admin, pageId, route, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Imports))]
    public async Task An_unknown_page_is_a_404_naming_pageId(string route, string member)
    {
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, Guid.NewGuid(), route, $$"""{"{{member}}":[]}"""), HttpStatusCode.NotFound, "pageId");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, Guid pageId, string route, string body) =>
        admin.PostAsync($"/status/admin/pages/{pageId}/{route}", new StringContent(body, Encoding.UTF8, "application/json"));
}
