using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatusKit.Model;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A page's branding (homepage, logo, accent colour): set and read through the admin API, declared in its OpenAPI
/// document, and shown by every HTML page of the status page, encoded, with the default look when unset.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed partial class PageBrandingTests(SampleHostFactory factory)
{
    private const string Homepage = "https://www.acme.example/";
    private const string Logo = "https://cdn.acme.example/brand/logo.svg";

    [Fact]
    public async Task The_admin_API_creates_reads_changes_and_clears_a_pages_branding()
    {
        using var admin = factory.CreateAdminClient();

        var created = await SendAsync(admin, HttpMethod.Post, "/status/admin/pages",
            new { name = "Branded via API", homepageUrl = Homepage, logoUrl = Logo, accentColor = "#FF6600" }, expected: HttpStatusCode.Created);
        var pageId = Id(created);
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}");
        var recoloured = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { accentColor = "#123456" });
        var cleared = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { homepageUrl = "", logoUrl = "", accentColor = "" });

        Assert.Equal((Homepage, Logo, "#ff6600"), Branding(created.Body));
        Assert.Equal((Homepage, Logo, "#ff6600"), Branding(read.Body));
        Assert.Equal((Homepage, Logo, "#123456"), Branding(recoloured.Body));
        Assert.Equal(((string?)null, (string?)null, (string?)null), Branding(cleared.Body));
        Assert.NotEqual(read.ETag, recoloured.ETag);
    }

    [Theory]
    [InlineData("homepageUrl", "javascript:alert(1)")]
    [InlineData("homepageUrl", "www.acme.example")]
    [InlineData("logoUrl", "http://cdn.acme.example/logo.png")]
    [InlineData("logoUrl", "data:image/svg+xml,<svg/>")]
    [InlineData("accentColor", "orange")]
    public async Task Bad_branding_is_a_400_problem_naming_the_field(string field, string value)
    {
        using var admin = factory.CreateAdminClient();
        var body = new Dictionary<string, string> { ["name"] = "Badly branded", [field] = value };

        using var response = await admin.PostAsJsonAsync("/status/admin/pages", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("POST /pages", true)]
    [InlineData("PATCH /pages/{pageId}", true)]
    [InlineData("POST /pages", false)]
    [InlineData("PATCH /pages/{pageId}", false)]
    [InlineData("GET /pages/{pageId}", false)]
    public async Task The_OpenAPI_document_declares_the_branding_custom_domain_and_language_of_a_page(string route, bool request)
    {
        using var client = factory.CreatePublicClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var (method, path) = (route.Split(' ')[0].ToLowerInvariant(), "/status/admin" + route.Split(' ')[1]);
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        var content = request
            ? operation.GetProperty("requestBody").GetProperty("content")
            : operation.GetProperty("responses").EnumerateObject().Single(r => r.Name.StartsWith('2')).Value.GetProperty("content");
        var properties = Resolve(document.RootElement, content.GetProperty("application/json").GetProperty("schema")).GetProperty("properties");

        Assert.True(properties.TryGetProperty("homepageUrl", out _), $"{route} does not declare homepageUrl.");
        Assert.True(properties.TryGetProperty("logoUrl", out _), $"{route} does not declare logoUrl.");
        Assert.True(properties.TryGetProperty("accentColor", out _), $"{route} does not declare accentColor.");
        Assert.True(properties.TryGetProperty("customDomain", out _), $"{route} does not declare customDomain.");
        Assert.True(properties.TryGetProperty("language", out _), $"{route} does not declare language.");
    }

    [Fact]
    public async Task A_branded_status_page_shows_its_logo_linking_home_a_way_back_and_its_accent()
    {
        var page = await BrandedPageAsync("branded-status", Homepage, Logo, "#ffcc00");
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/branded-status");

        Assert.Contains($"<h1><a class=\"home\" href=\"{Homepage}\"><img class=\"logo\" src=\"{Logo}\" alt=\"{page.Name}\"></a></h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<footer><p class=\"back\"><a href=\"{Homepage}\">Back to acme.example</a></p>", html, StringComparison.Ordinal);
        // A light accent takes black text, and links take it darkened until they keep 4.5:1 on the page.
        Assert.Contains("<style>:root{--accent:#ffcc00;--on-accent:#000000;--accent-text:#", html, StringComparison.Ordinal);
        var linkColour = AccentText().Match(html).Groups[1].Value;
        Assert.True(Html.AccentPalette.Contrast(linkColour, "#f6f8fa") >= 4.5, linkColour);
    }

    [Fact]
    public async Task A_branded_pages_content_security_policy_lets_its_logo_load_and_no_other_image_from_elsewhere()
    {
        await BrandedPageAsync("branded-logo-policy", Homepage, Logo, accent: null);
        await BrandedPageAsync("branded-no-logo-policy", Homepage, logo: null, accent: null);
        using var client = factory.CreatePublicClient();

        using var withLogo = await client.GetAsync("/status/branded-logo-policy");
        using var withoutLogo = await client.GetAsync("/status/branded-no-logo-policy");

        Assert.Contains($"img-src 'self' data: {new Uri(Logo).GetLeftPart(UriPartial.Authority)};", PolicyOf(withLogo), StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:;", PolicyOf(withoutLogo), StringComparison.Ordinal);
    }

    private static string PolicyOf(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    [Fact]
    public async Task A_branded_pages_incident_maintenance_history_and_subscription_pages_wear_the_branding_too()
    {
        var page = await BrandedPageAsync("branded-subpages", Homepage, logo: null, "#0a3d62");
        var incident = await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow logins", Message = "Looking into it.", NotifySubscribers = false,
        });
        var start = factory.Service<TimeProvider>().GetUtcNow().AddDays(1);
        var window = await factory.Service<StatusKit.Maintenance.MaintenanceService>().CreateAsync(new StatusKit.Maintenance.CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", StartsAt = start, EndsAt = start.AddHours(1), NotifySubscribers = false,
        });
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "branded@example.com",
        });
        using var client = factory.CreatePublicClient();

        string[] pages =
        [
            await client.GetStringAsync($"/status/branded-subpages/incidents/{incident.Id}"),
            await client.GetStringAsync($"/status/branded-subpages/maintenance/{window.Id}"),
            await client.GetStringAsync("/status/branded-subpages/history"),
        ];
        var unsubscribe = await client.GetStringAsync($"/status/branded-subpages/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");

        Assert.All(pages, html =>
        {
            Assert.Contains($"<h1><a class=\"home\" href=\"{Homepage}\">{page.Name}</a></h1>", html, StringComparison.Ordinal);
            Assert.Contains("Back to acme.example</a>", html, StringComparison.Ordinal);
            Assert.Contains("<style>:root{--accent:#0a3d62;--on-accent:#ffffff;--accent-text:#0a3d62}", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/status/branded-subpages\">Current status of", html, StringComparison.Ordinal);
        });
        Assert.Contains("--accent:#0a3d62;", unsubscribe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_branded_pages_subscription_pages_show_its_logo_linking_home_and_their_policy_lets_the_logo_load()
    {
        var page = await BrandedPageAsync("branded-subscriptions", Homepage, Logo, "#0a3d62");
        var subscriber = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "branded-subscriber@example.com",
        });
        using var client = factory.CreatePublicClient("192.0.2.75");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        const string Base = "/status/branded-subscriptions/subscriptions";

        HttpResponseMessage[] responses =
        [
            await client.GetAsync($"{Base}/verify?token={subscriber.VerificationToken}"),
            await client.PostAsync($"{Base}/verify?token={subscriber.VerificationToken}", null),
            await client.GetAsync($"{Base}/unsubscribe?token={subscriber.UnsubscribeToken}"),
            await client.PostAsync($"{Base}/unsubscribe?token={subscriber.UnsubscribeToken}", null),
            await client.PostAsync(Base, new FormUrlEncodedContent([new("channel", "email"), new("destination", "another@example.com")])),
            await client.PostAsync(Base, new FormUrlEncodedContent([new("channel", "email"), new("destination", "not an address")])),
        ];

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.BadRequest],
            responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"<p class=\"brand\"><a class=\"home\" href=\"{Homepage}\"><img class=\"logo\" src=\"{Logo}\" alt=\"{page.Name}\"></a></p>", html, StringComparison.Ordinal);
            Assert.Contains("--accent:#0a3d62;", html, StringComparison.Ordinal);
            Assert.Contains($"img-src 'self' data: {new Uri(Logo).GetLeftPart(UriPartial.Authority)};", PolicyOf(response), StringComparison.Ordinal);
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_subscription_page_of_a_page_without_a_logo_names_it_linking_to_the_status_page_and_an_unknown_link_shows_no_branding()
    {
        var page = await BrandedPageAsync("branded-subscriptions-name", homepage: null, logo: null, accent: null);
        var subscriber = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "named-subscriber@example.com",
        });
        await BrandedPageAsync("branded-subscriptions-other", Homepage, Logo, "#0a3d62");
        using var client = factory.CreatePublicClient("192.0.2.76");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var ask = await client.GetStringAsync($"/status/branded-subscriptions-name/subscriptions/unsubscribe?token={subscriber.UnsubscribeToken}");
        using var unknown = await client.GetAsync($"/status/branded-subscriptions-other/subscriptions/unsubscribe?token={new string('0', 64)}");

        Assert.Contains($"<p class=\"brand\"><a class=\"home\" href=\"/status/branded-subscriptions-name\">{page.Name}</a></p>", ask, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.DoesNotContain("class=\"brand\"", unknownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:;", PolicyOf(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unbranded_page_keeps_the_default_look()
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Plain Co", Slug = "unbranded" });
        var incident = await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Blip", Message = "Looking.", NotifySubscribers = false,
        });
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/unbranded");
        var incidentPage = await client.GetStringAsync($"/status/unbranded/incidents/{incident.Id}");

        Assert.Contains("<h1>Plain Co</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h1><a class=\"home\" href=\"/status/unbranded\">Plain Co</a></h1>", incidentPage, StringComparison.Ordinal);
        Assert.All(new[] { html, incidentPage }, h =>
        {
            Assert.Single(StyleElement().Matches(h));
            Assert.DoesNotContain("<img", h, StringComparison.Ordinal);
            Assert.DoesNotContain("class=\"back\"", h, StringComparison.Ordinal);
            Assert.Contains("<footer><p>Times are shown in", h, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_URL_with_quotes_or_angle_brackets_stays_inside_its_attribute()
    {
        const string homepage = "https://acme.example/?q=\"><script>alert(1)</script>&x='y'";
        const string logo = "https://cdn.acme.example/logo.png?\"onerror=\"alert(2)\"<b>";
        using var admin = factory.CreateAdminClient();
        var created = await SendAsync(admin, HttpMethod.Post, "/status/admin/pages",
            new { name = "Quote \"<Co>\"", slug = "branded-quotes", homepageUrl = homepage, logoUrl = logo }, expected: HttpStatusCode.Created);
        Assert.Equal((homepage, logo, (string?)null), Branding(created.Body));
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/branded-quotes");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onerror=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        var link = HomeLink().Match(html);
        Assert.True(link.Success, "The heading has no home link.");
        Assert.Equal(homepage, WebUtility.HtmlDecode(link.Groups["href"].Value));
        Assert.Equal(logo, WebUtility.HtmlDecode(link.Groups["src"].Value));
        Assert.Equal("Quote \"<Co>\"", WebUtility.HtmlDecode(link.Groups["alt"].Value));
    }

    [Fact]
    public async Task A_branding_change_refreshes_the_cached_page_and_its_ETag()
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Recoloured", Slug = "branded-etag" });
        using var client = factory.CreatePublicClient();
        using var first = await client.GetAsync("/status/branded-etag");
        var etag = first.Headers.ETag!;

        using var admin = factory.CreateAdminClient();
        await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{page.Id}", new { accentColor = "#6f42c1", homepageUrl = Homepage });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/branded-etag");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(etag, second.Headers.ETag);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("--accent:#6f42c1;", html, StringComparison.Ordinal);
        Assert.Contains($"<h1><a class=\"home\" href=\"{Homepage}\">Recoloured</a></h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_samples_demo_page_is_branded_and_loads_nothing_from_elsewhere()
    {
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/demo");

        Assert.Contains("<h1><a class=\"home\" href=\"https://www.example.com/\">Acme Cloud</a></h1>", html, StringComparison.Ordinal);
        Assert.Contains("Back to example.com</a>", html, StringComparison.Ordinal);
        Assert.Contains("--accent:#6639ba;--on-accent:#ffffff;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    private async Task<StatusPage> BrandedPageAsync(string slug, string? homepage, string? logo, string? accent) =>
        await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage
        {
            Name = "Branded " + slug, Slug = slug, HomepageUrl = homepage, LogoUrl = logo, AccentColor = accent,
        });

    private static (string?, string?, string?) Branding(JsonElement page) =>
        (page.GetProperty("homepageUrl").GetString(), page.GetProperty("logoUrl").GetString(), page.GetProperty("accentColor").GetString());

    // A schema, or the component schema its $ref names.
    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;

    [GeneratedRegex("--accent-text:(#[0-9a-f]{6})")]
    private static partial Regex AccentText();

    [GeneratedRegex("<style>")]
    private static partial Regex StyleElement();

    [GeneratedRegex("<h1><a class=\"home\" href=\"(?<href>[^\"]*)\"><img class=\"logo\" src=\"(?<src>[^\"]*)\" alt=\"(?<alt>[^\"]*)\"></a></h1>")]
    private static partial Regex HomeLink();
}
