using System.Text.RegularExpressions;
using StatusKit.AspNetCore.Html;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Each day of an uptime bar tells its date, uptime and worst status in text (not a hover-only title), so a screen
/// reader reads it and a keyboard reaches it: the bar is a labelled list with one tab stop (today), the other days
/// focusable by the page script's arrow keys or by a click or tap.
/// </summary>
public sealed partial class UptimeBarRenderingTests
{
    private static readonly Guid LedgerId = Guid.NewGuid();

    [Fact]
    public void Uptime_bar_is_a_list_labelled_with_the_component_and_its_uptime()
    {
        var html = Render();

        Assert.Contains("<ol class=\"uptime\" aria-label=\"Ledger: 99.5% uptime over the last 3 days\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_day_states_its_date_uptime_and_worst_status_in_text_rather_than_a_title()
    {
        var html = Render();

        Assert.Contains("<span class=\"tip\">2 Mar 2026: no data</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tip\">3 Mar 2026: 98.5% uptime, worst status Major Outage</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tip\">4 Mar 2026: 100% uptime, worst status Operational</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("title=", Bar(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_today_is_a_tab_stop_and_every_other_day_is_focusable_without_one()
    {
        var days = Day().Matches(Bar(Render())).Select(m => m.Groups["tabindex"].Value).ToList();

        Assert.Equal(["-1", "-1", "0"], days);
    }

    private static string Render()
    {
        var snapshot = RenderedSnapshots.Empty() with
        {
            Components = [new ComponentSnapshot(LedgerId, "Ledger", null, null, 0, ComponentStatus.Operational, DateTimeOffset.UnixEpoch)],
        };
        var uptime = new ComponentUptime(
            LedgerId,
            [
                new UptimeDay(new DateOnly(2026, 3, 2), null, ComponentStatus.Operational, TimeSpan.Zero),
                new UptimeDay(new DateOnly(2026, 3, 3), 98.5, ComponentStatus.MajorOutage, TimeSpan.FromMinutes(21.6)),
                new UptimeDay(new DateOnly(2026, 3, 4), 100, ComponentStatus.Operational, TimeSpan.Zero),
            ],
            99.5);
        var view = new PageView(snapshot, [], new Dictionary<Guid, ComponentUptime> { [LedgerId] = uptime }, new PageLinks("/status/acme", null), 14, []);
        return new PageRenderer().Render(view);
    }

    private static string Bar(string html)
    {
        var start = html.IndexOf("<ol class=\"uptime\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no uptime bar");
        return html[start..(html.IndexOf("</ol>", start, StringComparison.Ordinal) + 5)];
    }

    [GeneratedRegex("<li class=\"d-[a-z_]+\" tabindex=\"(?<tabindex>-?[0-9])\">")]
    private static partial Regex Day();
}
