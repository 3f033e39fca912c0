using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddPage_WithLanguage_RoundTripsIt_ThroughEveryRead()
    {
        var page = TestData.Page() with { Language = PageLanguages.German };

        await Store.AddPageAsync(page, None);

        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
        Assert.Equal(page, await Store.GetPageBySlugAsync(page.Slug, None));
        Assert.Equal(page, Assert.Single(await Store.ListPagesAsync(null, None)));
        Assert.Equal(page, (await Store.LoadPageContentAsync(page.Id, 10, None))!.Page);
    }

    [Fact]
    public async Task UpdatePage_SetsLanguage_ThenNullClearsIt()
    {
        var page = await AddPageAsync();

        var french = await Store.UpdatePageAsync(page with { Language = PageLanguages.French }, None);
        var cleared = await Store.UpdatePageAsync(french with { Language = null }, None);

        Assert.Equal(PageLanguages.French, french.Language);
        Assert.Equal(page with { Language = PageLanguages.French, Version = 2 }, french);
        Assert.Null(cleared.Language);
        Assert.Equal(cleared, await Store.GetPageAsync(page.Id, None));
    }
}
