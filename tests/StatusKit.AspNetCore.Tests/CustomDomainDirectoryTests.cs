using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.AspNetCore.Domains;
using StatusKit.Services;
using StatusKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Which page a Host names, asked by every request when custom domains are served: answered from memory, following a
/// page's changes at once, and never costing the host's own traffic a store read per request.
/// </summary>
public sealed class CustomDomainDirectoryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_pages_domain_is_found_in_any_case_and_with_a_trailing_dot_and_read_from_the_store_once()
    {
        await using var kit = Kit();
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = "status.acme.example" });
        var directory = Directory(kit);

        var first = await directory.SlugOfAsync("status.acme.example", None);
        var again = await directory.SlugOfAsync("STATUS.acme.example.", None);
        var third = await directory.SlugOfAsync("status.acme.example", None);

        Assert.Equal(("acme", "acme", "acme"), (first, again, third));
        Assert.Equal(1, kit.StoreControl.Calls(nameof(IStatusStore.GetPageByCustomDomainAsync)));
    }

    [Fact]
    public async Task A_host_that_is_no_pages_domain_is_read_once_per_retention_and_a_domain_set_by_another_host_is_served_after_it()
    {
        await using var kit = Kit();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        var directory = Directory(kit);

        var before = await directory.SlugOfAsync("status.acme.example", None);
        // Another host sharing the store sets it: this host builds no snapshot of the page for it.
        await kit.Store.UpdatePageAsync(page with { CustomDomain = "status.acme.example" }, None);
        var remembered = await directory.SlugOfAsync("status.acme.example", None);
        var readsWhileRemembered = kit.StoreControl.Calls(nameof(IStatusStore.GetPageByCustomDomainAsync));
        kit.Clock.Advance(CustomDomainMisses.Retention);
        var after = await directory.SlugOfAsync("status.acme.example", None);

        Assert.Equal(((string?)null, (string?)null, "acme"), (before, remembered, after));
        Assert.Equal(1, readsWhileRemembered);
    }

    [Fact]
    public async Task A_domain_set_on_this_host_is_served_at_once_though_the_name_was_remembered_as_no_pages()
    {
        await using var kit = Kit();
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        var directory = Directory(kit);

        var before = await directory.SlugOfAsync("status.acme.example", None);
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" });
        var after = await directory.SlugOfAsync("status.acme.example", None);

        Assert.Equal(((string?)null, "acme"), (before, after));
    }

    [Fact]
    public async Task A_page_created_on_this_host_with_a_domain_is_served_there_at_once_though_the_name_was_remembered_as_no_pages()
    {
        await using var kit = Kit();
        var directory = Directory(kit);

        var before = await directory.SlugOfAsync("status.acme.example", None);
        await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = "status.acme.example" });
        var after = await directory.SlugOfAsync("status.acme.example", None);

        Assert.Equal(((string?)null, "acme"), (before, after));
    }

    [Fact]
    public async Task A_domain_cleared_or_moved_to_another_page_follows_at_once()
    {
        await using var kit = Kit();
        var acme = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = "status.acme.example" });
        var other = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Other", Slug = "other" });
        var directory = Directory(kit);
        var first = await directory.SlugOfAsync("status.acme.example", None);

        await kit.Pages.UpdateAsync(acme.Id, new UpdateStatusPage { CustomDomain = "" });
        await kit.Pages.UpdateAsync(other.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" });
        var moved = await directory.SlugOfAsync("status.acme.example", None);
        await kit.Pages.UpdateAsync(other.Id, new UpdateStatusPage { CustomDomain = "" });
        var cleared = await directory.SlugOfAsync("status.acme.example", None);

        Assert.Equal(("acme", "other", (string?)null), (first, moved, cleared));
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_host_that_can_be_no_custom_domain_costs_no_store_read(string host)
    {
        await using var kit = Kit();
        var directory = Directory(kit);

        var slug = await directory.SlugOfAsync(host, None);

        Assert.Null(slug);
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.GetPageByCustomDomainAsync)));
    }

    // With the endpoints' memory of unknown hosts, which hears of the pages' snapshots this host builds.
    private static StatusKitHarness Kit() => new(services =>
    {
        services.AddSingleton<CustomDomainMisses>();
        services.AddSingleton<IPageSnapshotObserver>(sp => sp.GetRequiredService<CustomDomainMisses>());
    });

    private static CustomDomainDirectory Directory(StatusKitHarness kit) =>
        new(kit.Store, kit.Reader, kit.Services.GetRequiredService<CustomDomainMisses>());
}
