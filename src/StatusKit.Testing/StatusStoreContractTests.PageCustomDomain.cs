using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    // Unique per fact, so stores shared by the facts (one PostgreSQL database) never see another fact's domain.
    private static string Domain() => $"{TestData.Unique("status")}.acme.example";

    [Fact]
    public async Task AddPage_WithCustomDomain_RoundTripsIt_ThroughEveryRead()
    {
        var page = TestData.Page() with { CustomDomain = Domain() };

        await Store.AddPageAsync(page, None);

        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
        Assert.Equal(page, await Store.GetPageBySlugAsync(page.Slug, None));
        Assert.Equal(page, await Store.GetPageByCustomDomainAsync(page.CustomDomain!, None));
        Assert.Equal(page, (await Store.LoadPageContentAsync(page.Id, 10, None))!.Page);
    }

    [Fact]
    public async Task GetPageByCustomDomain_FindsOnlyThePageWithExactlyThatDomain()
    {
        var domain = Domain();
        await AddPageAsync();
        var page = TestData.Page() with { CustomDomain = domain };
        await Store.AddPageAsync(page, None);

        Assert.Equal(page.Id, (await Store.GetPageByCustomDomainAsync(domain, None))?.Id);
        Assert.Null(await Store.GetPageByCustomDomainAsync("other." + domain, None));
        Assert.Null(await Store.GetPageByCustomDomainAsync(page.Slug, None));
    }

    [Fact]
    public async Task AddPage_WithAnotherPagesCustomDomain_ThrowsConflictNamingCustomDomain_AndAddsNothing()
    {
        var domain = Domain();
        await Store.AddPageAsync(TestData.Page() with { CustomDomain = domain }, None);
        var second = TestData.Page() with { CustomDomain = domain };

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddPageAsync(second, None));

        Assert.Equal("customDomain", error.Field);
        Assert.Null(await Store.GetPageAsync(second.Id, None));
    }

    [Fact]
    public async Task UpdatePage_SetsCustomDomain_ThenNullClearsIt_AndTheLookupFollows()
    {
        var domain = Domain();
        var page = await AddPageAsync();

        var set = await Store.UpdatePageAsync(page with { CustomDomain = domain }, None);
        Assert.Equal(page.Id, (await Store.GetPageByCustomDomainAsync(domain, None))?.Id);
        var cleared = await Store.UpdatePageAsync(set with { CustomDomain = null }, None);

        Assert.Equal(domain, set.CustomDomain);
        Assert.Equal(page with { Version = 3 }, cleared);
        Assert.Null(await Store.GetPageByCustomDomainAsync(domain, None));
    }

    [Fact]
    public async Task UpdatePage_ToAnotherPagesCustomDomain_ThrowsConflictNamingCustomDomain_AndChangesNothing()
    {
        var domain = Domain();
        await Store.AddPageAsync(TestData.Page() with { CustomDomain = domain }, None);
        var page = await AddPageAsync();

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.UpdatePageAsync(page with { CustomDomain = domain }, None));

        Assert.Equal("customDomain", error.Field);
        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task UpdatePage_KeepingItsOwnCustomDomain_IsNoConflict()
    {
        var page = TestData.Page() with { CustomDomain = Domain() };
        await Store.AddPageAsync(page, None);

        var renamed = await Store.UpdatePageAsync(page with { Name = "Renamed" }, None);

        Assert.Equal(page.CustomDomain, renamed.CustomDomain);
    }
}
