using StatusKit.Audit;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>Setting, changing and clearing a component's upstream page through <see cref="ComponentService"/>.</summary>
public sealed class ComponentUpstreamServiceTests
{
    private const string GitHub = "https://www.githubstatus.com/api/v2/summary.json";

    [Fact]
    public async Task Create_WithAnUpstream_StoresItTrimmed_AndIsOperationalUntilItIsRead()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var component = await kit.Components.CreateAsync(new CreateComponent
        {
            PageId = page.Id, Name = "GitHub Actions", UpstreamUrl = $" {GitHub} ", UpstreamComponentId = " br0l2tvcx85d ",
        });

        Assert.Equal((GitHub, "br0l2tvcx85d"), (component.UpstreamUrl, component.UpstreamComponentId));
        Assert.Equal((ComponentStatus.Operational, (ComponentStatus?)null, (DateTimeOffset?)null), (component.Status, component.UpstreamStatus, component.UpstreamReadAt));
        Assert.Equal(component, await kit.Components.GetAsync(component.Id));
    }

    public static TheoryData<string?, string?, string, string?> InvalidUpstreams => new()
    {
        { "http://www.githubstatus.com/api/v2/summary.json", null, "upstreamUrl", ValidationCodes.ValueInvalid },
        { "/api/v2/summary.json", null, "upstreamUrl", ValidationCodes.ValueInvalid },
        { "ftp://status.example.com/summary.json", null, "upstreamUrl", ValidationCodes.ValueInvalid },
        { "https://user:secret@status.example.com/api/v2/summary.json", null, "upstreamUrl", ValidationCodes.ValueInvalid },
        { "https://status.example.com/" + new string('a', 2048), null, "upstreamUrl", ValidationCodes.TextTooLong },
        { "https://status.example.com/a b", null, "upstreamUrl", ValidationCodes.ValueInvalid },
        { null, "abc", "upstreamComponentId", null },
        { GitHub, new string('c', 201), "upstreamComponentId", ValidationCodes.TextTooLong },
        { GitHub, "a\0b", "upstreamComponentId", ValidationCodes.TextContainsNul },
    };

    [Theory]
    [MemberData(nameof(InvalidUpstreams))]
    public async Task Create_InvalidUpstream_NamesTheFieldAndItsCode_AndChangesNothing(string? url, string? componentId, string field, string? code)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var refusal = await InvalidAsync(kit, field, () => kit.Components.CreateAsync(new CreateComponent
        {
            PageId = page.Id, Name = "GitHub", UpstreamUrl = url, UpstreamComponentId = componentId,
        }));
        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public async Task Update_SetsChangesAndClearsTheUpstream_AndTheAuditLogNamesTheFields()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("GitHub", null, null));
        var id = components[0].Id;

        var set = await kit.Components.UpdateAsync(id, new UpdateComponent { UpstreamUrl = GitHub });
        var narrowed = await kit.Components.UpdateAsync(id, new UpdateComponent { UpstreamComponentId = "br0l2tvcx85d" });
        var unchanged = await kit.Components.UpdateAsync(id, new UpdateComponent { Name = "GitHub", UpstreamUrl = GitHub });
        var cleared = await kit.Components.UpdateAsync(id, new UpdateComponent { UpstreamUrl = "" });

        Assert.Equal((GitHub, (string?)null), (set.UpstreamUrl, set.UpstreamComponentId));
        Assert.Equal((GitHub, "br0l2tvcx85d"), (narrowed.UpstreamUrl, narrowed.UpstreamComponentId));
        Assert.Equal(narrowed.Version, unchanged.Version);
        Assert.Equal(((string?)null, (string?)null), (cleared.UpstreamUrl, cleared.UpstreamComponentId));
        var entries = (await kit.Get<AuditLog>().ListAsync(page.Id, limit: 200)).Entries
            .Where(e => e.Action == AuditActions.ComponentUpdated).Select(e => string.Join(",", e.Fields));
        Assert.Equal(["upstreamUrl,upstreamComponentId", "upstreamComponentId", "upstreamUrl"], entries);
    }

    [Fact]
    public async Task Update_AnEmptyUpstreamComponentId_FollowsTheWholeUpstreamPageAgain()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var component = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "GitHub", UpstreamUrl = GitHub, UpstreamComponentId = "abc" });

        var updated = await kit.Components.UpdateAsync(component.Id, new UpdateComponent { UpstreamComponentId = "" });

        Assert.Equal((GitHub, (string?)null), (updated.UpstreamUrl, updated.UpstreamComponentId));
    }

    [Fact]
    public async Task Update_AnUpstreamComponentIdWithoutAnUpstreamUrl_NamesTheField_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("GitHub", null, null));

        await InvalidAsync(kit, "upstreamComponentId", () => kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { UpstreamComponentId = "abc" }));
        await InvalidAsync(kit, "upstreamUrl", () => kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { UpstreamUrl = "http://insecure.example.com/" }));
    }
}
