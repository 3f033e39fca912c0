using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Every HTML document StatusKit serves runs only its own script: a <c>Content-Security-Policy</c> lists the hash of
/// each inline script it carries (no <c>'unsafe-inline'</c> for scripts), so markup that slipped through encoding could
/// not run any, and <c>X-Content-Type-Options: nosniff</c> keeps browsers from reading a response as another type.
/// </summary>
public sealed partial class HtmlSecurityHeadersTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task The_status_page_allows_exactly_its_own_inline_script()
    {
        using var client = factory.CreatePublicClient("192.0.2.60");

        using var response = await client.GetAsync("/status/demo");

        var html = await response.Content.ReadAsStringAsync();
        var scripts = InlineScripts().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        var policy = Directives(response);
        Assert.Equal(scripts.Select(Hash).Order(), policy["script-src"].Order());
        Assert.Equal(["'none'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["connect-src"]); // the live updates' EventSource
        Assert.Equal(["'self'"], policy["form-action"]); // the subscribe form
        Assert.Equal(["'none'"], policy["base-uri"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/status/demo/history")]
    [InlineData("/status/demo/subscriptions/unsubscribe?token=not-a-token")]
    [InlineData("/status/demo/subscriptions/manage?token=not-a-token")]
    public async Task Every_other_html_document_carries_the_policy_too(string path)
    {
        using var client = factory.CreatePublicClient("192.0.2.61");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.GetAsync(path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Directives(response);
        var scripts = InlineScripts().Matches(await response.Content.ReadAsStringAsync()).Select(m => Hash(m.Groups[1].Value));
        Assert.All(scripts, hash => Assert.Contains(hash, policy["script-src"]));
        Assert.DoesNotContain("'unsafe-inline'", policy["script-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_subscription_page_carries_the_policy()
    {
        using var client = factory.CreatePublicClient("192.0.2.62");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"), Channel = SubscriberChannel.Email, Destination = "csp@example.com",
        });

        using var response = await client.GetAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("'unsafe-inline'", Directives(response)["script-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    private static string Hash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScripts();
}
