using System.Net;
using System.Net.Http.Headers;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class PrivatePageTests(SampleHostFactory factory)
{
    public static TheoryData<string> Routes => new()
    {
        "", "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
        "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
        "/api/v2/scheduled-maintenances/active.json", "/api/v2/metrics.json", "/badge.svg", "/history.atom", "/history.rss", "/maintenance.ics", "/events",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_of_a_private_page_is_404_without_a_token_and_open_with_one(string route)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/internal" + route, HttpCompletionOption.ResponseHeadersRead)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/internal{route}?access_token={new string('0', 64)}", HttpCompletionOption.ResponseHeadersRead)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/internal" + route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (route != "/events")
        {
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
        }
    }

    public static TheoryData<string> MachineRoutes => [.. ((IEnumerable<object[]>)Routes).Select(row => (string)row[0]).Where(route => route.Length > 0)];

    [Theory]
    [MemberData(nameof(MachineRoutes))]
    public async Task A_machine_route_answers_the_token_in_the_query_for_that_request_only_sets_no_cookie_sends_no_referrer_and_is_kept_from_shared_caches(string route)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/internal{route}?access_token={token}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(MachineRoutes))]
    public async Task A_public_page_read_with_a_token_in_its_url_sets_no_cookie_sends_no_referrer_and_is_kept_from_shared_caches(string route)
    {
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/demo{route}?access_token={new string('0', 64)}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/status/internal")]
    [InlineData("/status/internal/api/v2/status.json")]
    [InlineData("/status/no-such-page/history.atom")]
    public async Task A_request_with_a_wrong_token_in_the_query_gets_a_404_that_sends_no_referrer_and_that_no_cache_keeps(string path)
    {
        await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"{path}?access_token={new string('0', 64)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_private_page_without_its_token_and_a_page_that_does_not_exist_get_the_same_404_that_no_cache_keeps(string route)
    {
        await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var refused = await client.GetAsync("/status/internal" + route, HttpCompletionOption.ResponseHeadersRead);
        using var unknown = await client.GetAsync("/status/no-such-page" + route, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(refused.Headers.CacheControl is { NoStore: true, Public: false }, refused.Headers.CacheControl?.ToString());
        Assert.Equal(
            unknown.Headers.Select(h => h.Key).Where(k => k != "Date").Order(),
            refused.Headers.Select(h => h.Key).Where(k => k != "Date").Order());
        Assert.Equal(unknown.Headers.CacheControl, refused.Headers.CacheControl);
    }

    [Theory]
    [InlineData("", "Accept-Encoding")]
    [InlineData("/api/v2/summary.json", "Accept-Encoding")]
    [InlineData("/api/v2/metrics.json", "Accept-Encoding")]
    [InlineData("/badge.svg", null)]
    [InlineData("/history.atom", "Accept-Encoding")]
    [InlineData("/maintenance.ics", "Accept-Encoding")]
    public async Task A_public_pages_answer_varies_by_no_cookie_so_a_shared_cache_keeps_one_copy(string route, string? vary)
    {
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync("/status/demo" + route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Public: true }, response.Headers.CacheControl?.ToString());
        Assert.Equal(vary is null ? [] : [vary], response.Headers.Vary.ToArray());
    }

    [Fact]
    public async Task A_private_pages_answer_varies_by_the_cookie_and_Authorization_that_open_it()
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/internal/api/v2/summary.json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(["Cookie", "Authorization"], response.Headers.Vary.ToArray());
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("Cookie")]
    public async Task A_machine_route_read_with_the_token_in_a_header_or_the_cookie_keeps_its_ETag_and_answers_304(string carrier)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();
        HttpRequestMessage Read()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/status/internal/api/v2/summary.json");
            if (carrier == "Cookie")
            {
                request.Headers.Add("Cookie", $"statuskit_access={token}");
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return request;
        }

        using var first = await client.SendAsync(Read());
        using var again = Read();
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotModified), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Opening_the_page_with_its_token_in_the_query_sets_the_cookie_and_redirects_to_the_same_url_without_the_token(string method)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/status/internal?theme=dark&access_token={token}&lang=en%20GB"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/status/internal?theme=dark&lang=en%20GB", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"statuskit_access={token}", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        // The browser follows the redirect with the cookie it was just given, and gets the page.
        using var followed = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        followed.Headers.Add("Cookie", $"statuskit_access={token}");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(followed)).StatusCode);
    }

    [Fact]
    public async Task The_redirect_drops_only_the_token_and_keeps_a_url_without_other_parameters_bare()
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/internal/?access_token={token}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/status/internal/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://status.example.com", HttpStatusCode.SeeOther)]
    [InlineData("http://status.example.com", HttpStatusCode.OK)]
    [InlineData("http://127.0.0.1:5080", HttpStatusCode.SeeOther)]
    public async Task The_page_redirects_only_where_the_browser_keeps_its_Secure_cookie_and_else_shows_the_page(string origin, HttpStatusCode expected)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"{origin}/status/internal?access_token={token}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Opening_the_page_with_a_wrong_token_is_404_with_no_cookie_and_no_redirect()
    {
        await TokenAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/internal?access_token={new string('0', 64)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("internal")]
    [InlineData("demo")]
    public async Task The_pages_HTML_asks_browsers_to_send_no_referrer(string slug)
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/" + slug);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_regenerated_token_replaces_the_old_one()
    {
        var old = await TokenAsync();
        var current = await TokenAsync();
        using var client = factory.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/internal/api/v2/status.json?access_token={old}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/internal/api/v2/status.json?access_token={current}")).StatusCode);
    }

    private async Task<string> TokenAsync()
    {
        var pages = factory.Service<StatusPageService>();
        return (await pages.RegenerateAccessTokenAsync(await factory.PageIdAsync("internal"))).AccessToken!;
    }
}
