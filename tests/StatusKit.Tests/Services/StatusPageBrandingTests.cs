using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>A page's homepage, logo and accent colour: what the service accepts, refuses and clears.</summary>
public sealed class StatusPageBrandingTests
{
    [Fact]
    public async Task Create_WithBranding_StoresIt_TrimmedAndWithTheColourInLowercase()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage
        {
            Name = "Acme",
            HomepageUrl = " https://www.acme.example/ ",
            LogoUrl = "https://cdn.acme.example/logo.svg",
            AccentColor = "#FF6600",
        });

        Assert.Equal("https://www.acme.example/", page.HomepageUrl);
        Assert.Equal("https://cdn.acme.example/logo.svg", page.LogoUrl);
        Assert.Equal("#ff6600", page.AccentColor);
        Assert.Equal(page, await kit.Pages.GetAsync(page.Id));
    }

    [Fact]
    public async Task Create_WithoutBranding_LeavesEveryFieldNull()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", HomepageUrl = "", LogoUrl = "  " });

        Assert.Null(page.HomepageUrl);
        Assert.Null(page.LogoUrl);
        Assert.Null(page.AccentColor);
    }

    [Fact]
    public async Task Create_HomepageOverPlainHttp_IsAccepted()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", HomepageUrl = "http://intranet.acme.example/" });

        Assert.Equal("http://intranet.acme.example/", page.HomepageUrl);
    }

    public static TheoryData<CreateStatusPage, string> InvalidBranding => new()
    {
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "www.acme.example" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "/about" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "javascript:alert(1)" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "JavaScript://acme.example/%0aalert(1)" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "data:text/html,<script>alert(1)</script>" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "ftp://acme.example/" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "file:///etc/passwd" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "https://" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "https://acme.example@evil.example/" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "https://acme.example/a b" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "https://acme.example/\0" }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", HomepageUrl = "https://acme.example/" + new string('a', 2030) }, "homepageUrl" },
        { new CreateStatusPage { Name = "Acme", LogoUrl = "http://cdn.acme.example/logo.png" }, "logoUrl" },
        { new CreateStatusPage { Name = "Acme", LogoUrl = "data:image/png;base64,iVBORw0KGgo=" }, "logoUrl" },
        { new CreateStatusPage { Name = "Acme", LogoUrl = "logo.png" }, "logoUrl" },
        { new CreateStatusPage { Name = "Acme", LogoUrl = "https://[2001:db8::1]/logo.png" }, "logoUrl" },
        { new CreateStatusPage { Name = "Acme", LogoUrl = "https://cdn.acme.example/" + new string('l', 2030) }, "logoUrl" },
        { new CreateStatusPage { Name = "Acme", AccentColor = "red" }, "accentColor" },
        { new CreateStatusPage { Name = "Acme", AccentColor = "#f60" }, "accentColor" },
        { new CreateStatusPage { Name = "Acme", AccentColor = "ff6600" }, "accentColor" },
        { new CreateStatusPage { Name = "Acme", AccentColor = "#ff660g" }, "accentColor" },
        { new CreateStatusPage { Name = "Acme", AccentColor = "#ff6600;}body{display:none" }, "accentColor" },
    };

    [Theory]
    [MemberData(nameof(InvalidBranding))]
    public async Task Create_InvalidBranding_NamesTheField_AndChangesNothing(CreateStatusPage request, string field)
    {
        await using var kit = new StatusKitHarness();

        await InvalidAsync(kit, field, () => kit.Pages.CreateAsync(request));
    }

    [Fact]
    public async Task Create_InvalidBranding_SaysWhatIsExpected()
    {
        await using var kit = new StatusKitHarness();

        var url = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", HomepageUrl = "javascript:alert(1)" }));
        var logo = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", LogoUrl = "http://cdn.acme.example/logo.png" }));
        var colour = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", AccentColor = "red" }));
        var longUrl = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", HomepageUrl = "https://acme.example/" + new string('a', 2100) }));

        Assert.Contains("absolute http or https URL", url.Message, StringComparison.Ordinal);
        Assert.Contains("https", logo.Message, StringComparison.Ordinal);
        Assert.Contains("#rrggbb", colour.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2048", longUrl.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_SetsBranding_LeavesItWhenNotGiven_AndAnEmptyStringClearsIt()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var branded = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage
        {
            HomepageUrl = "https://acme.example/",
            LogoUrl = "https://acme.example/logo.png",
            AccentColor = "#123ABC",
        });
        var renamed = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme 2" });
        var cleared = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { HomepageUrl = "", LogoUrl = "", AccentColor = "" });

        Assert.Equal(("https://acme.example/", "https://acme.example/logo.png", "#123abc"), (branded.HomepageUrl, branded.LogoUrl, branded.AccentColor));
        Assert.Equal((branded.HomepageUrl, branded.LogoUrl, branded.AccentColor), (renamed.HomepageUrl, renamed.LogoUrl, renamed.AccentColor));
        Assert.Equal((null, null, null), (cleared.HomepageUrl, cleared.LogoUrl, cleared.AccentColor));
        Assert.Equal(cleared, await kit.Pages.GetAsync(page.Id));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null, null, "homepageUrl")]
    [InlineData(null, "http://acme.example/logo.png", null, "logoUrl")]
    [InlineData(null, null, "#12345", "accentColor")]
    public async Task Update_InvalidBranding_NamesTheField_AndChangesNothing(string? homepage, string? logo, string? colour, string field)
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await InvalidAsync(kit, field, () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { HomepageUrl = homepage, LogoUrl = logo, AccentColor = colour }));
    }

    [Fact]
    public async Task Update_OfBranding_RefreshesTheSnapshot_AndItsVersion()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        var before = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { AccentColor = "#0a0b0c" });
        var coloured = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { HomepageUrl = "https://acme.example/", LogoUrl = "https://acme.example/logo.png" });
        var branded = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Null(before!.AccentColor);
        Assert.Equal("#0a0b0c", coloured!.AccentColor);
        Assert.NotEqual(before.Version, coloured.Version);
        Assert.Equal(("https://acme.example/", "https://acme.example/logo.png"), (branded!.HomepageUrl, branded.LogoUrl));
        Assert.NotEqual(coloured.Version, branded.Version);
    }
}
