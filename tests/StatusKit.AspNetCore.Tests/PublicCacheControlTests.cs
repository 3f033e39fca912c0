using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The Cache-Control of a public page's answers: max-age, and the RFC 5861 directives a host sets for a CDN in front of
/// its pages, so the CDN answers at once when its copy expires and keeps the page up while the hosts are down.
/// </summary>
public sealed class PublicCacheControlTests
{
    public static TheoryData<string> Routes => ["/status/acme", "/status/acme/history", "/status/acme/api/v2/summary.json",
        "/status/acme/api/v2/incidents.json", "/status/acme/badge.svg", "/status/acme/history.atom"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_stale_directives_set_in_the_options_go_with_every_public_answer(string path)
    {
        await using var app = await StartAsync(o =>
        {
            o.PublicStaleWhileRevalidate = TimeSpan.FromSeconds(30);
            o.PublicStaleIfError = TimeSpan.FromDays(1);
        });
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=10, stale-while-revalidate=30, stale-if-error=86400", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task The_embed_script_keeps_its_own_age_with_the_stale_directives()
    {
        await using var app = await StartAsync(o => o.PublicStaleIfError = TimeSpan.FromHours(6));
        using var client = app.Client();

        using var response = await client.GetAsync("/status/acme/embed.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300, stale-if-error=21600", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task By_default_a_public_answer_names_its_max_age_alone(string path)
    {
        await using var app = await StartAsync(_ => { });
        using var client = app.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal("public, max-age=10", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task What_the_hosts_own_middleware_put_in_Vary_stays()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints(),
            a =>
            {
                // As a CORS policy for a list of origins does.
                a.Use(async (context, next) =>
                {
                    context.Response.Headers.Vary = "Origin";
                    await next(context);
                });
                a.MapStatusPages("/status");
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/acme/api/v2/summary.json");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");

        using var response = await client.SendAsync(request);

        Assert.Equal(["Origin", "Accept-Encoding"], response.Headers.Vary.ToArray());
    }

    [Fact]
    public async Task A_private_pages_answer_gets_no_stale_directive()
    {
        await using var app = await StartAsync(o => o.PublicStaleIfError = TimeSpan.FromDays(1));
        var token = (await app.Services.GetRequiredService<StatusPageService>().CreateWithAccessTokenAsync(
            new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false })).AccessToken!;
        using var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/status/internal/api/v2/summary.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain("stale", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(Action<StatusPageEndpointOptions> configure)
    {
        var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints(configure),
            a => a.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }
}
