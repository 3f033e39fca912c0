using System.Text;
using StatusKit.AspNetCore.Html;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The page's body, byte for byte, as the renderer wrote it when the golden files were captured (session 24, before its
/// render was made cheaper): several components, grouped and not, uptime days of every kind (no data, each status, time
/// in partial and major outage under a minute, in minutes, in hours and in both), days naming one and more than three
/// incidents, days whose incidents may not all be listed, open and past incidents and maintenance; in English and in
/// German (the two encoders, a culture's dates and figures). A change to how the page is written must not change a byte
/// of it; a change to what the page says on purpose captures the files again: run these tests once with
/// <c>STATUSKIT_CAPTURE_GOLDEN</c> set to the test project's folder (<c>TestData/Golden</c> is written under it).
/// </summary>
public sealed class PageRenderingGoldenTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid PageId = Guid.Parse("6b0a3f7e-1d2c-4e5f-8a9b-0c1d2e3f4a5b");
    private static readonly Guid Api = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Web = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Ledger = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Mail = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void The_page_body_is_byte_for_byte_what_it_was(string language)
    {
        var body = Body(new PageRenderer().Render(View(language)));

        var expected = Golden($"page-{language}.html", body);

        Assert.Equal(expected, body);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    public void The_page_in_utf8_is_the_utf8_of_the_page(string language)
    {
        var renderer = new PageRenderer();

        var bytes = renderer.RenderUtf8(View(language));

        Assert.Equal(Encoding.UTF8.GetBytes(renderer.Render(View(language))), bytes);
    }

    // The markup from <body to the page script (the head's styles and the script are constants of their own).
    private static string Body(string html)
    {
        var start = html.IndexOf("<body", StringComparison.Ordinal);
        var end = html.LastIndexOf("<script>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "no body");
        return html[start..end];
    }

    private static string Golden(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("STATUSKIT_CAPTURE_GOLDEN") is { Length: > 0 } project)
        {
            File.WriteAllText(Path.Combine(project, "TestData", "Golden", name), actual, new UTF8Encoding(false));
        }

        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Golden", name), Encoding.UTF8);
    }

    private static PageView View(string language)
    {
        var incidents = new List<StatusIncident>
        {
            Incident(1, "Slow <API> & \"payments\"", [Api, Ledger], Now.AddDays(-3).AddHours(-2), resolvedAfter: TimeSpan.FromHours(30)),
            Incident(2, "Mail delayed", [Mail], Now.AddDays(-1), resolvedAfter: null),
        };
        for (var n = 3; n <= 7; n++)
        {
            incidents.Add(Incident(n, $"Web hiccup {n} ’ü", [Web], Now.AddDays(-5).AddHours(n), resolvedAfter: TimeSpan.FromMinutes(20)));
        }

        var snapshot = RenderedSnapshots.Empty("Europe/Berlin") with
        {
            PageId = PageId,
            Language = language,
            Description = "Acme's services & their status",
            Version = "v42",
            Components =
            [
                new ComponentSnapshot(Api, "API", "The public <REST> API", "Core", 0, ComponentStatus.PartialOutage, Now),
                new ComponentSnapshot(Ledger, "Ledger", null, "Core", 1, ComponentStatus.Operational, Now),
                new ComponentSnapshot(Web, "Website", null, null, 2, ComponentStatus.DegradedPerformance, Now) { UpstreamHost = "status.example.com" },
                new ComponentSnapshot(Mail, "Mail", null, null, 3, ComponentStatus.MajorOutage, Now),
            ],
            UnresolvedIncidents = [incidents[1]],
        };
        snapshot = snapshot with { Status = PageStatus.Of([.. snapshot.Components.Select(c => c.Status)]) };
        var uptime = new Dictionary<Guid, ComponentUptime>
        {
            [Api] = new(Api, Days(0), 99.123),
            [Ledger] = new(Ledger, Days(1), 100),
            [Web] = new(Web, Days(2), 97.5),
            [Mail] = new(Mail, [.. Days(3).Select(d => d with { UptimePercent = null })], null),
        };
        return new PageView(snapshot, [incidents[0]], uptime, new PageLinks("/status/acme", null), 14, [])
        {
            UptimeIncidents = UptimeIncidents.From(incidents, PageTime.Zone(snapshot.TimeZoneId), Now, 10, missingUpTo: Now.AddDays(-8)),
        };
    }

    // Ten days ending today, every kind of day, shifted by offset so each component's bar differs.
    private static List<UptimeDay> Days(int offset)
    {
        UptimeDay[] kinds =
        [
            new(default, null, ComponentStatus.Operational, TimeSpan.Zero),
            new(default, 100, ComponentStatus.Operational, TimeSpan.Zero),
            new(default, 99.97, ComponentStatus.DegradedPerformance, TimeSpan.Zero),
            new(default, 99.5, ComponentStatus.PartialOutage, TimeSpan.FromMinutes(7)) { PartialOutageTime = TimeSpan.FromMinutes(7.4) },
            new(default, 80, ComponentStatus.MajorOutage, TimeSpan.FromHours(3)) { MajorOutageTime = TimeSpan.FromSeconds(20), PartialOutageTime = TimeSpan.FromMinutes(125) },
            new(default, 75.25, ComponentStatus.MajorOutage, TimeSpan.FromHours(6)) { MajorOutageTime = TimeSpan.FromHours(6) },
            new(default, 100, ComponentStatus.UnderMaintenance, TimeSpan.Zero),
            new(default, 33.333, ComponentStatus.MajorOutage, TimeSpan.FromHours(16)) { MajorOutageTime = TimeSpan.FromMinutes(59.6), PartialOutageTime = TimeSpan.FromMinutes(0.4) },
            new(default, 0, ComponentStatus.MajorOutage, TimeSpan.FromHours(24)) { MajorOutageTime = TimeSpan.FromHours(24) },
            new(default, 99.999, ComponentStatus.Operational, TimeSpan.Zero),
        ];
        var today = new DateOnly(2026, 3, 10);
        return [.. Enumerable.Range(0, 10).Select(i => kinds[(i + offset) % kinds.Length] with { Date = today.AddDays(i - 9) })];
    }

    private static StatusIncident Incident(int n, string title, Guid[] components, DateTimeOffset at, TimeSpan? resolvedAfter) => new()
    {
        Id = Guid.Parse($"10000000-0000-0000-0000-{n:D12}"),
        PageId = PageId,
        Title = title,
        Message = "Looking into it <now>.",
        State = resolvedAfter is null ? StatusIncidentState.Investigating : StatusIncidentState.Resolved,
        Severity = resolvedAfter is null ? StatusIncidentSeverity.Major : StatusIncidentSeverity.Minor,
        ComponentIds = components,
        CreatedAt = at,
        UpdatedAt = at.AddMinutes(10),
        ResolvedAt = at + resolvedAfter,
        Updates =
        [
            new StatusIncidentUpdate(Guid.Parse($"20000000-0000-0000-0000-{n:D12}"), at, StatusIncidentState.Investigating, "Looking into it <now>."),
        ],
    };
}
