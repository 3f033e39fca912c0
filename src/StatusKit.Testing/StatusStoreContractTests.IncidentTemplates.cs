using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddIncidentTemplate_RoundTripsEveryField_AtVersion1()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        var template = TestData.Template(page.Id, "Database down", web.Id, api.Id) with
        {
            State = StatusIncidentState.Identified, Version = 9, UpdatedAt = TestData.At(2),
        };

        await Store.AddIncidentTemplateAsync(template, None);

        StoreAssert.Same(template with { Version = 1 }, await Store.GetIncidentTemplateAsync(template.Id, None));
        StoreAssert.Same(template with { Version = 1 }, Assert.Single(await Store.ListIncidentTemplatesAsync(page.Id, None)));
    }

    [Fact]
    public async Task UpdateIncidentTemplate_WithoutAState_StoresNone()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id) with { State = StatusIncidentState.Resolved };
        await Store.AddIncidentTemplateAsync(template, None);

        var stored = await Store.UpdateIncidentTemplateAsync(template with { State = null }, None);

        Assert.Null(stored.State);
        Assert.Null((await Store.GetIncidentTemplateAsync(template.Id, None))!.State);
    }

    [Fact]
    public async Task GetIncidentTemplate_Missing_IsNull()
    {
        Assert.Null(await Store.GetIncidentTemplateAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task ListIncidentTemplates_AreThePagesOwn_OrderedByNameIgnoringCase()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var beta = TestData.Template(page.Id, "beta");
        var alpha = TestData.Template(page.Id, "Alpha");
        var gamma = TestData.Template(page.Id, "GAMMA");
        foreach (var template in new[] { beta, gamma, alpha, TestData.Template(other.Id, "Aardvark") })
        {
            await Store.AddIncidentTemplateAsync(template, None);
        }

        var listed = await Store.ListIncidentTemplatesAsync(page.Id, None);

        Assert.Equal(["Alpha", "beta", "GAMMA"], listed.Select(t => t.Name));
        Assert.Empty(await Store.ListIncidentTemplatesAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task AddIncidentTemplate_OfAMissingPage_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddIncidentTemplateAsync(TestData.Template(Guid.NewGuid()), None));
    }

    [Fact]
    public async Task AddIncidentTemplate_WithANameThePageHasInAnotherCase_IsAConflictNamingName_AndAddsNothing()
    {
        var page = await AddPageAsync();
        var first = TestData.Template(page.Id, "Database down");
        await Store.AddIncidentTemplateAsync(first, None);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.AddIncidentTemplateAsync(TestData.Template(page.Id, "DATABASE DOWN"), None));

        Assert.Equal("name", error.Field);
        Assert.Equal([first.Id], (await Store.ListIncidentTemplatesAsync(page.Id, None)).Select(t => t.Id));
    }

    [Fact]
    public async Task AddIncidentTemplate_WithANameAnotherPageHas_IsAdded()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        await Store.AddIncidentTemplateAsync(TestData.Template(page.Id, "Database down"), None);

        await Store.AddIncidentTemplateAsync(TestData.Template(other.Id, "Database down"), None);

        Assert.Single(await Store.ListIncidentTemplatesAsync(other.Id, None));
    }

    [Fact]
    public async Task AddIncidentTemplate_WithATakenId_IsAConflict()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id);
        await Store.AddIncidentTemplateAsync(template, None);

        await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddIncidentTemplateAsync(template with { Name = "Another" }, None));
    }

    [Fact]
    public async Task UpdateIncidentTemplate_ReplacesItsFields_KeepsPageAndCreation_AndMovesTheVersion()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var template = TestData.Template(page.Id, "Old");
        await Store.AddIncidentTemplateAsync(template, None);
        var changed = template with
        {
            PageId = Guid.NewGuid(),
            Name = "New",
            Title = "New title",
            Message = "New message",
            Severity = StatusIncidentSeverity.Critical,
            State = StatusIncidentState.Monitoring,
            ComponentIds = [api.Id],
            CreatedAt = TestData.At(50),
            UpdatedAt = TestData.At(10),
        };

        var stored = await Store.UpdateIncidentTemplateAsync(changed, None);

        var expected = changed with { PageId = page.Id, CreatedAt = template.CreatedAt, Version = 2 };
        StoreAssert.Same(expected, stored);
        StoreAssert.Same(expected, await Store.GetIncidentTemplateAsync(template.Id, None));
    }

    [Fact]
    public async Task UpdateIncidentTemplate_AtAStaleVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id, "Original");
        await Store.AddIncidentTemplateAsync(template, None);
        await Store.UpdateIncidentTemplateAsync(template with { Title = "First edit" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateIncidentTemplateAsync(template with { Title = "Lost edit" }, None));

        var stored = await Store.GetIncidentTemplateAsync(template.Id, None);
        Assert.Equal(("First edit", 2L), (stored!.Title, stored.Version));
    }

    [Fact]
    public async Task UpdateIncidentTemplate_ToANameAnotherTemplateOfThePageHas_IsAConflictNamingName()
    {
        var page = await AddPageAsync();
        await Store.AddIncidentTemplateAsync(TestData.Template(page.Id, "Taken"), None);
        var template = TestData.Template(page.Id, "Mine");
        await Store.AddIncidentTemplateAsync(template, None);

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.UpdateIncidentTemplateAsync(template with { Name = "taken" }, None));

        Assert.Equal("name", error.Field);
        Assert.Equal("Mine", (await Store.GetIncidentTemplateAsync(template.Id, None))!.Name);
    }

    [Fact]
    public async Task UpdateIncidentTemplate_ToItsOwnNameInAnotherCase_IsStored()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id, "database down");
        await Store.AddIncidentTemplateAsync(template, None);

        var stored = await Store.UpdateIncidentTemplateAsync(template with { Name = "Database Down" }, None);

        Assert.Equal("Database Down", stored.Name);
    }

    [Fact]
    public async Task UpdateIncidentTemplate_Missing_ThrowsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.UpdateIncidentTemplateAsync(TestData.Template(page.Id), None));
    }

    [Fact]
    public async Task DeleteIncidentTemplate_RemovesIt_ThenReportsItMissing()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id);
        await Store.AddIncidentTemplateAsync(template, None);

        Assert.True(await Store.DeleteIncidentTemplateAsync(template.Id, null, None));

        Assert.Null(await Store.GetIncidentTemplateAsync(template.Id, None));
        Assert.Empty(await Store.ListIncidentTemplatesAsync(page.Id, None));
        Assert.False(await Store.DeleteIncidentTemplateAsync(template.Id, null, None));
    }

    [Fact]
    public async Task DeleteIncidentTemplate_AtAStaleVersion_ThrowsConcurrency_AndDeletesNothing_ButAtTheStoredOneDeletes()
    {
        var page = await AddPageAsync();
        var template = TestData.Template(page.Id);
        await Store.AddIncidentTemplateAsync(template, None);
        await Store.UpdateIncidentTemplateAsync(template with { Title = "Edited" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.DeleteIncidentTemplateAsync(template.Id, 1, None));
        Assert.NotNull(await Store.GetIncidentTemplateAsync(template.Id, None));
        Assert.True(await Store.DeleteIncidentTemplateAsync(template.Id, 2, None));
        Assert.False(await Store.DeleteIncidentTemplateAsync(template.Id, 2, None));
    }

    [Fact]
    public async Task DeletePage_DeletesItsIncidentTemplates_AndNoOtherPages()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var doomed = TestData.Template(page.Id, "Same name");
        var kept = TestData.Template(other.Id, "Same name");
        await Store.AddIncidentTemplateAsync(doomed, None);
        await Store.AddIncidentTemplateAsync(kept, None);

        Assert.True(await Store.DeletePageAsync(page.Id, null, None));

        Assert.Null(await Store.GetIncidentTemplateAsync(doomed.Id, None));
        Assert.Empty(await Store.ListIncidentTemplatesAsync(page.Id, None));
        StoreAssert.Same(kept with { Version = 1 }, await Store.GetIncidentTemplateAsync(kept.Id, None));
    }

    [Fact]
    public async Task DeleteComponent_RemovesItsIdFromThePagesIncidentTemplates_KeepsTheOthersInOrder_AndMovesTheirVersion()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var doomed = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        var several = TestData.Template(page.Id, "Several", web.Id, doomed.Id, api.Id);
        var onlyIt = TestData.Template(page.Id, "Only it", doomed.Id);
        var untouched = TestData.Template(page.Id, "Untouched", api.Id);
        foreach (var template in new[] { several, onlyIt, untouched })
        {
            await Store.AddIncidentTemplateAsync(template, None);
        }

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        StoreAssert.Same(several with { ComponentIds = [web.Id, api.Id], Version = 2 }, await Store.GetIncidentTemplateAsync(several.Id, None));
        StoreAssert.Same(onlyIt with { ComponentIds = [], Version = 2 }, await Store.GetIncidentTemplateAsync(onlyIt.Id, None));
        StoreAssert.Same(untouched with { Version = 1 }, await Store.GetIncidentTemplateAsync(untouched.Id, None));
        // An edit computed before the delete loses its compare-and-set instead of writing the id back.
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateIncidentTemplateAsync(several with { Title = "Stale" }, None));
    }
}
