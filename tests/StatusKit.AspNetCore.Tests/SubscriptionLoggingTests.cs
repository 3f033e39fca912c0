using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The public subscription routes log under their own category, <c>StatusKit.AspNetCore.Subscriptions</c>, apart from
/// the admin API's, and never with the destination a visitor typed.
/// </summary>
public sealed class SubscriptionLoggingTests : IAsyncLifetime
{
    private const string Category = "StatusKit.AspNetCore.Subscriptions";
    private readonly ListLoggerProvider _logs = new();
    private WebApplication? _app;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<ILoggerProvider>(_logs);
                services.AddStatusPages().AddStatusPageEndpoints(o => o.SubscriptionPermitLimit = 2);
            },
            app => app.MapStatusPages());
        await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Subscribe_WithAnInvalidDestination_IsLoggedUnderTheSubscriptionsCategory_WithoutTheDestination()
    {
        using var client = App.Client();

        using var response = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = "ftp://hooks.reader.example/in" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = Assert.Single(_logs.Entries, e => e.EventId.Id == 1409);
        Assert.Equal((Category, LogLevel.Information), (refused.Category, refused.Level));
        Assert.True(refused.Message.Contains("destination", StringComparison.Ordinal), refused.Message);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("hooks.reader.example", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Category.StartsWith("StatusKit.AspNetCore.Admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribe_ToAnUnknownComponent_IsLoggedUnderTheSubscriptionsCategory()
    {
        using var client = App.Client();

        using var response = await client.PostAsJsonAsync(
            "/status/acme/subscriptions", new { channel = "webhook", destination = "https://hooks.reader.example/in", components = new[] { Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Category, Assert.Single(_logs.Entries, e => e.EventId.Id == 1409).Category);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("hooks.reader.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribe_BeyondTheRateLimit_IsLoggedUnderTheSubscriptionsCategory()
    {
        using var client = App.Client();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = $"ftp://hooks.reader{i}.example/in" });
        }

        var limited = Assert.Single(_logs.Entries, e => e.EventId.Id == 1406);
        Assert.Equal((Category, LogLevel.Information), (limited.Category, limited.Level));
    }

    [Fact]
    public async Task Subscribe_WithATooLargeBody_IsLoggedUnderTheSubscriptionsCategory()
    {
        using var client = App.Client();
        var components = Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid()).ToArray();

        using var response = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = "https://hooks.reader.example/in", components });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(Category, Assert.Single(_logs.Entries, e => e.EventId.Id == 1410).Category);
    }

    [Theory]
    [InlineData("slack", "http://alice-smith.example/hook", "alice-smith")]
    [InlineData("discord", "https://bob-jones.example/api/webhooks/1/x", "bob-jones")]
    [InlineData("webhook", "ftp://hooks.reader.example/in", "hooks.reader.example")]
    public async Task AdminRequest_RefusingADestination_LogsWhyButNotTheDestination(string channel, string destination, string part)
    {
        using var client = App.Client();
        var pageId = (await App.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id;

        using var response = await client.PostAsJsonAsync($"/status/admin/pages/{pageId}/subscribers", new { channel, destination });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("destination", problem.RootElement.GetProperty("field").GetString());
        var refused = Assert.Single(_logs.Entries, e => e.EventId.Id == 1405);
        Assert.Contains("destination", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(part, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminRequest_Refused_IsStillLoggedUnderTheAdminCategory()
    {
        using var client = App.Client();

        using var response = await client.PostAsJsonAsync("/status/admin/pages", new { name = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("StatusKit.AspNetCore.Admin", Assert.Single(_logs.Entries, e => e.EventId.Id == 1405).Category);
    }
}
