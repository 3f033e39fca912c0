using System.Text.Json;
using StatusKit.Serialization;
using StatusKit.Services;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Upstream;

public sealed class UpstreamSnapshotTests
{
    [Fact]
    public async Task TheSnapshot_NamesTheUpstreamHostOfAThirdPartyComponentOnly_AndItsJsonLeavesItOutOtherwise()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "GitHub", UpstreamUrl = "https://www.githubstatus.com/api/v2/summary.json" });

        var components = (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components;

        Assert.Equal([null, "www.githubstatus.com"], components.Select(c => c.UpstreamHost));
        Assert.DoesNotContain("pstreamHost", JsonSerializer.Serialize(components[0], StatusKitJsonContext.Default.ComponentSnapshot), StringComparison.Ordinal);
        Assert.Contains("www.githubstatus.com", JsonSerializer.Serialize(components[1], StatusKitJsonContext.Default.ComponentSnapshot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearingTheUpstream_TakesTheHostOffTheSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var component = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "GitHub", UpstreamUrl = "https://www.githubstatus.com/api/v2/summary.json" });

        await kit.Components.UpdateAsync(component.Id, new UpdateComponent { UpstreamUrl = "" });

        Assert.Null((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Single().UpstreamHost);
    }
}
