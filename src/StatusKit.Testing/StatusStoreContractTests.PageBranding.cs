using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    private static StatusPage Branded(StatusPage page) => page with
    {
        HomepageUrl = "https://www.acme.example/?from=status&x=\"<y>\"",
        LogoUrl = "https://cdn.acme.example/brand/logo.svg",
        AccentColor = "#ff6600",
    };

    [Fact]
    public async Task AddPage_WithBranding_RoundTripsEachField_ThroughEveryRead()
    {
        var page = Branded(TestData.Page());

        await Store.AddPageAsync(page, None);

        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
        Assert.Equal(page, await Store.GetPageBySlugAsync(page.Slug, None));
        Assert.Equal(page, Assert.Single(await Store.ListPagesAsync(null, None)));
        Assert.Equal(page, (await Store.LoadPageContentAsync(page.Id, 10, None))!.Page);
    }

    [Theory]
    [InlineData(nameof(StatusPage.HomepageUrl))]
    [InlineData(nameof(StatusPage.LogoUrl))]
    [InlineData(nameof(StatusPage.AccentColor))]
    public async Task AddPage_WithOneBrandingField_RoundTripsIt_AndNullsTheOthers(string field)
    {
        var page = TestData.Page() with
        {
            HomepageUrl = field == nameof(StatusPage.HomepageUrl) ? "http://intranet.acme.example/" : null,
            LogoUrl = field == nameof(StatusPage.LogoUrl) ? "https://cdn.acme.example/logo.png" : null,
            AccentColor = field == nameof(StatusPage.AccentColor) ? "#0a0b0c" : null,
        };

        await Store.AddPageAsync(page, None);

        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task UpdatePage_SetsBranding_ThenNullClearsEachField()
    {
        var page = await AddPageAsync();

        var branded = await Store.UpdatePageAsync(Branded(page), None);
        var cleared = await Store.UpdatePageAsync(branded with { HomepageUrl = null, LogoUrl = null, AccentColor = null }, None);

        Assert.Equal(Branded(page) with { Version = 2 }, branded);
        Assert.Equal(page with { Version = 3 }, cleared);
        Assert.Equal(cleared, await Store.GetPageAsync(page.Id, None));
        Assert.Equal(cleared, (await Store.LoadPageContentAsync(page.Id, 10, None))!.Page);
    }

    [Fact]
    public async Task UpdatePage_OfAnotherField_KeepsBranding()
    {
        var page = Branded(TestData.Page());
        await Store.AddPageAsync(page, None);

        var renamed = await Store.UpdatePageAsync(page with { Name = "Renamed" }, None);

        Assert.Equal(page with { Name = "Renamed", Version = 2 }, renamed);
        Assert.Equal(renamed, await Store.GetPageAsync(page.Id, None));
    }
}
