using StatusKit.AspNetCore.Feeds;
using StatusKit.Snapshots;
using StatusKit.Testing;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The uptime badges' memo reads a page's uptime once per snapshot version, local day and window, for at most a minute,
/// and keeps a bounded number of pages.
/// </summary>
public sealed class UptimeBadgeMemoTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 5, 14, 59, 30, TimeSpan.Zero)); // 23:59:30 in Tokyo
    private readonly CountingUptime _uptime = new();

    [Fact]
    public async Task Badges_of_the_same_snapshot_day_and_window_read_the_uptime_once()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var page = RenderedSnapshots.Empty();

        var first = await memo.GetAsync(page, 90, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = await memo.GetAsync(page, 90, CancellationToken.None);

        Assert.Equal(1, _uptime.Reads);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_new_snapshot_version_reads_the_uptime_again()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var page = RenderedSnapshots.Empty();

        await memo.GetAsync(page, 90, CancellationToken.None);
        await memo.GetAsync(page with { Version = "w" }, 90, CancellationToken.None);

        Assert.Equal(2, _uptime.Reads);
    }

    [Fact]
    public async Task A_new_local_day_of_the_page_reads_the_uptime_again()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var tokyo = RenderedSnapshots.Empty("Asia/Tokyo");
        var utc = RenderedSnapshots.Empty();

        await memo.GetAsync(tokyo, 90, CancellationToken.None);
        await memo.GetAsync(utc, 90, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(31)); // midnight passed in Tokyo, not in UTC
        await memo.GetAsync(tokyo, 90, CancellationToken.None);
        await memo.GetAsync(utc, 90, CancellationToken.None);

        Assert.Equal(3, _uptime.Reads);
        Assert.Equal([tokyo.PageId, utc.PageId, tokyo.PageId], _uptime.Pages);
    }

    [Fact]
    public async Task An_entry_is_read_again_after_a_minute_so_an_outage_in_progress_shows()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var page = RenderedSnapshots.Empty();

        await memo.GetAsync(page, 90, CancellationToken.None);
        _clock.Advance(UptimeBadgeMemo.MaxAge);
        await memo.GetAsync(page, 90, CancellationToken.None);

        Assert.Equal(2, _uptime.Reads);
    }

    [Fact]
    public async Task Each_window_of_a_page_is_kept_apart()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var page = RenderedSnapshots.Empty();

        await memo.GetAsync(page, 90, CancellationToken.None);
        await memo.GetAsync(page, 30, CancellationToken.None);
        await memo.GetAsync(page, 90, CancellationToken.None);
        await memo.GetAsync(page, 30, CancellationToken.None);

        Assert.Equal([90, 30], _uptime.Days);
    }

    [Fact]
    public async Task The_memo_keeps_at_most_its_capacity_pushing_out_the_oldest()
    {
        var memo = new UptimeBadgeMemo(_uptime, _clock);
        var oldest = RenderedSnapshots.Empty();
        await memo.GetAsync(oldest, 90, CancellationToken.None);
        for (var i = 0; i < UptimeBadgeMemo.Capacity; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await memo.GetAsync(RenderedSnapshots.Empty(), 90, CancellationToken.None);
        }

        Assert.Equal(UptimeBadgeMemo.Capacity, memo.Count);
        await memo.GetAsync(oldest, 90, CancellationToken.None);
        Assert.Equal(UptimeBadgeMemo.Capacity + 2, _uptime.Reads);
    }

    [Fact]
    public void The_figures_kept_are_the_pages_and_each_components_and_none_for_a_component_not_counted()
    {
        var counted = Guid.NewGuid();
        var page = new PageUptime(Guid.NewGuid(), [new ComponentUptime(counted, [], 99.25), new ComponentUptime(Guid.NewGuid(), [], null)], [], 99.5);

        var figures = UptimeFigures.Of(page);

        Assert.Equal(99.5, figures.For(null));
        Assert.Equal(99.25, figures.For(counted));
        Assert.Null(figures.For(page.Components[1].ComponentId));
        Assert.Null(figures.For(Guid.NewGuid()));
    }

    // Counts the page reads; each answers a new PageUptime.
    private sealed class CountingUptime : IUptimeService
    {
        public int Reads => Days.Count;

        public List<int> Days { get; } = [];

        public List<Guid> Pages { get; } = [];

        public Task<ComponentUptime?> GetUptimeAsync(Guid componentId, int days = 90, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The badge reads the page's uptime.");

        public Task<PageUptime?> GetPageUptimeAsync(Guid pageId, int days = 90, CancellationToken cancellationToken = default)
        {
            Days.Add(days);
            Pages.Add(pageId);
            return Task.FromResult<PageUptime?>(new PageUptime(pageId, [], [], 99.5));
        }
    }
}
