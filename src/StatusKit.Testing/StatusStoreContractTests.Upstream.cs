using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    private const string UpstreamUrl = "https://status.example.com/api/v2/summary.json";

    [Fact]
    public async Task Upstream_RoundTripsThroughEveryComponentRead()
    {
        var page = await AddPageAsync();
        var following = TestData.Component(page.Id) with
        {
            UpstreamUrl = UpstreamUrl,
            UpstreamComponentId = "8l4ygp009s5s",
            UpstreamStatus = ComponentStatus.PartialOutage,
            UpstreamReadAt = TestData.At(5),
        };
        var own = TestData.Component(page.Id, displayOrder: 1);
        await Store.AddComponentAsync(following, None);
        await Store.AddComponentAsync(own, None);

        Assert.Equal(following, await Store.GetComponentAsync(following.Id, None));
        Assert.Equal([following, own], await Store.ListComponentsAsync(page.Id, None));
        Assert.Equal(following, (await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None)).Components.Single(c => c.Id == following.Id));
        Assert.Equal(following, (await Store.LoadPageContentAsync(page.Id, 10, None))!.Components.Single(c => c.Id == following.Id));
        Assert.Null((await Store.GetComponentAsync(own.Id, None))!.UpstreamUrl);
    }

    [Fact]
    public async Task ListUpstreamComponents_ListsTheComponentsOfEveryPageThatFollowAnUpstream_AndNoOther()
    {
        var first = await AddPageAsync();
        var second = await AddPageAsync();
        var a = TestData.Component(first.Id) with { UpstreamUrl = UpstreamUrl };
        var b = TestData.Component(second.Id) with { UpstreamUrl = UpstreamUrl, UpstreamComponentId = "abc" };
        var own = TestData.Component(first.Id, displayOrder: 1);
        await Store.AddComponentAsync(a, None);
        await Store.AddComponentAsync(b, None);
        await Store.AddComponentAsync(own, None);

        var listed = await Store.ListUpstreamComponentsAsync(None);

        Assert.Contains(a, listed);
        Assert.Contains(b, listed);
        Assert.DoesNotContain(listed, c => c.Id == own.Id);
    }

    [Fact]
    public async Task UpdateComponent_SetsAndClearsTheUpstream_MovingTheVersion_AndForgetsWhatWasReadFromTheOldOne()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id);
        await Store.AddComponentAsync(component, None);

        var set = await Store.UpdateComponentAsync(component with { UpstreamUrl = UpstreamUrl, UpstreamComponentId = "abc" }, None);
        Assert.True(await Store.RecordUpstreamStatusAsync(component.Id, set.Version, null, ComponentStatus.MajorOutage, TestData.At(10), None));
        var moved = await Store.UpdateComponentAsync(set with { UpstreamComponentId = "def" }, None);
        var cleared = await Store.UpdateComponentAsync(moved with { UpstreamUrl = null, UpstreamComponentId = null }, None);

        Assert.Equal((UpstreamUrl, "abc", 2L), (set.UpstreamUrl, set.UpstreamComponentId, set.Version));
        Assert.Equal(("def", (ComponentStatus?)null, (DateTimeOffset?)null, 3L), (moved.UpstreamComponentId, moved.UpstreamStatus, moved.UpstreamReadAt, moved.Version));
        Assert.Equal(((string?)null, (string?)null, 4L), (cleared.UpstreamUrl, cleared.UpstreamComponentId, cleared.Version));
        Assert.Equal(cleared, await Store.GetComponentAsync(component.Id, None));
    }

    [Fact]
    public async Task UpdateComponent_KeepingTheUpstream_KeepsWhatWasRead_EvenWhenTheEditWasReadBefore()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id) with { UpstreamUrl = UpstreamUrl };
        await Store.AddComponentAsync(component, None);
        Assert.True(await Store.RecordUpstreamStatusAsync(component.Id, 1, null, ComponentStatus.DegradedPerformance, TestData.At(10), None));

        var renamed = await Store.UpdateComponentAsync(component with { Name = TestData.Unique("Renamed") }, None);

        Assert.Equal((ComponentStatus.DegradedPerformance, TestData.At(10)), (renamed.UpstreamStatus, renamed.UpstreamReadAt!.Value));
    }

    [Fact]
    public async Task RecordUpstreamStatus_WritesTheReading_WithoutMovingTheVersionOrUpdateTime()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id) with { UpstreamUrl = UpstreamUrl };
        await Store.AddComponentAsync(component, None);

        var first = await Store.RecordUpstreamStatusAsync(component.Id, 1, null, ComponentStatus.PartialOutage, TestData.At(10), None);
        var second = await Store.RecordUpstreamStatusAsync(component.Id, 1, TestData.At(10), ComponentStatus.Operational, TestData.At(15), None);

        Assert.True(first);
        Assert.True(second);
        var stored = (await Store.GetComponentAsync(component.Id, None))!;
        Assert.Equal(component with { UpstreamStatus = ComponentStatus.Operational, UpstreamReadAt = TestData.At(15) }, stored);
        Assert.Equal((1L, component.UpdatedAt, component.Status), (stored.Version, stored.UpdatedAt, stored.Status));
    }

    [Fact]
    public async Task RecordUpstreamStatus_WhenAnotherHostRecordedARead_OrTheComponentChanged_WritesNothing()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id) with { UpstreamUrl = UpstreamUrl };
        await Store.AddComponentAsync(component, None);
        Assert.True(await Store.RecordUpstreamStatusAsync(component.Id, 1, null, ComponentStatus.PartialOutage, TestData.At(10), None));

        var sameReadAgain = await Store.RecordUpstreamStatusAsync(component.Id, 1, null, ComponentStatus.MajorOutage, TestData.At(11), None);
        var staleVersion = await Store.RecordUpstreamStatusAsync(component.Id, 2, TestData.At(10), ComponentStatus.MajorOutage, TestData.At(11), None);
        var missing = await Store.RecordUpstreamStatusAsync(Guid.NewGuid(), 1, null, ComponentStatus.MajorOutage, TestData.At(11), None);

        Assert.Equal((false, false, false), (sameReadAgain, staleVersion, missing));
        var stored = (await Store.GetComponentAsync(component.Id, None))!;
        Assert.Equal((ComponentStatus.PartialOutage, TestData.At(10)), (stored.UpstreamStatus!.Value, stored.UpstreamReadAt!.Value));
    }

    [Fact]
    public async Task RecordUpstreamStatus_ForAComponentThatFollowsNoUpstream_WritesNothing()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id);
        await Store.AddComponentAsync(component, None);

        Assert.False(await Store.RecordUpstreamStatusAsync(component.Id, 1, null, ComponentStatus.MajorOutage, TestData.At(11), None));
        Assert.Equal(component, await Store.GetComponentAsync(component.Id, None));
    }
}
