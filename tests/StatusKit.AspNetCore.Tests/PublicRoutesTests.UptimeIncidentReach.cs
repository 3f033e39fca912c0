using System.Globalization;
using System.Text.RegularExpressions;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>What the page's one incident read reaches on the uptime bars: incidents begun before them, and a page with many.</summary>
public sealed partial class PublicRoutesTests
{
    [Fact]
    public async Task An_incident_begun_before_the_uptime_bars_and_resolved_inside_them_is_named_on_the_days_it_affected()
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        await WithLedgerPageAsync("uptime-begun-before", async (store, page, ledger) =>
        {
            await store.AddStatusIncidentAsync(
                ResolvedIncident(page.Id, ledger.Id, "Long ledger outage", now.AddDays(-100), now.AddDays(-85)), [], CancellationToken.None);
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/uptime-begun-before");

            Assert.Contains("Long ledger outage", Tip(html, now.AddDays(-88)), StringComparison.Ordinal);
            Assert.Contains("Long ledger outage", Tip(html, now.AddDays(-85)), StringComparison.Ordinal);
            Assert.DoesNotContain("Long ledger outage", Tip(html, now.AddDays(-84)), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_page_with_more_incidents_than_the_page_reads_says_which_uptime_days_may_not_list_them_all()
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        await WithLedgerPageAsync("uptime-many-incidents", async (store, page, ledger) =>
        {
            await store.AddStatusIncidentAsync(
                ResolvedIncident(page.Id, ledger.Id, "Oldest ledger outage", now.AddDays(-60), now.AddDays(-60).AddHours(1)), [], CancellationToken.None);
            for (var i = 0; i < 200; i++)
            {
                var at = now.AddDays(-10).AddMinutes(i);
                await store.AddStatusIncidentAsync(ResolvedIncident(page.Id, ledger.Id, $"Blip {i}", at, at.AddMinutes(1)), [], CancellationToken.None);
            }

            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/uptime-many-incidents");

            const string NotAll = "Incidents of this day may not all be listed";
            Assert.Contains(NotAll, Tip(html, now.AddDays(-60)), StringComparison.Ordinal);
            Assert.Contains(NotAll, Tip(html, now.AddDays(-11)), StringComparison.Ordinal);
            Assert.DoesNotContain(NotAll, Tip(html, now.AddDays(-9)), StringComparison.Ordinal);
            Assert.DoesNotContain(NotAll, Tip(html, now), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_page_with_exactly_as_many_incidents_as_the_page_reads_lists_them_all()
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        await WithLedgerPageAsync("uptime-just-enough-incidents", async (store, page, ledger) =>
        {
            await store.AddStatusIncidentAsync(
                ResolvedIncident(page.Id, ledger.Id, "Oldest ledger outage", now.AddDays(-60), now.AddDays(-60).AddHours(1)), [], CancellationToken.None);
            for (var i = 0; i < 199; i++)
            {
                var at = now.AddDays(-10).AddMinutes(i);
                await store.AddStatusIncidentAsync(ResolvedIncident(page.Id, ledger.Id, $"Blip {i}", at, at.AddMinutes(1)), [], CancellationToken.None);
            }

            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/uptime-just-enough-incidents");

            Assert.Contains("Oldest ledger outage", Tip(html, now.AddDays(-60)), StringComparison.Ordinal);
            Assert.DoesNotContain("may not all be listed", html, StringComparison.Ordinal);
        });
    }

    /// <summary>The tip of the Ledger's uptime day of <paramref name="instant"/> (UTC: the page's zone).</summary>
    private static string Tip(string html, DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(instant.UtcDateTime).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var match = Regex.Match(html, $"<span class=\"tip\">{Regex.Escape(date)}: .*?</span></li>", RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.True(match.Success, $"No uptime day {date} on the page.");
        return match.Value;
    }

    private static StatusIncident ResolvedIncident(Guid pageId, Guid componentId, string title, DateTimeOffset startedAt, DateTimeOffset resolvedAt) => new()
    {
        Id = Guid.CreateVersion7(), PageId = pageId, Title = title, Message = "Fixed.",
        State = StatusIncidentState.Resolved, ComponentIds = [componentId],
        Updates = [new(Guid.CreateVersion7(), resolvedAt, StatusIncidentState.Resolved, "Fixed.")],
        CreatedAt = startedAt, UpdatedAt = resolvedAt, ResolvedAt = resolvedAt,
    };

    private async Task WithLedgerPageAsync(string slug, Func<IStatusStore, StatusPage, Component, Task> act)
    {
        var store = factory.Service<IStatusStore>();
        var now = factory.Service<TimeProvider>().GetUtcNow();
        // Stored directly, with its component, before anything builds the page's snapshot (one built between the two
        // would list no component until the next change).
        var page = new StatusPage { Id = Guid.CreateVersion7(), Name = slug, Slug = slug, CreatedAt = now.AddDays(-120), UpdatedAt = now.AddDays(-120) };
        await store.AddPageAsync(page, CancellationToken.None);
        try
        {
            var ledger = new Component
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Name = "Ledger",
                StatusUpdatedAt = now.AddDays(-120), CreatedAt = now.AddDays(-120), UpdatedAt = now.AddDays(-120),
            };
            await store.AddComponentAsync(ledger, CancellationToken.None);
            await act(store, page, ledger);
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }
    }
}
