using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>A page's own domain: how the service normalises it, what it refuses, and that two pages never share one.</summary>
public sealed class StatusPageCustomDomainTests
{
    [Theory]
    [InlineData("status.acme.example", "status.acme.example")]
    [InlineData("  Status.ACME.example ", "status.acme.example")]
    [InlineData("status.acme.example.", "status.acme.example")]
    [InlineData("status.bücher.example", "status.xn--bcher-kva.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("a-b.c1.example", "a-b.c1.example")]
    public async Task Create_WithCustomDomain_StoresItInLowercaseAscii(string given, string stored)
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = given });

        Assert.Equal(stored, page.CustomDomain);
        Assert.Equal(page, await kit.Pages.GetAsync(page.Id));
    }

    [Theory]
    [InlineData("https://status.acme.example")]
    [InlineData("status.acme.example:8443")]
    [InlineData("status.acme.example/history")]
    [InlineData("status acme.example")]
    [InlineData("user@status.acme.example")]
    [InlineData("status.acme.example?x=1")]
    [InlineData("localhost")]
    [InlineData("-status.acme.example")]
    [InlineData("status-.acme.example")]
    [InlineData("status..acme.example")]
    [InlineData("status_1.acme.example")]
    [InlineData("192.0.2.10")]
    [InlineData("[2001:db8::1]")]
    [InlineData("2001:db8::1")]
    [InlineData("status.example.123")]
    public async Task Create_WithBadCustomDomain_NamesCustomDomain_AndChangesNothing(string domain)
    {
        await using var kit = new StatusKitHarness();

        await InvalidAsync(kit, "customDomain", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = domain }));
    }

    [Fact]
    public async Task Create_WithTooLongLabelOrName_NamesCustomDomain()
    {
        await using var kit = new StatusKitHarness();

        await InvalidAsync(kit, "customDomain", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = new string('a', 64) + ".example" }));
        await InvalidAsync(kit, "customDomain", () => kit.Pages.CreateAsync(new CreateStatusPage
        {
            Name = "Acme",
            CustomDomain = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example",
        }));
    }

    [Fact]
    public async Task Create_WithBadCustomDomain_SaysWhatToDrop()
    {
        await using var kit = new StatusKitHarness();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = "https://status.acme.example/" }));

        Assert.Contains("without scheme, port or path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnotherPagesCustomDomainInOtherCase_IsAConflictNamingCustomDomain()
    {
        await using var kit = new StatusKitHarness();
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = "status.acme.example" });

        var error = await RejectsAsync<StatusKitConflictException>(
            kit, "customDomain", () => kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme 2", CustomDomain = "STATUS.acme.example" }));

        Assert.Contains("another page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_SetsCustomDomain_LeavesItWhenNotGiven_AndAnEmptyStringClearsIt()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var set = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "Status.Acme.Example" });
        var renamed = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Name = "Acme 2" });
        var cleared = await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "" });

        Assert.Equal("status.acme.example", set.CustomDomain);
        Assert.Equal("status.acme.example", renamed.CustomDomain);
        Assert.Null(cleared.CustomDomain);
    }

    [Fact]
    public async Task Update_WithBadCustomDomain_NamesCustomDomain_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await InvalidAsync(kit, "customDomain", () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example:443" }));
    }

    [Fact]
    public async Task Update_ToAnotherPagesCustomDomain_IsAConflictNamingCustomDomain()
    {
        await using var kit = new StatusKitHarness();
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CustomDomain = "status.acme.example" });
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Other" });

        await RejectsAsync<StatusKitConflictException>(
            kit, "customDomain", () => kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" }));
    }

    [Fact]
    public async Task Update_OfCustomDomain_ReachesTheSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" });

        Assert.Equal("status.acme.example", (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.CustomDomain);
    }
}
