using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>How the endpoints behave when the app that embeds them stops.</summary>
public sealed class EmbeddingLifecycleTests
{
    [Fact]
    public async Task An_open_event_stream_ends_when_the_application_starts_stopping_so_the_server_does_not_wait_for_it()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app => app.MapStatusPages());
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = app.Client();
        using var response = await client.GetAsync("/status/acme/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": keep-alive", await reader.ReadLineAsync(timeout.Token));

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var rest = await reader.ReadToEndAsync(timeout.Token);

        Assert.DoesNotContain("event:", rest, StringComparison.Ordinal);
    }
}
