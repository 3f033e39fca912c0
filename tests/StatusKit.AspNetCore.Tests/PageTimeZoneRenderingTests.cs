using StatusKit.AspNetCore.Html;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Times are written on the page's wall clock with their UTC offset, which is unambiguous with or without script; the
/// page names its IANA zone in the footer and in <c>data-time-zone</c>, where the page script finds it to add the zone's
/// short name ("EST", "CEST") that the browser knows for each instant.
/// </summary>
public sealed class PageTimeZoneRenderingTests
{
    private static readonly PageLinks Links = new("/status/acme", null);

    [Fact]
    public void Times_keep_their_utc_offset_on_the_pages_clock_across_a_dst_change()
    {
        var html = new PageRenderer().RenderIncident(RenderedSnapshots.Empty("America/New_York"), Incident(), [], Links);

        Assert.Contains("<time datetime=\"2026-01-15T09:00:00-05:00\">15 Jan 2026, 09:00 UTC-05:00</time>", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-07-15T10:00:00-04:00\">15 Jul 2026, 10:00 UTC-04:00</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_names_its_iana_zone_in_the_footer_and_for_the_script()
    {
        var snapshot = RenderedSnapshots.Empty("America/New_York");
        var renderer = new PageRenderer();
        string[] pages =
        [
            renderer.RenderIncident(snapshot, Incident(), [], Links),
            renderer.RenderHistory(snapshot, null, null, Links),
        ];

        foreach (var html in pages)
        {
            Assert.Contains("<body data-time-zone=\"America/New_York\">", html, StringComparison.Ordinal);
            Assert.Contains("<p>Times are shown in America/New_York time.", html, StringComparison.Ordinal);
            Assert.Contains("<script>" + PageStyles.Script + "</script>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_zone_this_server_does_not_know_is_named_UTC_as_its_times_are_written()
    {
        var html = new PageRenderer().RenderIncident(RenderedSnapshots.Empty("Mars/Olympus_Mons"), Incident(), [], Links);

        Assert.Contains("<body data-time-zone=\"UTC\">", html, StringComparison.Ordinal);
        Assert.Contains("<p>Times are shown in UTC.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mars", html, StringComparison.Ordinal);
        Assert.Contains("15 Jan 2026, 14:00 UTC</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zone_stored_in_another_case_is_that_zone_under_its_own_id()
    {
        var html = new PageRenderer().RenderIncident(RenderedSnapshots.Empty("pacific/chatham"), Incident(), [], Links);

        Assert.Contains("<body data-time-zone=\"Pacific/Chatham\">", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-01-16T03:45:00&#x2B;13:45\">16 Jan 2026, 03:45 UTC&#x2B;13:45</time>", html, StringComparison.Ordinal);
    }

    // Opened in January (standard time in New York), resolved in July (daylight saving time).
    private static StatusIncident Incident()
    {
        var opened = new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero);
        var resolved = new DateTimeOffset(2026, 7, 15, 14, 0, 0, TimeSpan.Zero);
        return new StatusIncident
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            Title = "Slow sign-in",
            Message = "Looking into it",
            State = StatusIncidentState.Resolved,
            Updates = [new(Guid.NewGuid(), opened, StatusIncidentState.Investigating, "Looking into it"), new(Guid.NewGuid(), resolved, StatusIncidentState.Resolved, "Fixed")],
            CreatedAt = opened,
            UpdatedAt = resolved,
            ResolvedAt = resolved,
        };
    }
}
