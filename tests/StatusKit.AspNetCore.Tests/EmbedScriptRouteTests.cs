using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Embed;
using StatusKit.Engine;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>{prefix}/{slug}/embed.js</c>, the status embed a team adds to its own site with one script tag: served for a public
/// page as cacheable JavaScript, 404 for a private or unknown page, not mapped at all when other sites may not read the
/// pages' API (the script could not read it either).
/// </summary>
public sealed class EmbedScriptRouteTests : IAsyncLifetime
{
    private WebApplication? _app;
    private string _token = string.Empty;
    private Guid _acme;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await StartAsync(allow: true);
        var pages = App.Services.GetRequiredService<StatusPageService>();
        _acme = (await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", AccentColor = "#ff6600" })).Id;
        _token = (await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false })).AccessToken!;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_public_page_serves_its_embed_as_javascript_cached_for_five_minutes_and_not_sniffed()
    {
        using var client = App.Client();

        using var response = await client.GetAsync("/status/acme/embed.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 300 }, response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("api/v2/summary.json", script, StringComparison.Ordinal);
        Assert.Contains("document.currentScript", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_embed_answers_304_to_its_ETag_and_HEAD_with_the_same_headers_and_no_body()
    {
        using var client = App.Client();
        using var first = await client.GetAsync("/status/acme/embed.js");

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/status/acme/embed.js");
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/status/acme/embed.js"));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
        Assert.Equal("text/javascript; charset=utf-8", head.Content.Headers.ContentType?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_script_on_another_site_may_load_it_with_crossorigin_as_it_reads_the_api()
    {
        using var client = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/acme/embed.js");
        request.Headers.Add("Origin", "https://www.example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/status/internal/embed.js")]
    [InlineData("/status/no-such-page/embed.js")]
    public async Task A_private_or_unknown_page_has_no_embed(string path)
    {
        using var client = App.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_private_page_has_no_embed_even_for_a_request_with_its_token()
    {
        using var client = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/internal/embed.js");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        using var bearer = await client.SendAsync(request);
        using var query = await client.GetAsync($"/status/internal/embed.js?access_token={_token}");

        Assert.Equal(HttpStatusCode.NotFound, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
    }

    [Fact]
    public async Task A_public_pages_embed_read_with_a_token_in_its_url_is_kept_from_shared_caches_and_sends_no_referrer()
    {
        using var client = App.Client();

        using var response = await client.GetAsync($"/status/acme/embed.js?access_token={new string('0', 64)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task The_embed_carries_the_pages_accent_and_a_new_accent_gives_it_a_new_ETag()
    {
        using var client = App.Client();
        using var before = await client.GetAsync("/status/acme/embed.js");
        var script = await before.Content.ReadAsStringAsync();

        await App.Services.GetRequiredService<StatusPageService>().UpdateAsync(_acme, new UpdateStatusPage { AccentColor = "#123456" });
        await App.Services.GetRequiredService<IStatusEngine>().WhenIdleAsync(CancellationToken.None);
        using var after = await client.GetAsync("/status/acme/embed.js");

        Assert.Contains("--accent:#ff6600;--on-accent:#000000;", script, StringComparison.Ordinal);
        Assert.Contains("--accent:#123456;", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task With_AllowCrossOriginReads_off_the_embed_is_not_mapped_since_it_could_not_read_the_api()
    {
        await using var app = await StartAsync(allow: false);
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        using var response = await client.GetAsync("/status/acme/embed.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName);
        Assert.DoesNotContain("StatusKit.Embed", names);
        Assert.Contains("StatusKit.Badge", names);
    }

    [Fact]
    public void The_script_is_built_once_per_accent_and_an_accent_that_is_no_colour_gives_the_default_look()
    {
        var scripts = new EmbedScripts();

        var first = scripts.For("#ff6600");
        var again = scripts.For("#ff6600");
        var odd = System.Text.Encoding.UTF8.GetString(scripts.For("red}body{display:none").Bytes);
        var unbranded = scripts.For(null);

        Assert.Same(first, again);
        Assert.Equal(unbranded.ETag, scripts.For("red}body{display:none").ETag);
        Assert.Contains("--accent:#0969da;--on-accent:#ffffff;", odd, StringComparison.Ordinal);
        Assert.DoesNotContain("display:none", odd, StringComparison.Ordinal);
        Assert.DoesNotContain("__", odd, StringComparison.Ordinal);
    }

    private static Task<WebApplication> StartAsync(bool allow) =>
        EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(o => o.AllowCrossOriginReads = allow),
            app => app.MapStatusPages());
}
