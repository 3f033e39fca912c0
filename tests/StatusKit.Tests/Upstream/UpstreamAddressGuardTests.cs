using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Notifications.Http;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using StatusKit.Upstream;

namespace StatusKit.Tests.Upstream;

/// <summary>The poller's real HTTP client dials through the webhook notifiers' address guard (SSRF protection).</summary>
public sealed class UpstreamAddressGuardTests
{
    // Loopback, port 1: nothing listens there, so a connection that is attempted is refused at once.
    private const string Loopback = "https://127.0.0.1:1/api/v2/summary.json";

    [Fact]
    public async Task AnUpstreamOnALoopbackAddress_IsNeverDialled_AndTheRefusalIsLogged()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<ILoggerProvider>(logs));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var component = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Internal", UpstreamUrl = Loopback });

        await kit.Get<UpstreamPoller>().RunOnceAsync(CancellationToken.None);

        Assert.True(logs.Has(1047));
        Assert.False(logs.Has(1044));
        Assert.Null((await kit.Components.GetAsync(component.Id))!.UpstreamReadAt);
    }

    [Fact]
    public async Task WhenTheHostAllowsPrivateNetworks_ALoopbackUpstreamIsDialled()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<WebhookAddressGuardOptions>(o => o.AllowPrivateNetworks = true);
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Internal", UpstreamUrl = Loopback });

        await kit.Get<UpstreamPoller>().RunOnceAsync(CancellationToken.None);

        Assert.False(logs.Has(1047));
        Assert.True(logs.Has(1044));
    }
}
