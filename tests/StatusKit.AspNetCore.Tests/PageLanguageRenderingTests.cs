using StatusKit.AspNetCore.Html;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A page with a <see cref="StatusPage.Language"/> writes its fixed texts, dates and numbers in that language and names
/// it in <c>&lt;html lang&gt;</c>; what the operator wrote (names, titles, messages) stays as written, the machine-readable
/// <c>datetime</c> values stay the same, and a page without a language is English, as before.
/// </summary>
public sealed class PageLanguageRenderingTests
{
    private static readonly PageLinks Links = new("/status/acme", null);
    private static readonly Guid LedgerId = Guid.NewGuid();
    private static readonly DateTimeOffset Opened = new(2026, 3, 15, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_german_page_writes_its_fixed_texts_in_german_and_says_lang_de()
    {
        var html = new PageRenderer().Render(View(PageLanguages.German));

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Status von Acme</title>", html, StringComparison.Ordinal);
        Assert.Contains(">Zum Status springen</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"banner-text\">Teilweiser Systemausfall</span>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"components-heading\">Komponenten</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">Teilausfall</span>", html, StringComparison.Ordinal);
        Assert.Contains(">Aktuelle Störungen</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Auswirkung: erheblich · Wird untersucht", html, StringComparison.Ordinal);
        Assert.Contains("Betroffen: Ledger", html, StringComparison.Ordinal);
        Assert.Contains("Vergangene Störungen (letzte 14 Tage)", html, StringComparison.Ordinal);
        Assert.Contains("<p>Zeiten sind in UTC angegeben. ", html, StringComparison.Ordinal);
        Assert.Contains(">Wartungskalender</a>", html, StringComparison.Ordinal);
        Assert.Contains(" data-texts=\"", html, StringComparison.Ordinal);
        Assert.Contains("&quot;partial_outage&quot;:&quot;Teilausfall&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;ind-major&quot;:&quot;Teilweiser Systemausfall&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Current incidents", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Components</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_pages_subscribe_form_is_in_german()
    {
        var html = new PageRenderer().Render(View(PageLanguages.German));

        Assert.Contains("<summary>Updates abonnieren</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<legend>Updates senden per</legend>", html, StringComparison.Ordinal);
        Assert.Contains(" E-Mail</label>", html, StringComparison.Ordinal);
        Assert.Contains(">E-Mail-Adresse oder URL</label>", html, StringComparison.Ordinal);
        Assert.Contains("<legend>Benachrichtigen bei</legend>", html, StringComparison.Ordinal);
        Assert.Contains(" Ausfällen</label>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Nur einige Komponenten</summary>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Abonnieren</button>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"notifyOn\" value=\"degraded\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_uptime_bar_has_german_days_words_and_decimal_commas()
    {
        var html = new PageRenderer().Render(View(PageLanguages.German));

        Assert.Contains("aria-label=\"Ledger: 99,5&#xA0;% Verfügbarkeit in den letzten 2 Tagen\"", html, StringComparison.Ordinal);
        Assert.Contains("3. März 2026: 98,5&#xA0;% Verfügbarkeit, schlechtester Status Teilausfall. Teilausfall 21 Min.", html, StringComparison.Ordinal);
        Assert.Contains("data-day=\"2026-03-03\"", html, StringComparison.Ordinal);
        Assert.Contains("<span>vor 2 Tagen</span><span>99,5&#xA0;% Verfügbarkeit</span><span>Heute</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_days_abbreviated_minutes_end_its_sentence_without_a_second_full_stop()
    {
        var day = new UptimeDay(new DateOnly(2026, 3, 3), 98, ComponentStatus.MajorOutage, TimeSpan.FromMinutes(26))
        {
            MajorOutageTime = TimeSpan.FromMinutes(5),
            PartialOutageTime = TimeSpan.FromMinutes(21),
        };

        var html = new PageRenderer().Render(View(PageLanguages.German, day));

        Assert.Contains("schlechtester Status Schwerer Ausfall. Schwerer Ausfall 5 Min. Teilausfall 21 Min.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Min..", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_incident_page_has_german_texts_and_month_names_but_the_same_machine_times()
    {
        var open = Incident() with { State = StatusIncidentState.Investigating, ResolvedAt = null };

        var html = new PageRenderer().RenderIncident(RenderedSnapshots.Empty("Europe/Berlin") with { Language = PageLanguages.German }, open, ["Ledger"], Links, [SubscriberChannel.Email]);

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Ledger slow - Status von Acme</title>", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"card\" aria-label=\"Störung\">", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-15T15:00:00&#x2B;01:00\">15. März 2026, 15:00 UTC&#x2B;01:00</time>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Updates zu dieser Störung erhalten</summary>", html, StringComparison.Ordinal);
        Assert.Contains("Zeiten sind in der Zeitzone Europe/Berlin angegeben.", html, StringComparison.Ordinal);
        Assert.Contains(">Aktueller Status von Acme</a>", html, StringComparison.Ordinal);
        // The operator's words are the operator's.
        Assert.Contains("Ledger slow", html, StringComparison.Ordinal);
        Assert.Contains("We are looking into it", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_history_groups_by_german_month_names()
    {
        var snapshot = RenderedSnapshots.Empty() with { Language = PageLanguages.German };

        var html = new PageRenderer().RenderHistory(snapshot, new HistoryList<StatusIncident>([Incident()], 1, false), null, Links);

        Assert.Contains("<h3>März 2026</h3>", html, StringComparison.Ordinal);
        Assert.Contains(">Störungsverlauf</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Störungsverlauf - Status von Acme</title>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageLanguages.French, "fr", "Composants", "Tous les composants sont opérationnels.", "mars 2026")]
    [InlineData(PageLanguages.Spanish, "es", "Componentes", "Todos los componentes están operativos.", "marzo de 2026")]
    public void French_and_spanish_pages_are_in_their_language(string language, string lang, string components, string allOperational, string month)
    {
        var snapshot = RenderedSnapshots.Empty() with
        {
            Language = language,
            Components = [new ComponentSnapshot(LedgerId, "Ledger", null, null, 0, ComponentStatus.Operational, DateTimeOffset.UnixEpoch) { OnlyShowIfDegraded = true }],
        };
        var renderer = new PageRenderer();

        var page = renderer.Render(new PageView(snapshot, [], new Dictionary<Guid, ComponentUptime>(), Links, 14, []));
        var history = renderer.RenderHistory(snapshot, new HistoryList<StatusIncident>([Incident()], 1, false), null, Links);

        Assert.Contains($"<html lang=\"{lang}\">", page, StringComparison.Ordinal);
        Assert.Contains($">{components}</h2>", page, StringComparison.Ordinal);
        Assert.Contains(allOperational, page, StringComparison.Ordinal);
        Assert.Contains($"<h3>{month}</h3>", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "15 Mar 2026, 14:00", "March 2026")]
    [InlineData(PageLanguages.English, "15 Mar 2026, 14:00", "March 2026")]
    [InlineData(PageLanguages.German, "15. März 2026, 14:00", "März 2026")]
    [InlineData(PageLanguages.French, "15 mars 2026, 14:00", "mars 2026")]
    [InlineData(PageLanguages.Spanish, "15 mar 2026, 14:00", "marzo de 2026")]
    public void Each_language_writes_dates_as_the_docs_show(string? language, string instant, string month)
    {
        var texts = Texts.PageTexts.For(language);
        var at = new DateTimeOffset(2026, 3, 15, 14, 0, 0, TimeSpan.Zero);

        var html = new HtmlWriter(texts).Time(at, TimeZoneInfo.Utc).ToString();

        Assert.Equal($"<time datetime=\"2026-03-15T14:00:00&#x2B;00:00\">{instant} UTC</time>", html);
        Assert.Equal(month, at.ToString(texts.MonthFormat, texts.Culture));
    }

    [Fact]
    public void A_page_without_a_language_is_english_as_before()
    {
        var html = new PageRenderer().Render(View(language: null));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" data-texts=\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"banner-text\">Partial System Outage</span>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"components-heading\">Components</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Subscribe to updates</summary>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Ledger: 99.5% uptime over the last 2 days\"", html, StringComparison.Ordinal);
        Assert.Contains("3 Mar 2026: 98.5% uptime, worst status Partial Outage. Partial outage 21 min", html, StringComparison.Ordinal);
    }

    // A page whose one component is in partial outage by an open major incident, with a two-day uptime bar and an email
    // and webhook subscribe form.
    private static PageView View(string? language, UptimeDay? firstDay = null)
    {
        var incident = Incident() with { State = StatusIncidentState.Investigating, ResolvedAt = null, Updates = [new(Guid.NewGuid(), Opened, StatusIncidentState.Investigating, "We are looking into it")] };
        var snapshot = RenderedSnapshots.Empty() with
        {
            Language = language,
            Status = PageStatus.For(ComponentStatus.PartialOutage),
            Components = [new ComponentSnapshot(LedgerId, "Ledger", null, null, 0, ComponentStatus.PartialOutage, DateTimeOffset.UnixEpoch)],
            UnresolvedIncidents = [incident],
        };
        var uptime = new ComponentUptime(
            LedgerId,
            [
                firstDay ?? new UptimeDay(new DateOnly(2026, 3, 3), 98.5, ComponentStatus.PartialOutage, TimeSpan.FromMinutes(21)) { PartialOutageTime = TimeSpan.FromMinutes(21) },
                new UptimeDay(new DateOnly(2026, 3, 4), 100, ComponentStatus.Operational, TimeSpan.Zero),
            ],
            99.5);
        return new PageView(snapshot, [], new Dictionary<Guid, ComponentUptime> { [LedgerId] = uptime }, Links, 14, [SubscriberChannel.Email, SubscriberChannel.Webhook]);
    }

    private static StatusIncident Incident() => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.NewGuid(),
        Title = "Ledger slow",
        Message = "We are looking into it",
        Severity = StatusIncidentSeverity.Major,
        State = StatusIncidentState.Resolved,
        ComponentIds = [LedgerId],
        Updates = [new(Guid.NewGuid(), Opened, StatusIncidentState.Investigating, "We are looking into it"), new(Guid.NewGuid(), Opened.AddHours(2), StatusIncidentState.Resolved, "Fixed")],
        CreatedAt = Opened,
        UpdatedAt = Opened.AddHours(2),
        ResolvedAt = Opened.AddHours(2),
    };
}
