using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample started on another port (<c>--urls</c>): what it seeds and links points there, not at 5080.</summary>
public sealed class SampleHostAddressTests(SampleHostAddressTests.OtherPortFactory factory) : IClassFixture<SampleHostAddressTests.OtherPortFactory>
{
    [Fact]
    public async Task The_seeded_webhook_sink_and_the_links_use_the_configured_address()
    {
        var demo = await factory.PageIdAsync("demo");

        var webhook = (await factory.Service<SubscriberService>().ListAsync(demo)).Single(s => s.Channel == SubscriberChannel.Webhook);

        Assert.Equal("http://127.0.0.1:5099/sample/webhook-sink", webhook.Destination);
        Assert.Equal(new Uri("http://127.0.0.1:5099/status"), factory.Service<IOptions<StatusPagesOptions>>().Value.PublicBaseAddress);
    }

    /// <summary>The sample host as started with <c>--urls http://127.0.0.1:5099</c>.</summary>
    public sealed class OtherPortFactory : SampleHostFactory
    {
        protected override bool KeepsSampleLinks => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("urls", "http://127.0.0.1:5099");
        }
    }
}
