using System.Text.RegularExpressions;
using StatusKit.Abstractions;
using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed partial class StatusPageServiceTests
{
    [Fact]
    public async Task Create_WithoutSlug_GeneratesLowercaseHyphenatedNamePlusEightHex_AndStoresThePage()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "  Acme Cloud / API_v2 ", Description = "d", TeamId = "t1", CreatedBy = "ann" });

        Assert.Matches(GeneratedSlug("acme-cloud-api-v2"), page.Slug);
        Assert.Equal("Acme Cloud / API_v2", page.Name);
        Assert.Equal("UTC", page.TimeZoneId);
        Assert.True(page.IsPublic);
        Assert.Null(page.AccessTokenHash);
        Assert.Equal(kit.Clock.GetUtcNow(), page.CreatedAt);
        Assert.Equal(7, page.Id.Version);
        Assert.Equal(page, await kit.Pages.GetAsync(page.Id));
        Assert.Equal(page, await kit.Pages.GetBySlugAsync(page.Slug));
    }

    [Theory]
    [InlineData("Café Ünïcode", "cafe-unicode")]
    [InlineData("---", "")]
    [InlineData("日本", "")]
    [InlineData("A  -  B", "a-b")]
    public async Task Create_GeneratedSlug_KeepsOnlyAsciiLettersDigitsAndSingleHyphens(string name, string stem)
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = name });

        Assert.Matches(stem.Length == 0 ? "^[0-9a-f]{8}$" : GeneratedSlug(stem), page.Slug);
    }

    [Fact]
    public async Task CreateWithAccessToken_PrivatePage_ComesWithATokenThatOpensIt_StoredOnlyAsItsHash()
    {
        await using var kit = new StatusKitHarness();

        var (page, token) = await kit.Pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", IsPublic = false });

        Assert.NotNull(token);
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.False(page.IsPublic);
        Assert.NotNull(page.AccessTokenHash);
        Assert.DoesNotContain(token, page.AccessTokenHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(page, await kit.Pages.GetAsync(page.Id));
        Assert.True(await kit.Pages.VerifyAccessTokenAsync(page.Id, token));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, new string('0', 64)));
    }

    [Fact]
    public async Task CreateWithAccessToken_PublicPage_HasNoToken()
    {
        await using var kit = new StatusKitHarness();

        var (page, token) = await kit.Pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Public" });

        Assert.Null(token);
        Assert.True(page.IsPublic);
        Assert.Null(page.AccessTokenHash);
    }

    [Fact]
    public async Task Create_TwoPagesWithTheSameName_GetDifferentSlugs()
    {
        await using var kit = new StatusKitHarness();

        var a = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        var b = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        Assert.NotEqual(a.Slug, b.Slug);
    }

    [Fact]
    public async Task Create_WithAGivenSlug_KeepsIt()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", TimeZoneId = "Europe/Berlin" });

        Assert.Equal("acme", page.Slug);
        Assert.Equal("Europe/Berlin", page.TimeZoneId);
    }

    [Fact]
    public async Task CreateAndUpdate_ATimeZoneInAnotherCase_StoreTheZonesOwnId()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", TimeZoneId = "europe/berlin" });
        var updated = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { TimeZoneId = "AMERICA/NEW_YORK" });

        Assert.Equal("Europe/Berlin", page.TimeZoneId);
        Assert.Equal("America/New_York", updated.TimeZoneId);
    }

    [Fact]
    public async Task Create_DuplicateSlug_IsAConflictOnSlug_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });

        await RejectsAsync<StatusKitConflictException>(kit, "slug", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Other", Slug = "acme" }));
        Assert.Single(await kit.Pages.ListAsync());
    }

    public static TheoryData<CreateStatusPage, string> InvalidCreates => new()
    {
        { new CreateStatusPage { Name = "" }, "name" },
        { new CreateStatusPage { Name = "   " }, "name" },
        { new CreateStatusPage { Name = new string('n', 201) }, "name" },
        { new CreateStatusPage { Name = "Acme", Slug = "Acme" }, "slug" },
        { new CreateStatusPage { Name = "Acme", Slug = "" }, "slug" },
        { new CreateStatusPage { Name = "Acme", Slug = "-acme" }, "slug" },
        { new CreateStatusPage { Name = "Acme", Slug = "ac--me" }, "slug" },
        { new CreateStatusPage { Name = "Acme", Slug = "acme page" }, "slug" },
        { new CreateStatusPage { Name = "Acme", Slug = new string('a', 101) }, "slug" },

        // The admin API's path: the page's incident and maintenance links would lead to it.
        { new CreateStatusPage { Name = "Acme", Slug = "admin" }, "slug" },
        { new CreateStatusPage { Name = "Acme", TimeZoneId = "Mars/Olympus_Mons" }, "timeZoneId" },
        { new CreateStatusPage { Name = "Acme", TimeZoneId = "" }, "timeZoneId" },
        { new CreateStatusPage { Name = "Acme", Description = new string('d', 20_001) }, "description" },
        { new CreateStatusPage { Name = "Acme", TeamId = new string('t', 201) }, "teamId" },
        { new CreateStatusPage { Name = "Acme", CreatedBy = new string('c', 201) }, "createdBy" },

        // U+0000 cannot be stored by every store (PostgreSQL text refuses it), so it is bad input everywhere.
        { new CreateStatusPage { Name = "Ac\0me" }, "name" },
        { new CreateStatusPage { Name = "Acme", Description = "Pasted\0text" }, "description" },
        { new CreateStatusPage { Name = "Acme", TeamId = "team\0" }, "teamId" },
        { new CreateStatusPage { Name = "Acme", TimeZoneId = "UTC\0" }, "timeZoneId" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_InvalidInput_NamesTheField_AndChangesNothing(CreateStatusPage request, string field)
    {
        await using var kit = new StatusKitHarness();

        await InvalidAsync(kit, field, () => kit.Pages.CreateAsync(request));
    }

    [Fact]
    public async Task List_ReturnsEveryPageOrTheTeamsPages()
    {
        await using var kit = new StatusKitHarness();
        var a = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "B page", TeamId = "t1" });
        var b = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "A page", TeamId = "t2" });

        Assert.Equal([b.Id, a.Id], (await kit.Pages.ListAsync()).Select(p => p.Id));
        Assert.Equal([a.Id], (await kit.Pages.ListAsync("t1")).Select(p => p.Id));
        Assert.Empty(await kit.Pages.ListAsync("nobody"));
    }

    [Fact]
    public async Task Get_UnknownIdOrSlug_IsNull()
    {
        await using var kit = new StatusKitHarness();

        Assert.Null(await kit.Pages.GetAsync(Guid.NewGuid()));
        Assert.Null(await kit.Pages.GetBySlugAsync("nope"));
    }

    [Fact]
    public async Task Update_ChangesOnlyTheGivenFields_AndEmptyStringsClearOptionalOnes()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", Description = "old", TeamId = "t1" });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme 2", Description = "", TimeZoneId = "America/New_York" });

        Assert.Equal("Acme 2", updated.Name);
        Assert.Null(updated.Description);
        Assert.Equal("acme", updated.Slug);
        Assert.Equal("t1", updated.TeamId);
        Assert.Equal("America/New_York", updated.TimeZoneId);
        Assert.Equal(kit.Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(updated, await kit.Pages.GetAsync(page.Id));
        Assert.Equal("Acme 2", (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Name);
    }

    public static TheoryData<UpdateStatusPage, string> InvalidUpdates => new()
    {
        { new UpdateStatusPage { Name = " " }, "name" },
        { new UpdateStatusPage { Slug = "Not A Slug" }, "slug" },
        { new UpdateStatusPage { Slug = "admin" }, "slug" },
        { new UpdateStatusPage { TimeZoneId = "Nowhere/Special" }, "timeZoneId" },
        { new UpdateStatusPage { Description = new string('d', 20_001) }, "description" },
        { new UpdateStatusPage { TeamId = new string('t', 201) }, "teamId" },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Update_InvalidInput_NamesTheField_AndChangesNothing(UpdateStatusPage changes, string field)
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await InvalidAsync(kit, field, () => kit.Pages.UpdateAsync(page.Id, changes));
    }

    [Fact]
    public async Task Update_ToATakenSlug_IsAConflictOnSlug_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "A", Slug = "taken" });
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "B", Slug = "mine" });

        await RejectsAsync<StatusKitConflictException>(kit, "slug", () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Slug = "taken" }));
    }

    [Fact]
    public async Task Update_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Pages.UpdateAsync(Guid.NewGuid(), new UpdateStatusPage { Name = "x" }));
    }

    [Fact]
    public async Task Delete_RemovesThePageWithItsComponents_AndTheCachedSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "t", null));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.True(await kit.Pages.DeleteAsync(page.Id));

        Assert.Null(await kit.Pages.GetAsync(page.Id));
        Assert.Null(await kit.Components.GetAsync(components[0].Id));
        Assert.Null(await kit.Get<IStatusCache>().GetAsync(page.Id, CancellationToken.None));
        Assert.Null(await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_UnknownPage_IsFalse()
    {
        await using var kit = new StatusKitHarness();

        Assert.False(await kit.Pages.DeleteAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task SetVisibility_Private_ReturnsA64HexTokenOnce_AndStoresOnlyItsSha256()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var token = (await kit.Pages.SetVisibilityAsync(page.Id, isPublic: false)).AccessToken;

        Assert.NotNull(token);
        Assert.Matches("^[0-9a-f]{64}$", token);
        var stored = (await kit.Pages.GetAsync(page.Id))!;
        Assert.False(stored.IsPublic);
        Assert.Equal(Sha256Hex(token), stored.AccessTokenHash);
        Assert.DoesNotContain(token, await DumpAsync(kit.Store), StringComparison.Ordinal);
        Assert.True(await kit.Pages.VerifyAccessTokenAsync(page.Id, token));
        Assert.True(StatusPageService.CanRead(stored, token));
        Assert.False(StatusPageService.CanRead(stored, null));
    }

    [Fact]
    public async Task SetVisibility_PrivateAgain_KeepsTheExistingToken_AndReturnsNull()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        var token = (await kit.Pages.SetVisibilityAsync(page.Id, false)).AccessToken;

        Assert.Null((await kit.Pages.SetVisibilityAsync(page.Id, true)).AccessToken);
        Assert.Null((await kit.Pages.SetVisibilityAsync(page.Id, false)).AccessToken);

        Assert.True(await kit.Pages.VerifyAccessTokenAsync(page.Id, token));
    }

    [Fact]
    public async Task SetVisibility_AsItIsAlready_WritesNothing_SoTheVersionOtherEditorsHoldStays()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        await kit.Pages.SetVisibilityAsync(page.Id, false);
        var entries = (await kit.Get<StatusKit.Audit.AuditLog>().ListAsync(page.Id)).Entries.Count;
        var version = (await kit.Pages.GetAsync(page.Id))!.Version;

        var again = await kit.Pages.SetVisibilityAsync(page.Id, false, expectedVersion: version);

        Assert.Equal(version, again.Page.Version);
        Assert.Null(again.AccessToken);
        Assert.Equal(version, (await kit.Pages.GetAsync(page.Id))!.Version);
        Assert.Equal(entries, (await kit.Get<StatusKit.Audit.AuditLog>().ListAsync(page.Id)).Entries.Count);
    }

    [Fact]
    public async Task SetVisibility_Public_LetsAnyoneRead()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", IsPublic = false });

        await kit.Pages.SetVisibilityAsync(page.Id, true);

        Assert.True(StatusPageService.CanRead((await kit.Pages.GetAsync(page.Id))!, null));
    }

    [Fact]
    public async Task SetVisibility_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Pages.SetVisibilityAsync(Guid.NewGuid(), false));
    }

    [Fact]
    public async Task RegenerateAccessToken_ReplacesTheToken_AndTheOldOneStopsWorking()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", IsPublic = false });
        var first = (await kit.Pages.RegenerateAccessTokenAsync(page.Id)).AccessToken;

        var second = (await kit.Pages.RegenerateAccessTokenAsync(page.Id)).AccessToken!;

        Assert.Matches("^[0-9a-f]{64}$", second);
        Assert.NotEqual(first, second);
        var stored = (await kit.Pages.GetAsync(page.Id))!;
        Assert.Equal(Sha256Hex(second), stored.AccessTokenHash);
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, first));
        Assert.False(StatusPageService.CanRead(stored, first));
        Assert.True(await kit.Pages.VerifyAccessTokenAsync(page.Id, second));
        Assert.True(StatusPageService.CanRead(stored, second));
    }

    [Fact]
    public async Task SetVisibilityAndRegenerateAccessToken_ReturnThePageAtTheVersionTheyStored()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var hidden = await kit.Pages.SetVisibilityAsync(page.Id, false, expectedVersion: 1);
        var regenerated = await kit.Pages.RegenerateAccessTokenAsync(page.Id);

        Assert.Equal((2L, false), (hidden.Page.Version, hidden.Page.IsPublic));
        Assert.Equal(3, regenerated.Page.Version);
        Assert.Equal(regenerated.Page, await kit.Pages.GetAsync(page.Id));
    }

    [Fact]
    public async Task RegenerateAccessToken_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Pages.RegenerateAccessTokenAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task VerifyAccessToken_RejectsNearMissesWrongLengthsAndUnknownPages()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", IsPublic = false });
        var token = (await kit.Pages.RegenerateAccessTokenAsync(page.Id)).AccessToken!;
        var lastCharFlipped = token[..^1] + (token[^1] == '0' ? '1' : '0');
        var stored = (await kit.Pages.GetAsync(page.Id))!;

        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, lastCharFlipped));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, token.ToUpperInvariant()));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, token + "0"));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, token[..63]));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, ""));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, null));
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, stored.AccessTokenHash)); // the hash is not the token
        Assert.False(await kit.Pages.VerifyAccessTokenAsync(Guid.NewGuid(), token));
        Assert.False(StatusPageService.CanRead(stored, lastCharFlipped));
    }

    [Fact]
    public async Task VerifyAccessToken_PrivatePageWithoutToken_OpensForNothing()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", IsPublic = false });

        Assert.False(await kit.Pages.VerifyAccessTokenAsync(page.Id, new string('0', 64)));
        Assert.False(StatusPageService.CanRead(page, null));
    }

    [Fact]
    public void SecretTokens_Matches_ComparesTheHashInConstantTime()
    {
        var token = SecretTokens.Create();
        var hash = SecretTokens.Hash(token);

        Assert.True(SecretTokens.Matches(token, hash));
        Assert.False(SecretTokens.Matches(token, hash.ToUpperInvariant()));
        Assert.False(SecretTokens.Matches(token, null));
        Assert.False(SecretTokens.Matches(SecretTokens.Create(), hash));
        Assert.Equal(Sha256Hex(token), hash);
    }

    private static string Sha256Hex(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string GeneratedSlug(string stem) => $"^{Regex.Escape(stem)}-[0-9a-f]{{8}}$";
}
