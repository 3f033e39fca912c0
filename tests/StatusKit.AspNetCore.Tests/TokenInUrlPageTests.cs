using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A private page opened with <c>?access_token=</c> over plain HTTP to a host that is not loopback is shown at its URL
/// with the token (the browser would drop the Secure cookie a redirect relies on): its own links and its subscribe form
/// must then carry the token too, or every one of them answers 404.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed partial class TokenInUrlPageTests(SampleHostFactory factory)
{
    private const string Origin = "http://status.example.com";
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_visitor_of_a_page_shown_with_its_token_in_the_url_can_subscribe_and_get_back_to_the_page()
    {
        var page = await PrivatePageAsync("token-url-subscribe");
        using var client = factory.CreatePublicClient("192.0.2.70");
        var html = await client.GetStringAsync($"{Origin}/status/{page.Slug}?access_token={page.Token}");
        var action = Assert.Single(Links(html, "action"));

        using var request = new HttpRequestMessage(HttpMethod.Post, Origin + action)
        {
            Content = new FormUrlEncodedContent([new("channel", "email"), new("destination", "token-url-visitor@example.com"), new("notifyOn", ""), new("notifyOn", "outage")]),
        };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(await factory.Service<SubscriberService>().ListAsync(page.Id), s => s.Destination == "token-url-visitor@example.com");
        // The page's name (it has no homepage) and "Back to the status page" both link back, with the token.
        var back = Assert.Single(Links(await response.Content.ReadAsStringAsync(), "href").Distinct());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Origin + back)).StatusCode);
    }

    [Fact]
    public async Task A_refused_subscription_from_a_page_shown_with_its_token_in_the_url_links_back_to_the_page()
    {
        var page = await PrivatePageAsync("token-url-refused");
        using var client = factory.CreatePublicClient("192.0.2.71");
        var html = await client.GetStringAsync($"{Origin}/status/{page.Slug}?access_token={page.Token}");
        var action = Assert.Single(Links(html, "action"));

        using var request = new HttpRequestMessage(HttpMethod.Post, Origin + action)
        {
            Content = new FormUrlEncodedContent([new("channel", "email"), new("destination", "not-an-address")]),
        };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The page's name (it has no homepage) and "Back to the status page" both link back, with the token.
        var back = Assert.Single(Links(await response.Content.ReadAsStringAsync(), "href").Distinct());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Origin + back)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/incidents/{incident}")]
    [InlineData("/maintenance/{window}")]
    public async Task Every_link_of_a_page_shown_with_its_token_in_the_url_to_the_pages_own_routes_opens(string route)
    {
        var page = await PrivatePageAsync("token-url-links" + route.Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal));
        using var client = factory.CreatePublicClient("192.0.2.72");
        var path = route.Replace("{incident}", page.IncidentId.ToString(), StringComparison.Ordinal).Replace("{window}", page.WindowId.ToString(), StringComparison.Ordinal);

        using var shown = await client.GetAsync($"{Origin}/status/{page.Slug}{path}?access_token={page.Token}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var html = await shown.Content.ReadAsStringAsync();

        var links = Links(html, "href", "data-events").Where(link => link.StartsWith($"/status/{page.Slug}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var followed = await client.GetAsync(Origin + link, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(followed.StatusCode == HttpStatusCode.OK, $"{link}: {followed.StatusCode}");
        }

        // The token is nowhere but in those links and the subscribe form's target (the page's URL already holds it, and
        // Referrer-Policy keeps that on the site).
        links.AddRange(Links(html, "action"));
        // The token is nowhere but in those links (the page's URL already holds it; Referrer-Policy keeps it on the site).
        Assert.Equal(links.Count(link => link.Contains(page.Token, StringComparison.Ordinal)), Regex.Count(html, page.Token));
    }

    [Theory]
    [InlineData("https://status.example.com")]
    [InlineData(Origin)]
    public async Task A_page_read_with_its_token_in_a_header_or_the_cookie_puts_it_in_no_link(string origin)
    {
        var page = await PrivatePageAsync("token-url-header" + (origin == Origin ? "-http" : "-https"));
        using var client = factory.CreatePublicClient("192.0.2.73");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"{origin}/status/{page.Slug}");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", page.Token);
        using var cookie = new HttpRequestMessage(HttpMethod.Get, $"{origin}/status/{page.Slug}/history");
        cookie.Headers.Add("Cookie", $"statuskit_access={page.Token}");

        foreach (var request in new[] { bearer, cookie })
        {
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(page.Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_page_redirected_away_from_its_token_puts_it_in_no_link()
    {
        var page = await PrivatePageAsync("token-url-redirected");
        using var client = factory.CreatePublicClient("192.0.2.74");

        using var redirect = await client.GetAsync($"https://status.example.com/status/{page.Slug}?access_token={page.Token}");
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        Assert.DoesNotContain(page.Token, await redirect.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The decoded values of the named attributes, in document order.
    private static List<string> Links(string html, params string[] attributes) =>
        [.. AttributeValue().Matches(html)
            .Where(match => attributes.Contains(match.Groups["name"].Value, StringComparer.Ordinal))
            .Select(match => WebUtility.HtmlDecode(match.Groups["value"].Value))];

    [GeneratedRegex("\\s(?<name>href|action|data-events)=\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributeValue();

    // A private page with a component, a resolved incident (in its last days and its history) and an upcoming window.
    private async Task<PrivatePage> PrivatePageAsync(string slug)
    {
        var pages = factory.Service<StatusPageService>();
        if (await pages.GetBySlugAsync(slug) is { } existing)
        {
            await pages.DeleteAsync(existing.Id);
        }

        var (created, token) = await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Token in URL " + slug, Slug = slug, IsPublic = false });
        var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = created.Id, Name = "Runners" });
        var incidents = factory.Service<StatusIncidentService>();
        var incident = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = created.Id,
            Title = "Slow runners",
            Message = "Investigating.",
            Severity = StatusIncidentSeverity.Minor,
            ComponentIds = [component.Id],
            NotifySubscribers = false,
        });
        await incidents.ResolveAsync(incident.Id, "Fixed.", notifySubscribers: false);
        var start = factory.Service<TimeProvider>().GetUtcNow().AddDays(3);
        var window = await factory.Service<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = created.Id,
            Title = "Runner upgrade",
            StartsAt = start,
            EndsAt = start.AddHours(1),
            ComponentIds = [component.Id],
            NotifySubscribers = false,
        });
        await factory.SettleAsync();
        return new PrivatePage(created.Id, slug, token!, incident.Id, window.Id);
    }

    private sealed record PrivatePage(Guid Id, string Slug, string Token, Guid IncidentId, Guid WindowId);
}
