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
        "/api/v2/scheduled-maintenances/active.json", "/badge.svg", "/history.atom", "/maintenance.ics", "/events",
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

    [Fact]
    public async Task Access_token_in_the_query_sets_a_strict_cookie_scoped_to_the_page_which_then_opens_it()
    {
        var token = await TokenAsync();
        using var client = factory.CreatePublicClient();
        using var first = await client.GetAsync($"/status/internal/api/v2/status.json?access_token={token}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"statuskit_access={token}", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/status/internal", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/internal");
        request.Headers.Add("Cookie", $"statuskit_access={token}");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
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
