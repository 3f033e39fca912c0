using System.Net;
using Microsoft.AspNetCore.Hosting;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The sample host behind a reverse proxy (<c>Sample:BehindProxy</c>): a page's domain sent in <c>X-Forwarded-Host</c>
/// by the proxy on loopback is served, and the same header from any other client is not.
/// </summary>
public sealed class SampleHostBehindProxyTests(SampleHostBehindProxyTests.BehindProxyFactory factory)
    : IClassFixture<SampleHostBehindProxyTests.BehindProxyFactory>
{
    private const string Domain = "status.proxied.example";

    [Fact]
    public async Task A_page_domain_forwarded_by_the_loopback_proxy_gets_the_page_at_the_root()
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(
            new CreateStatusPage { Name = "Proxied page", Slug = "proxied-page", CustomDomain = Domain });

        using var response = await SendThroughAsync(factory.CreatePublicClient("127.0.0.1"), "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Proxied page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await factory.Service<StatusPageService>().DeleteAsync(page.Id);
    }

    [Fact]
    public async Task A_forwarded_host_from_a_client_that_is_no_known_proxy_serves_no_page()
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(
            new CreateStatusPage { Name = "Not forwarded", Slug = "not-forwarded", CustomDomain = "status.spoofed.example" });

        using var response = await SendThroughAsync(factory.CreatePublicClient("203.0.113.9"), "/", "status.spoofed.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/status/demo", response.Headers.Location?.OriginalString);
        await factory.Service<StatusPageService>().DeleteAsync(page.Id);
    }

    private static async Task<HttpResponseMessage> SendThroughAsync(HttpClient client, string path, string forwardedHost = Domain)
    {
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://backend.internal" + path));
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return await client.SendAsync(request);
        }
    }

    /// <summary>The sample host with <c>Sample:BehindProxy</c> on.</summary>
    public sealed class BehindProxyFactory : SampleHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sample:BehindProxy", "true");
        }
    }
}
