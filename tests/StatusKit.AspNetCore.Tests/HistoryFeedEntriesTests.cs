using StatusKit.AspNetCore.Feeds;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>How the history feeds choose and word their entries, without a host.</summary>
public sealed class HistoryFeedEntriesTests
{
    private static readonly Guid PageId = Guid.CreateVersion7(TestData.T0);
    private static readonly ComponentSnapshot Api = new(Guid.NewGuid(), "API", null, null, 0, ComponentStatus.Operational, TestData.T0);
    private static readonly ComponentSnapshot Database = new(Guid.NewGuid(), "Database", null, null, 1, ComponentStatus.Operational, TestData.T0);

    [Fact]
    public void A_window_read_both_as_open_and_as_completed_is_listed_once_as_it_last_was()
    {
        // It completed between the read of the open windows and the read of the completed ones.
        var open = TestData.Window(PageId, [Database.Id], MaintenanceState.InProgress) with { Recurrence = null, ExcludedOccurrences = [] };
        var completed = open with { State = MaintenanceState.Completed, UpdatedAt = open.UpdatedAt.AddMinutes(30) };

        var entries = HistoryFeedEntries.Select(Snapshot(), [], new RecentMaintenanceWindows([open], [completed], []), "https://status.example/acme");

        var entry = Assert.Single(entries);
        Assert.Equal(completed.UpdatedAt, entry.Updated);
        Assert.StartsWith("Maintenance completed: ", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Incidents_and_windows_are_merged_by_their_latest_change_and_cut_at_fifty()
    {
        var incidents = Enumerable.Range(0, 40).Select(i => TestData.Incident(PageId) with { UpdatedAt = TestData.At(2 * i) }).ToList();
        var windows = Enumerable.Range(0, 40).Select(i => TestData.Window(PageId, [], MaintenanceState.Completed) with { UpdatedAt = TestData.At((2 * i) + 1) }).ToList();

        var entries = HistoryFeedEntries.Select(Snapshot(), incidents, new RecentMaintenanceWindows([], windows, []), "https://status.example/acme");

        Assert.Equal(HistoryFeedEntries.EntryCount, entries.Count);
        Assert.Equal(Enumerable.Range(30, 50).Reverse().Select(m => TestData.At(m)), entries.Select(e => e.Updated));
    }

    [Fact]
    public void A_windows_text_names_only_the_components_the_snapshot_knows_in_the_pages_order_and_keeps_XML_clean()
    {
        var window = TestData.Window(PageId, [Database.Id, Guid.NewGuid(), Api.Id]) with
        {
            Recurrence = null, ExcludedOccurrences = [], Description = "  Primary\v database moves.  ",
        };

        var entry = HistoryFeedEntries.Select(Snapshot(), [], new RecentMaintenanceWindows([window], [], []), "https://status.example/acme").Single();

        Assert.Equal(
            "Scheduled maintenance: starts 2026-01-05T10:00:00.000Z, ends 2026-01-05T11:00:00.000Z\nAffected components: API, Database\nPrimary database moves.",
            entry.Text);
        Assert.Equal($"https://status.example/acme/maintenance/{window.Id}", entry.Link);
    }

    [Theory]
    [InlineData(MaintenanceState.Scheduled, "Scheduled maintenance, recurring: next occurrence starts 2026-01-05T10:00:00.000Z, ends 2026-01-05T11:00:00.000Z")]
    [InlineData(MaintenanceState.InProgress, "Maintenance in progress, recurring: this occurrence started 2026-01-05T10:00:00.000Z, ends 2026-01-05T11:00:00.000Z")]
    [InlineData(MaintenanceState.Completed, "Maintenance completed, recurring: its last occurrence started 2026-01-05T10:00:00.000Z, ended 2026-01-05T11:00:00.000Z")]
    [InlineData(MaintenanceState.Cancelled, "Maintenance cancelled, recurring: its next occurrence was planned from 2026-01-05T10:00:00.000Z to 2026-01-05T11:00:00.000Z")]
    public void A_recurring_windows_text_says_it_recurs_and_which_occurrence_it_gives_without_its_rule(MaintenanceState state, string expected)
    {
        var window = TestData.Window(PageId, [], state) with { Description = null };

        var text = HistoryFeedText.Maintenance(window, []);

        Assert.Equal(expected, text);
        Assert.DoesNotContain("FREQ", text, StringComparison.Ordinal);
    }

    private static PageSnapshot Snapshot() => new()
    {
        PageId = PageId,
        Slug = "acme",
        Name = "Acme Cloud",
        IsPublic = true,
        TimeZoneId = "UTC",
        Status = PageStatus.For(ComponentStatus.Operational),
        Components = [Api, Database],
        UnresolvedIncidents = [],
        ActiveMaintenance = [],
        UpcomingMaintenance = [],
        GeneratedAt = TestData.At(500),
        Version = "1",
    };
}
