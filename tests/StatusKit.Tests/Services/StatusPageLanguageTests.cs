using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// A page's language: one of the tags StatusKit has texts in, stored in lowercase, cleared by an empty string, refused
/// otherwise naming <c>language</c>, audited when it changes and carried into the page's snapshot.
/// </summary>
public sealed class StatusPageLanguageTests
{
    [Theory]
    [InlineData("de", "de")]
    [InlineData(" FR ", "fr")]
    [InlineData("Es", "es")]
    [InlineData("en", "en")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public async Task Create_WithLanguage_StoresItsTagInLowercase(string? given, string? stored)
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Language = given });

        Assert.Equal(stored, page.Language);
        Assert.Equal(page, await kit.Pages.GetAsync(page.Id));
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de-DE")]
    [InlineData("deutsch")]
    [InlineData("d e")]
    public async Task Create_WithALanguageWithoutTexts_NamesLanguage_AndListsTheSupportedOnes(string language)
    {
        await using var kit = new StatusKitHarness();

        var error = await InvalidAsync(kit, "language", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Language = language }));

        Assert.Contains("en, de, fr, es", error.Message, StringComparison.Ordinal);
        Assert.Empty(await kit.Pages.ListAsync());
    }

    [Fact]
    public async Task Update_SetsChangesAndClearsTheLanguage_AndNullLeavesIt()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var german = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "de" });
        var renamed = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme 2" });
        var cleared = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "" });

        Assert.Equal(("de", "de", null), (german.Language, renamed.Language, cleared.Language));
        await InvalidAsync(kit, "language", () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "klingon" }));
        Assert.Null((await kit.Pages.GetAsync(page.Id))!.Language);
    }

    [Fact]
    public async Task Update_OfTheLanguage_IsAudited_AndReachesTheSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = PageLanguages.Spanish });
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "ES" });

        var entries = (await kit.Get<AuditLog>().ListAsync(page.Id, limit: 10)).Entries;
        var updated = Assert.Single(entries, e => e.Action == AuditActions.PageUpdated);
        Assert.Equal(["language"], updated.Fields);
        Assert.Equal(PageLanguages.Spanish, (await kit.Get<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None))!.Language);
    }
}
