using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The first day of a page's uptime bars begins at the page's local midnight, which a clock change inside the bars' range
/// can put earlier than the same time of day that many days ago: the page's incident read reaches back to it.
/// </summary>
public sealed class UptimeFirstDayTests
{
    [Fact]
    public async Task An_incident_resolved_early_on_the_first_bar_day_after_a_clock_change_is_named_on_that_day()
    {
        // 23:30 in Berlin (CET) on 20 December: the 90 bars begin on 22 September at 00:00 CEST, 21 September 22:00 UTC,
        // half an hour before the same time of day 90 days ago.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 20, 22, 30, 0, TimeSpan.Zero));
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                // No warm-up: run after start, it could build the page's snapshot between the writes below (as it
                // did on a loaded machine), before the component and its incident are stored.
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        // Stored directly, with a component created long ago, before anything builds the page's snapshot.
        var store = app.Services.GetRequiredService<IStatusStore>();
        var longAgo = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var page = new StatusPage
        {
            Id = Guid.CreateVersion7(), Name = "Berlin", Slug = "berlin", TimeZoneId = "Europe/Berlin", CreatedAt = longAgo, UpdatedAt = longAgo,
        };
        await store.AddPageAsync(page, CancellationToken.None);
        var ledger = new Component
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Name = "Ledger", StatusUpdatedAt = longAgo, CreatedAt = longAgo, UpdatedAt = longAgo,
        };
        await store.AddComponentAsync(ledger, CancellationToken.None);
        var began = new DateTimeOffset(2026, 9, 21, 21, 0, 0, TimeSpan.Zero);
        var resolved = new DateTimeOffset(2026, 9, 21, 22, 15, 0, TimeSpan.Zero); // 00:15 on 22 September in Berlin
        await store.AddStatusIncidentAsync(
            new StatusIncident
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Ledger outage at midnight", Message = "Fixed.",
                State = StatusIncidentState.Resolved, ComponentIds = [ledger.Id],
                Updates = [new(Guid.CreateVersion7(), resolved, StatusIncidentState.Resolved, "Fixed.")],
                CreatedAt = began, UpdatedAt = resolved, ResolvedAt = resolved,
            },
            [],
            CancellationToken.None);
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/berlin");

        var firstDay = html.IndexOf("<span class=\"tip\">22 Sep 2026: ", StringComparison.Ordinal);
        Assert.True(firstDay >= 0, "No uptime day 22 Sep 2026 on the page.");
        Assert.DoesNotContain("<span class=\"tip\">21 Sep 2026: ", html, StringComparison.Ordinal);
        var tip = html[firstDay..html.IndexOf("</li>", firstDay, StringComparison.Ordinal)];
        Assert.Contains("Ledger outage at midnight", tip, StringComparison.Ordinal);
    }
}
