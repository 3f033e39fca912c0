using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A real browser on a team's own site (another origin: another loopback port) reads the status page's documents and
/// event stream with the fetch and EventSource a widget would use, as it reads Statuspage's.
/// </summary>
public sealed class CrossOriginBrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    [Fact]
    public async Task A_script_on_another_site_reads_a_public_page_status_and_events_but_not_a_private_page_even_with_its_token()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        await using var site = await OtherSiteAsync();
        var token = (await host.Factory.Service<StatusPageService>().RegenerateAccessTokenAsync(await host.Factory.PageIdAsync("internal"))).AccessToken;
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(Address(site));

        // If-None-Match is not CORS-safelisted: the browser sends a preflight first.
        var status = await page.EvaluateAsync<string>(
            """
            async url => {
              const response = await fetch(url, { headers: { "If-None-Match": "\"stale\"" } });
              const etag = response.headers.get("ETag");
              const again = await fetch(url, { headers: { "If-None-Match": etag } });
              return `${response.status} ${(await response.json()).status.indicator} ${etag !== null} ${again.status === 304 || again.ok}`;
            }
            """,
            host.BaseAddress + "/status/demo/api/v2/status.json");
        var events = await page.EvaluateAsync<string>(
            """
            url => new Promise(resolve => {
              const source = new EventSource(url);
              source.onopen = () => { source.close(); resolve("open"); };
              source.onerror = () => { source.close(); resolve("refused"); };
            })
            """,
            host.BaseAddress + "/status/demo/events");
        var privatePage = await page.EvaluateAsync<string>(
            """
            async url => { try { await fetch(url); return "read"; } catch { return "refused"; } }
            """,
            $"{host.BaseAddress}/status/internal/api/v2/status.json?access_token={token}");

        Assert.Equal("200 none true true", status);
        Assert.Equal("open", events);
        Assert.Equal("refused", privatePage);
    }

    // A site of the team's own: a page on another loopback port, so another origin than the status page's.
    private static async Task<WebApplication> OtherSiteAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Content("<!doctype html><title>Acme</title><p>Acme</p>", "text/html"));
        await site.StartAsync();
        return site;
    }

    private static string Address(WebApplication site) =>
        site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
}
