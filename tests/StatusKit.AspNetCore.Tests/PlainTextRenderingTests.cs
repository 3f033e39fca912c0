using StatusKit.AspNetCore.Html;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// What an operator types into an incident update or a window's description keeps its lines on the HTML pages, as the
/// feeds and the postmortem keep them: line breaks of any kind become <c>&lt;br&gt;</c>, blank lines a paragraph's break,
/// never a character reference for a carriage return (which HTML checkers refuse).
/// </summary>
public sealed class PlainTextRenderingTests
{
    private static readonly PageLinks Links = new("/status/acme", null);
    private static readonly DateTimeOffset At = new(2026, 1, 15, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_incident_updates_lines_and_paragraphs_are_kept_and_encoded()
    {
        var incident = Incident("Slow sign-in", "Cause: <db>\r\nFix deploying\n\n  Next update in 30 min  ");

        var html = new PageRenderer().RenderIncident(RenderedSnapshots.Empty(), incident, [], Links);

        Assert.Contains("</span> — Cause: &lt;db&gt;<br>Fix deploying<br><br>Next update in 30 min <span class=\"meta\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xD;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_description_keeps_its_lines_on_its_own_page()
    {
        var window = new MaintenanceWindow
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            Title = "Database upgrade",
            Description = "Para1\r\nline2\n\nPara2",
            StartsAt = At,
            EndsAt = At.AddHours(2),
            OccurrenceStartsAt = At,
            OccurrenceEndsAt = At.AddHours(2),
            CreatedAt = At,
            UpdatedAt = At,
        };

        var html = new PageRenderer().RenderMaintenance(RenderedSnapshots.Empty(), window, [], [], Links);

        Assert.Contains("<p>Para1<br>line2<br><br>Para2</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xD;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_a_long_url_in_an_update_wraps_instead_of_widening_the_page()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        const string Url = "https://github.com/acme-corp/platform-infrastructure/issues/12345#issuecomment-1234567890";
        var incident = Incident("Tracking_in_" + new string('x', 120), "Tracking in " + Url);
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });

        await page.SetContentAsync(new PageRenderer().RenderIncident(RenderedSnapshots.Empty(), incident, [], Links));

        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375);
    }

    // An open incident with one update.
    private static StatusIncident Incident(string title, string message) => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.NewGuid(),
        Title = title,
        Message = message,
        State = StatusIncidentState.Investigating,
        Updates = [new(Guid.NewGuid(), At, StatusIncidentState.Investigating, message)],
        CreatedAt = At,
        UpdatedAt = At,
    };
}
