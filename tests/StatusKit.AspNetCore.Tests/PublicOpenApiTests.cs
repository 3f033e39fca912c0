using System.Text.Json;
using static StatusKit.AspNetCore.Tests.OpenApiShape;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The public read routes' HTTP caching contract in the OpenAPI document a host gets from <c>AddOpenApi()</c> (the
/// sample's <c>/openapi/v1.json</c>): the <c>ETag</c> of the 200, the optional <c>If-None-Match</c> that answers 304,
/// and the 404 of an unknown (or private) page.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class PublicOpenApiTests(SampleHostFactory factory)
{
    // Every public read route that answers an ETag and 304 (docs/aspnetcore.md, docs/statuspage-compatibility.md).
    private static readonly string[] CachedRoutes =
    [
        "/", "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
        "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
        "/api/v2/scheduled-maintenances/active.json", "/badge.svg", "/history.atom", "/history.rss", "/maintenance.ics",
        "/maintenance/{windowId}", "/embed.js", "/api/v2/metrics.json", "/metrics-section",
    ];

    public static TheoryData<string> Routes() => [.. CachedRoutes];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_cached_read_route_declares_its_ETag_If_None_Match_304_and_404(string route)
    {
        var operation = await OperationAsync(route);

        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out var ok) && HasHeader(ok, "ETag"), $"{route}: 200 without its ETag header.");
        Assert.True(responses.TryGetProperty("304", out _), $"{route} does not declare 304.");
        Assert.True(responses.TryGetProperty("404", out _), $"{route} does not declare 404.");
        var ifNoneMatch = Assert.Single(HeaderParameters(operation), p => p.GetProperty("name").GetString() == "If-None-Match");
        Assert.False(ifNoneMatch.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Equal("string", ifNoneMatch.GetProperty("schema").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/v2/summary.json")]
    [InlineData("/api/v2/status.json")]
    [InlineData("/api/v2/components.json")]
    [InlineData("/api/v2/incidents.json")]
    [InlineData("/api/v2/incidents/unresolved.json")]
    [InlineData("/api/v2/scheduled-maintenances.json")]
    [InlineData("/api/v2/scheduled-maintenances/upcoming.json")]
    [InlineData("/api/v2/scheduled-maintenances/active.json")]
    [InlineData("/api/v2/metrics.json")]
    [InlineData("/badge.svg")]
    [InlineData("/history.atom")]
    [InlineData("/history.rss")]
    [InlineData("/maintenance.ics")]
    [InlineData("/embed.js")]
    [InlineData("/events")]
    public async Task A_route_other_sites_may_read_declares_its_CORS_headers_on_its_200_and_304(string route)
    {
        var responses = (await OperationAsync(route)).GetProperty("responses");

        Assert.True(HasHeader(responses.GetProperty("200"), "Access-Control-Allow-Origin"), $"{route}: 200 without Access-Control-Allow-Origin.");
        Assert.True(HasHeader(responses.GetProperty("200"), "Access-Control-Expose-Headers"), $"{route}: 200 without Access-Control-Expose-Headers.");
        if (route != "/events")
        {
            Assert.True(HasHeader(responses.GetProperty("304"), "Access-Control-Allow-Origin"), $"{route}: 304 without Access-Control-Allow-Origin.");
        }
        else
        {
            Assert.False(responses.TryGetProperty("304", out _), "The event stream never answers 304.");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/maintenance/{windowId}")]
    [InlineData("/metrics-section")]
    public async Task An_HTML_page_declares_no_CORS_header(string route)
    {
        var responses = (await OperationAsync(route)).GetProperty("responses");

        Assert.False(HasHeader(responses.GetProperty("200"), "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_page_declares_its_303_that_drops_the_access_token_from_the_url()
    {
        var operation = await OperationAsync("/");

        Assert.True(
            operation.GetProperty("responses").TryGetProperty("303", out var seeOther) && HasHeader(seeOther, "Location"),
            "The page does not declare its 303 with a Location header.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics-section")]
    public async Task The_page_and_its_metrics_section_declare_their_metrics_parameter_their_400_problem_and_their_303(string route)
    {
        var operation = await OperationAsync(route);

        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["metrics"], query);
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), $"{route} does not declare its 400.");
        Assert.True(operation.GetProperty("responses").TryGetProperty("303", out _), $"{route} does not declare its 303.");
    }

    [Fact]
    public async Task The_badge_declares_its_show_and_days_parameters_and_its_400_problem()
    {
        var operation = await OperationAsync("/badge.svg");

        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["component", "show", "days"], query);
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), "The badge does not declare its 400.");
    }

    [Fact]
    public async Task The_subscription_request_declares_the_incident_it_may_follow_as_a_uuid_beside_components_and_notifyOn()
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var post = document.RootElement.GetProperty("paths").GetProperty("/status/{slug}/subscriptions").GetProperty("post");
        var reference = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;

        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
        var properties = schema.GetProperty("properties");

        Assert.Equal(["channel", "destination", "components", "notifyOn", "incident"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("uuid", properties.GetProperty("incident").GetProperty("format").GetString());
    }

    // The GET operation of a page route, by its path under /status/{slug}.
    private async Task<JsonElement> OperationAsync(string route)
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var path = route == "/" ? "/status/{slug}" : "/status/{slug}" + route;
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var item), $"The document has no path {path}.");
        return item.GetProperty("get").Clone();
    }
}
