using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Engine;
using StatusKit.Services;
using StatusKit.Snapshots;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>Every snapshot this host takes up as a page's newest is told to the registered observers, at once.</summary>
public sealed class PageSnapshotObserverTests
{
    [Fact]
    public async Task An_edited_page_is_heard_with_its_new_snapshot_before_the_edit_returns()
    {
        var heard = new Recording();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IPageSnapshotObserver>(heard));
        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });

        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" });

        Assert.Equal("status.acme.example", heard.Snapshots[^1].CustomDomain);
    }

    [Fact]
    public async Task A_page_created_with_a_custom_domain_is_heard_at_once_and_one_without_is_built_only_when_read()
    {
        var heard = new Recording();
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IPageSnapshotObserver>(heard));

        var plain = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Plain", Slug = "plain" });
        var afterPlain = heard.Snapshots.Count;
        var withDomain = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = "status.acme.example" });

        Assert.Equal(0, afterPlain);
        Assert.Equal(withDomain.Id, Assert.Single(heard.Snapshots).PageId);
        Assert.NotEqual(plain.Id, heard.Snapshots.Single().PageId);
    }

    private sealed class Recording : IPageSnapshotObserver
    {
        private readonly ConcurrentQueue<PageSnapshot> _snapshots = new();

        public IReadOnlyList<PageSnapshot> Snapshots => [.. _snapshots];

        public void Observe(PageSnapshot snapshot) => _snapshots.Enqueue(snapshot);
    }
}
