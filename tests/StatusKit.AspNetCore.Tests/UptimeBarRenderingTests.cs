using System.Text.RegularExpressions;
using StatusKit.AspNetCore.Html;
using StatusKit.Model;
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
        Assert.Contains("<span class=\"tip\">3 Mar 2026: 98.5% uptime, worst status Major Outage. Major outage 21 min</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tip\">4 Mar 2026: 100% uptime, worst status Operational</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("title=", Bar(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_today_is_a_tab_stop_and_every_other_day_is_focusable_without_one()
    {
        var days = Day().Matches(Bar(Render())).Select(m => m.Groups["tabindex"].Value).ToList();

        Assert.Equal(["-1", "-1", "0"], days);
    }

    [Fact]
    public void Each_day_carries_its_date_for_the_script_to_find_it_again_in_a_bar_fetched_after_midnight()
    {
        var days = Day().Matches(Bar(Render())).Select(m => m.Groups["date"].Value).ToList();

        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04"], days);
    }

    [Fact]
    public void A_day_names_the_incidents_that_affected_its_component_each_linking_to_its_page()
    {
        var incident = Incident("Ledger <slow> & \"late\"", LedgerId, new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

        var day = DayText(Render([incident]), "3 Mar 2026");

        Assert.Equal(
            $"<span class=\"tip\">3 Mar 2026: 98.5% uptime, worst status Major Outage. Major outage 21 min. Incidents: <a href=\"/status/acme/incidents/{incident.Id}\" tabindex=\"-1\">Ledger &lt;slow&gt; &amp; &quot;late&quot;</a></span>",
            day);
    }

    [Fact]
    public void A_day_names_at_most_three_incidents_and_counts_the_rest()
    {
        var incidents = Enumerable.Range(1, 5)
            .Select(n => Incident($"Incident {n}", LedgerId, new DateTimeOffset(2026, 3, 3, n, 0, 0, TimeSpan.Zero)))
            .ToList();

        var day = DayText(Render(incidents), "3 Mar 2026");

        Assert.Contains(">Incident 1</a>, <a", day, StringComparison.Ordinal);
        Assert.Contains(">Incident 3</a> and 2 more</span>", day, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident 4", day, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incident_of_another_component_or_another_day_is_not_named()
    {
        var incidents = new[]
        {
            Incident("Elsewhere", Guid.NewGuid(), new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero)),
            Incident("Earlier", LedgerId, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        };

        var html = Render(incidents);

        Assert.Equal("<span class=\"tip\">3 Mar 2026: 98.5% uptime, worst status Major Outage. Major outage 21 min</span>", DayText(html, "3 Mar 2026"));
        Assert.DoesNotContain("Elsewhere", html, StringComparison.Ordinal);
        Assert.Contains(">Earlier</a>", DayText(html, "2 Mar 2026"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_states_its_time_in_partial_and_major_outage_in_hours_and_minutes()
    {
        var day = new UptimeDay(new DateOnly(2026, 3, 4), 80, ComponentStatus.MajorOutage, TimeSpan.FromHours(3))
        {
            CountedTime = TimeSpan.FromHours(24),
            PartialOutageTime = TimeSpan.FromMinutes(125),
            MajorOutageTime = TimeSpan.FromSeconds(20),
        };

        var text = DayText(Render([], day), "4 Mar 2026");

        Assert.Equal("<span class=\"tip\">4 Mar 2026: 80% uptime, worst status Major Outage. Major outage under 1 min. Partial outage 2 h 5 min</span>", text);
    }

    private static StatusIncident Incident(string title, Guid componentId, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.Empty,
        Title = title,
        Message = "Looking into it.",
        State = StatusIncidentState.Resolved,
        ComponentIds = [componentId],
        CreatedAt = at,
        UpdatedAt = at.AddMinutes(30),
        ResolvedAt = at.AddMinutes(30),
    };

    private static string DayText(string html, string date)
    {
        var start = html.IndexOf("<span class=\"tip\">" + date + ":", StringComparison.Ordinal);
        Assert.True(start >= 0, "no day " + date);
        return html[start..(html.IndexOf("</span></li>", start, StringComparison.Ordinal) + 7)];
    }

    private static string Render(IReadOnlyList<StatusIncident>? incidents = null, UptimeDay? today = null)
    {
        var snapshot = RenderedSnapshots.Empty() with
        {
            Components = [new ComponentSnapshot(LedgerId, "Ledger", null, null, 0, ComponentStatus.Operational, DateTimeOffset.UnixEpoch)],
        };
        var uptime = new ComponentUptime(
            LedgerId,
            [
                new UptimeDay(new DateOnly(2026, 3, 2), null, ComponentStatus.Operational, TimeSpan.Zero),
                new UptimeDay(new DateOnly(2026, 3, 3), 98.5, ComponentStatus.MajorOutage, TimeSpan.FromMinutes(21.6)) { MajorOutageTime = TimeSpan.FromMinutes(21.4) },
                today ?? new UptimeDay(new DateOnly(2026, 3, 4), 100, ComponentStatus.Operational, TimeSpan.Zero),
            ],
            99.5);
        var view = new PageView(snapshot, [], new Dictionary<Guid, ComponentUptime> { [LedgerId] = uptime }, new PageLinks("/status/acme", null), 14, [])
        {
            UptimeIncidents = UptimeIncidents.From(incidents ?? [], TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero), 3),
        };
        return new PageRenderer().Render(view);
    }

    private static string Bar(string html)
    {
        var start = html.IndexOf("<ol class=\"uptime\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no uptime bar");
        return html[start..(html.IndexOf("</ol>", start, StringComparison.Ordinal) + 5)];
    }

    [GeneratedRegex("<li class=\"d-[a-z_]+\" data-day=\"(?<date>[0-9-]+)\" tabindex=\"(?<tabindex>-?[0-9])\">")]
    private static partial Regex Day();
}
