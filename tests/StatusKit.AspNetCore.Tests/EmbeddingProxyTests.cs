using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Behind a reverse proxy, wired as docs/aspnetcore.md says (forwarded headers first).</summary>
public sealed class EmbeddingProxyTests
{
    [Fact]
    public async Task With_forwarded_headers_the_API_links_to_the_public_origin_and_the_rate_limit_counts_each_client()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages().AddStatusPageEndpoints(o => o.SubscriptionPermitLimit = 1);
                services.Configure<ForwardedHeadersOptions>(o =>
                {
                    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
                    o.KnownIPNetworks.Clear();
                    o.KnownProxies.Clear();
                });
            },
            app =>
            {
                app.UseForwardedHeaders();
                app.MapStatusPages();
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        using var status = JsonDocument.Parse(await (await SendAsync(client, HttpMethod.Get, "/status/acme/api/v2/status.json", "203.0.113.1")).Content.ReadAsStringAsync());
        var first = await SendAsync(client, HttpMethod.Post, "/status/acme/subscriptions", "203.0.113.1");
        var again = await SendAsync(client, HttpMethod.Post, "/status/acme/subscriptions", "203.0.113.1");
        var other = await SendAsync(client, HttpMethod.Post, "/status/acme/subscriptions", "203.0.113.2");

        Assert.Equal("https://status.example.com/edge/status/acme", status.RootElement.GetProperty("page").GetProperty("url").GetString());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string clientAddress)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "status.example.com");
        request.Headers.Add("X-Forwarded-Prefix", "/edge");
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { channel = "email", destination = "a@example.com" });
        }

        return await client.SendAsync(request);
    }
}
