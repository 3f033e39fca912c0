using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The links of the pages when an app maps them at its root, under a prefix, or under a path base.</summary>
public sealed class EmbeddingPathTests
{
    [Fact]
    public async Task Pages_mapped_at_the_root_link_to_their_own_paths_not_to_protocol_relative_hosts()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app => app.MapStatusPages("/"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        var html = await client.GetStringAsync("/acme");
        using var status = JsonDocument.Parse(await client.GetStringAsync("/acme/api/v2/status.json"));
        var admin = await client.GetAsync("/admin/pages");

        Assert.Contains("data-events=\"/acme/events\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/acme/api/v2/summary.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"//", html, StringComparison.Ordinal);
        Assert.Equal("http://localhost/acme", status.RootElement.GetProperty("page").GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Pages_under_a_prefix_and_a_path_base_link_through_both()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app =>
            {
                app.UsePathBase("/ops");
                app.UseRouting();
                app.MapStatusPages("/status/");
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        var html = await client.GetStringAsync("/ops/status/acme");
        using var status = JsonDocument.Parse(await client.GetStringAsync("/ops/status/acme/api/v2/status.json"));
        var atom = await client.GetStringAsync("/ops/status/acme/history.atom");

        Assert.Contains("data-events=\"/ops/status/acme/events\"", html, StringComparison.Ordinal);
        Assert.Equal("http://localhost/ops/status/acme", status.RootElement.GetProperty("page").GetProperty("url").GetString());
        Assert.Contains("href=\"http://localhost/ops/status/acme\"", atom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_page_opened_with_its_token_under_a_path_base_redirects_through_the_path_base()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app =>
            {
                app.UsePathBase("/ops");
                app.UseRouting();
                app.MapStatusPages("/status");
            });
        var created = await app.Services.GetRequiredService<StatusPageService>()
            .CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", IsPublic = false });
        using var client = app.Client();

        using var response = await client.GetAsync($"/ops/status/acme?access_token={created.AccessToken}&view=compact");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/ops/status/acme?view=compact", response.Headers.Location?.OriginalString);
        Assert.Contains("path=/ops/status/acme", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/ops", "/status/", "/ops/status/admin")]
    [InlineData("", "/", "/admin")]
    public async Task Admin_creates_locate_what_they_created_through_the_path_base_and_the_prefix(string pathBase, string prefix, string adminPath)
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app =>
            {
                if (pathBase.Length > 0)
                {
                    app.UsePathBase(pathBase);
                }

                app.UseRouting();
                app.MapStatusPages(prefix);
            });
        using var client = app.Client();

        var page = await AdminApiTests.CreateAsync(client, $"{adminPath}/pages", new { name = "Acme", slug = "acme" });
        var component = await AdminApiTests.CreateAsync(client, $"{adminPath}/pages/{page.Id}/components", new { name = "API" });

        Assert.Equal($"{adminPath}/pages/{page.Id}", page.Location.OriginalString);
        Assert.Equal($"{adminPath}/components/{component.Id}", component.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(component.RequestUri, component.Location))).StatusCode);
    }
}
