using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddComponent_ThenGetComponent_ReturnsEveryField()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id) with
        {
            Status = ComponentStatus.PartialOutage,
            StatusUpdatedAt = new DateTimeOffset(2026, 1, 5, 10, 15, 30, 250, TimeSpan.FromHours(2)),
            DisplayOrder = 3,
        };

        await Store.AddComponentAsync(component, None);

        Assert.Equal(component, await Store.GetComponentAsync(component.Id, None));
    }

    [Fact]
    public async Task AddComponent_WithNullableFieldsNull_RoundTripsNulls()
    {
        var page = await AddPageAsync();
        var component = TestData.Component(page.Id, teamId: null) with
        {
            Description = null,
            GroupName = null,
            ServiceIdentifier = null,
            ManualStatus = null,
            ManualStatusExpiresAt = null,
        };

        await Store.AddComponentAsync(component, None);

        Assert.Equal(component, await Store.GetComponentAsync(component.Id, None));
    }

    [Fact]
    public async Task ListComponentsAndLoadStatusInputs_TextNeedingEscapingAndFractionalInstants_ReturnEveryFieldAsStored()
    {
        var page = await AddPageAsync();
        var at = new DateTimeOffset(2026, 1, 5, 10, 15, 30, TimeSpan.Zero).AddTicks(1_234_560);
        var escaped = TestData.Component(page.Id, name: "Quote \" back\\slash tab\t line\n é ✓ 😀 </script> \u0001") with
        {
            Description = "{\"looks\": [\"like\", \"json\"], \"n\": 1}",
            GroupName = "Zürich / 東京",
            ServiceIdentifier = "svc-ü",
            Status = ComponentStatus.MajorOutage,
            StatusUpdatedAt = at,
            ManualStatusExpiresAt = at.AddMinutes(90),
        };
        var nulls = TestData.Component(page.Id, teamId: null, displayOrder: 1) with
        {
            Description = null,
            GroupName = null,
            ServiceIdentifier = null,
            ManualStatus = null,
            ManualStatusExpiresAt = null,
        };
        var signal = TestData.Signal() with { Title = "Errors \"5xx\" on /v1\\users\n😀" };
        await Store.AddComponentAsync(escaped, None);
        await Store.AddComponentAsync(nulls, None);
        await Store.ApplySignalAsync(signal, None);

        var listed = await Store.ListComponentsAsync(page.Id, None);
        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None);

        Assert.Equal([escaped, nulls], listed);
        Assert.Equal([escaped, nulls], inputs.Components);
        Assert.Equal([page], inputs.Pages);
        Assert.Contains(signal, inputs.OpenSignals);
    }

    [Fact]
    public async Task GetComponent_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetComponentAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task AddComponent_MissingPage_ThrowsNotFound()
    {
        var component = TestData.Component(Guid.NewGuid());

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddComponentAsync(component, None));

        Assert.Null(await Store.GetComponentAsync(component.Id, None));
    }

    [Fact]
    public async Task AddComponent_NameTakenOnPageIgnoringCase_ThrowsConflictNamingName()
    {
        var page = await AddPageAsync();
        await AddComponentAsync(page.Id, "API");
        var duplicate = TestData.Component(page.Id, "api");

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddComponentAsync(duplicate, None));

        Assert.Equal("name", error.Field);
        Assert.Single(await Store.ListComponentsAsync(page.Id, None));
    }

    [Theory]
    [InlineData("API", "api")]
    [InlineData("Ssh", "\u017Fsh")] // U+017F, long s, upper-cases to S: every store must agree it is taken
    [InlineData("\u00C9TAT", "\u00E9tat")]
    public async Task AddComponent_NameWithTheSameUpperCase_ThrowsConflict_InEveryStore(string taken, string other)
    {
        var page = await AddPageAsync();
        await AddComponentAsync(page.Id, taken);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddComponentAsync(TestData.Component(page.Id, other), None));

        Assert.Equal("name", error.Field);
    }

    [Fact]
    public async Task AddComponent_SameNameOnAnotherPage_IsAllowed()
    {
        var first = await AddPageAsync();
        var second = await AddPageAsync();
        await AddComponentAsync(first.Id, "API");

        await Store.AddComponentAsync(TestData.Component(second.Id, "API"), None);

        Assert.Single(await Store.ListComponentsAsync(second.Id, None));
    }

    [Fact]
    public async Task ListComponents_OrdersByDisplayOrderThenName_OnlyOfThatPage()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var web = await AddComponentAsync(page.Id, "Web", displayOrder: 1);
        var api = await AddComponentAsync(page.Id, "API", displayOrder: 2);
        var db = await AddComponentAsync(page.Id, "Database", displayOrder: 1);
        await AddComponentAsync(other.Id, "Elsewhere", displayOrder: 0);

        var listed = await Store.ListComponentsAsync(page.Id, None);

        Assert.Equal([db.Id, web.Id, api.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ComponentReads_OrderNamesByCodePoint_AsTheDatabasesCollate()
    {
        var page = await AddPageAsync();
        var emoji = await AddComponentAsync(page.Id, "😀 Edge", displayOrder: 1);
        var privateUse = await AddComponentAsync(page.Id, "\uE000 Edge", displayOrder: 1);
        var plain = await AddComponentAsync(page.Id, "Edge", displayOrder: 1);

        var listed = await Store.ListComponentsAsync(page.Id, None);
        var content = await Store.LoadPageContentAsync(page.Id, 10, None);
        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None);

        Guid[] expected = [plain.Id, privateUse.Id, emoji.Id];
        Assert.Equal(expected, listed.Select(c => c.Id));
        Assert.Equal(expected, content!.Components.Select(c => c.Id));
        Assert.Equal(expected, inputs.Components.Select(c => c.Id));
    }

    [Fact]
    public async Task ComponentReads_OfALargePageAmongOthers_ReturnEveryComponentInOrder()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var added = new List<Component>();
        for (var i = 0; i < 300; i++)
        {
            added.Add(await AddComponentAsync(page.Id, $"Component {(i * 7919) % 300:D3}", teamId: "team-big", displayOrder: i % 5));
            if (i % 3 == 0)
            {
                await AddComponentAsync(other.Id, $"Other {i:D3}", teamId: "team-big");
            }
        }

        var expected = added.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id).ToArray();
        var listed = await Store.ListComponentsAsync(page.Id, None);
        var content = await Store.LoadPageContentAsync(page.Id, 10, None);
        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForTeam("team-big"), None);

        Assert.Equal(expected, listed.Select(c => c.Id));
        Assert.Equal(added.OrderBy(c => c.Id).ToArray(), listed.OrderBy(c => c.Id).ToArray());
        Assert.Equal(expected, content!.Components.Select(c => c.Id));
        Assert.Equal(expected, inputs.Components.Where(c => c.PageId == page.Id).Select(c => c.Id));
        Assert.Equal(400, inputs.Components.Count);
        Assert.Empty(await Store.ListComponentsAsync((await AddPageAsync()).Id, None));
    }

    [Fact]
    public async Task UpdateComponent_ReplacesDescriptiveFields_ButNotStatus()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id, status: ComponentStatus.MajorOutage);
        var changed = component with
        {
            Name = "Renamed",
            Description = "New description",
            DisplayOrder = 9,
            GroupName = null,
            TeamId = "team-b",
            ServiceIdentifier = null,
            ManualStatus = null,
            ManualStatusExpiresAt = null,
            UpdatedAt = TestData.At(45),
            Status = ComponentStatus.Operational,
            StatusUpdatedAt = TestData.At(45),
        };

        var returned = await Store.UpdateComponentAsync(changed, None);

        var expected = changed with { Status = ComponentStatus.MajorOutage, StatusUpdatedAt = component.StatusUpdatedAt, Version = 2 };
        Assert.Equal(expected, returned);
        Assert.Equal(expected, await Store.GetComponentAsync(component.Id, None));
    }

    [Fact]
    public async Task OnlyShowIfDegraded_RoundTripsThroughEveryComponentRead_AndAnUpdateSetsAndClearsIt()
    {
        var page = await AddPageAsync();
        var hidden = TestData.Component(page.Id) with { OnlyShowIfDegraded = true };
        var shown = TestData.Component(page.Id, displayOrder: 1);
        await Store.AddComponentAsync(hidden, None);
        await Store.AddComponentAsync(shown, None);

        Assert.True((await Store.GetComponentAsync(hidden.Id, None))!.OnlyShowIfDegraded);
        Assert.Equal([true, false], (await Store.ListComponentsAsync(page.Id, None)).Select(c => c.OnlyShowIfDegraded));
        Assert.Equal([true, false], (await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None)).Components.Select(c => c.OnlyShowIfDegraded));
        Assert.Equal([true, false], (await Store.LoadPageContentAsync(page.Id, 10, None))!.Components.Select(c => c.OnlyShowIfDegraded));

        var cleared = await Store.UpdateComponentAsync(hidden with { OnlyShowIfDegraded = false }, None);
        var set = await Store.UpdateComponentAsync(shown with { OnlyShowIfDegraded = true }, None);

        Assert.Equal((false, 2L), (cleared.OnlyShowIfDegraded, cleared.Version));
        Assert.Equal((true, 2L), (set.OnlyShowIfDegraded, set.Version));
        Assert.Equal([false, true], (await Store.ListComponentsAsync(page.Id, None)).Select(c => c.OnlyShowIfDegraded));
    }

    [Fact]
    public async Task UpdateComponent_Missing_ThrowsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.UpdateComponentAsync(TestData.Component(page.Id), None));
    }

    [Fact]
    public async Task UpdateComponent_NameOfSiblingIgnoringCase_ThrowsConflictNamingName_AndKeepsComponent()
    {
        var page = await AddPageAsync();
        await AddComponentAsync(page.Id, "API");
        var web = await AddComponentAsync(page.Id, "Web");

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.UpdateComponentAsync(web with { Name = "Api", Description = "changed" }, None));

        Assert.Equal("name", error.Field);
        Assert.Equal(web, await Store.GetComponentAsync(web.Id, None));
    }

    [Fact]
    public async Task UpdateComponent_ChangingOnlyTheCaseOfItsOwnName_Succeeds()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id, "api");

        await Store.UpdateComponentAsync(api with { Name = "API" }, None);

        Assert.Equal("API", (await Store.GetComponentAsync(api.Id, None))?.Name);
    }

    [Fact]
    public async Task DeleteComponent_RemovesComponentAndItsHistory()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id);
        var kept = await AddComponentAsync(page.Id);
        await CommitAsync(doomed, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(5));
        await CommitAsync(kept, ComponentStatus.Operational, ComponentStatus.PartialOutage, TestData.At(6));

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        Assert.Null(await Store.GetComponentAsync(doomed.Id, None));
        Assert.Equal([kept.Id], (await Store.ListComponentsAsync(page.Id, None)).Select(c => c.Id));
        var history = await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None);
        Assert.Equal([kept.Id], history.Select(h => h.ComponentId));
    }

    [Fact]
    public async Task DeleteComponent_Missing_ReturnsFalse()
    {
        Assert.False(await Store.DeleteComponentAsync(Guid.NewGuid(), null, None));
    }

    [Fact]
    public async Task ReorderComponents_ExactlyThePagesComponents_AppliesTheNewOrder()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);
        var c = await AddComponentAsync(page.Id, "C", displayOrder: 2);

        await Store.ReorderComponentsAsync(page.Id, [c.Id, a.Id, b.Id], null, None);

        var listed = await Store.ListComponentsAsync(page.Id, None);
        Assert.Equal([c.Id, a.Id, b.Id], listed.Select(x => x.Id));
        Assert.True(listed[0].DisplayOrder < listed[1].DisplayOrder && listed[1].DisplayOrder < listed[2].DisplayOrder);
    }

    [Fact]
    public async Task ReorderComponents_MissingOne_ThrowsValidationNamingComponentIds_AndChangesNothing()
    {
        var (page, before, ids) = await ThreeComponentsAsync();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Store.ReorderComponentsAsync(page.Id, [ids[2], ids[1]], null, None));

        Assert.Equal("componentIds", error.Field);
        Assert.Equal(before, await Store.ListComponentsAsync(page.Id, None));
    }

    [Fact]
    public async Task ReorderComponents_DuplicateId_ThrowsValidation_AndChangesNothing()
    {
        var (page, before, ids) = await ThreeComponentsAsync();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Store.ReorderComponentsAsync(page.Id, [ids[2], ids[1], ids[0], ids[2]], null, None));

        Assert.Equal("componentIds", error.Field);
        Assert.Equal(before, await Store.ListComponentsAsync(page.Id, None));
    }

    [Fact]
    public async Task ReorderComponents_ComponentOfAnotherPage_ThrowsValidation_AndChangesNothing()
    {
        var (page, before, ids) = await ThreeComponentsAsync();
        var other = await AddPageAsync();
        var foreign = await AddComponentAsync(other.Id);

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => Store.ReorderComponentsAsync(page.Id, [ids[2], ids[1], foreign.Id], null, None));

        Assert.Equal("componentIds", error.Field);
        Assert.Equal(before, await Store.ListComponentsAsync(page.Id, None));
        Assert.Equal(foreign, await Store.GetComponentAsync(foreign.Id, None));
    }

    private async Task<(StatusPage Page, IReadOnlyList<Component> Before, Guid[] Ids)> ThreeComponentsAsync()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);
        var c = await AddComponentAsync(page.Id, "C", displayOrder: 2);
        return (page, await Store.ListComponentsAsync(page.Id, None), [a.Id, b.Id, c.Id]);
    }
}
