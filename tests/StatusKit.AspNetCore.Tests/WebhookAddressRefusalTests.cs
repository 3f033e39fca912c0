using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A webhook, Slack, Teams or Discord destination the address guard refuses (plain http, or a host on a private
/// network) tells the host's developer where to allow it, <c>ConfigureWebhookAddresses(...)</c>, on the admin API (and in
/// the service's exception, which a host logs); a public subscriber, who cannot change the host's configuration, is told
/// only why, on the JSON route as on the page's form (whose localized reasons never carried the advice).
/// </summary>
public sealed class WebhookAddressRefusalTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "http://hooks.example.com/status", ValidationCodes.DestinationHttpsRequired },
        { "https://10.0.0.1/hook", ValidationCodes.DestinationUnreachableHost },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_admin_APIs_refusal_names_the_builder_call_that_allows_the_destination(string destination, string code)
    {
        await using var app = await StartAsync();
        using var client = app.Client();
        var pageId = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id;

        using var response = await client.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel = "webhook", destination });

        var problem = await ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains("ConfigureWebhookAddresses(", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_public_routes_refusal_says_why_without_the_hosts_configuration(string destination, string code)
    {
        await using var app = await StartAsync();
        using var client = app.Client();

        using var response = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination });

        var problem = await ProblemAsync(response);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal((code, "destination"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(detail, problem.GetProperty("errors").GetProperty("destination")[0].GetString());
        Assert.DoesNotContain("ConfigureWebhookAddresses", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowHttp", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowPrivateNetworks", detail, StringComparison.Ordinal);
        Assert.Contains(code == ValidationCodes.DestinationHttpsRequired ? "https" : "public address", detail, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<WebApplication> StartAsync()
    {
        var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }
}
