using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Sms;
using StatusKit.Notifications.Teams;
using StatusKit.Services;
using StatusKit.Testing;
using System.Net;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Notifications.Texts;

/// <summary>
/// A page's notices speak its language (<see cref="StatusPage.Language"/>): the words of the subject and body, the
/// dates in its culture, the email's own words and <c>lang</c>, the chat links' labels and the SMS opt-out; what the
/// operator wrote is sent as written, and webhooks, which machines read, stay English.
/// </summary>
public sealed class NoticeLanguageTests
{
    private const string OptOut = "Reply STOP to unsubscribe.";
    private static readonly Uri Unsubscribe = new("https://status.acme.test/acme/subscriptions/unsubscribe?token=t");
    private static readonly Uri Manage = new("https://status.acme.test/acme/subscriptions/manage?token=t");

    [Fact]
    public async Task A_german_pages_incident_and_component_notices_are_german_but_its_webhook_notices_stay_english()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "de" });
        var email = await SubscribeAsync(kit, page.Id, SubscriberChannel.Email, "ops@example.com");
        var webhook = await SubscribeAsync(kit, page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/status");

        await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Database errors", Message = "We are looking into it.", Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id],
        });

        var all = await OutboxAsync(kit, page.Id);
        var notices = all.Where(n => n.Content.StatusIncidentId is not null).ToList();
        var toEmail = Assert.Single(notices, n => n.SubscriberId == email.Id).Content;
        Assert.Equal("[Acme] Neue Störung: Database errors", toEmail.Subject);
        Assert.Equal("We are looking into it.\n\nBetroffene Komponenten: API", toEmail.Body);
        Assert.Equal("de", toEmail.Language);
        var toWebhook = Assert.Single(notices, n => n.SubscriberId == webhook.Id).Content;
        Assert.Equal("[Acme] New incident: Database errors", toWebhook.Subject);
        Assert.Equal("We are looking into it.\n\nAffected components: API", toWebhook.Body);
        Assert.Null(toWebhook.Language);
        // The component the incident moves is told of in German too, and in English to the webhook.
        var changes = all.Where(n => n.Content.Kind == NotificationKind.ComponentStatusChanged).ToList();
        var change = Assert.Single(changes, n => n.SubscriberId == email.Id).Content;
        Assert.Equal("[Acme] API: Teilausfall", change.Subject);
        Assert.Equal("Der Status von API hat sich von „Betriebsbereit“ auf „Teilausfall“ geändert.", change.Body);
        Assert.Equal("[Acme] API: Partial Outage", Assert.Single(changes, n => n.SubscriberId == webhook.Id).Content.Subject);
    }

    [Fact]
    public async Task A_german_pages_incident_update_names_the_state_in_german()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "de" });
        await SubscribeAsync(kit, page.Id, SubscriberChannel.Email, "ops@example.com");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "A bad deploy.");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Rolled back.");

        var subjects = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.Content.Subject);
        Assert.Equal(["[Acme] Neue Störung: API down", "[Acme] Ursache gefunden: API down", "[Acme] Behoben: API down"], subjects);
    }

    [Fact]
    public async Task An_english_pages_notices_carry_no_language()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "en" });
        await SubscribeAsync(kit, page.Id, SubscriberChannel.Email, "ops@example.com");

        await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "m" });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id)).Content;
        Assert.Equal(("[Acme] New incident: API down", (string?)null), (notice.Subject, notice.Language));
    }

    [Fact]
    public void A_german_maintenance_notice_has_german_words_and_dates_on_the_pages_clock()
    {
        var notice = PlanReminder("de", SubscriberChannel.Email);

        Assert.Equal("[Acme] Bevorstehende Wartung: Database upgrade", notice.Subject);
        Assert.Equal(
            "Primary database moves to a new major version\n\n5. Jan. 2026, 10:00 - 5. Jan. 2026, 11:00 Europe/Berlin (UTC+01:00)",
            notice.Body);
        Assert.Equal("de", notice.Language);
    }

    [Fact]
    public void A_french_maintenance_cancellation_has_french_words_and_dates()
    {
        var (page, window, subscriber) = Arrange("fr", SubscriberChannel.Email);

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = null }, NotificationKind.MaintenanceCancelled, TestData.T0, TestData.T0.AddHours(1), [subscriber], TestData.T0)).Content;

        Assert.Equal("[Acme] Maintenance annulée: Database upgrade", notice.Subject);
        Assert.EndsWith(
            "Annulée : cette maintenance n'aura pas lieu.\n\n5 janv. 2026, 10:00 - 5 janv. 2026, 11:00 Europe/Berlin (UTC+01:00)",
            notice.Body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_rescheduled_maintenance_gives_its_old_and_new_times_in_german()
    {
        var (page, window, subscriber) = Arrange("de", SubscriberChannel.Email);
        var earlier = new OccurrenceSpan(TestData.T0, TestData.T0.AddHours(1));

        var notice = Assert.Single(MaintenanceNotices.Plan(
            page, window with { Recurrence = null }, NotificationKind.MaintenanceRescheduled, TestData.T0.AddDays(1), TestData.T0.AddDays(1).AddHours(1),
            [subscriber], TestData.T0, previous: earlier)).Content;

        Assert.Equal("[Acme] Wartung verschoben: Database upgrade", notice.Subject);
        Assert.EndsWith(
            "Verschoben: Diese Wartung war für 5. Jan. 2026, 10:00 - 5. Jan. 2026, 11:00 Europe/Berlin (UTC+01:00) geplant. Neuer Termin:\n\n"
            + "6. Jan. 2026, 10:00 - 6. Jan. 2026, 11:00 Europe/Berlin (UTC+01:00)",
            notice.Body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_pages_maintenance_notice_to_a_webhook_stays_english()
    {
        var notice = PlanReminder("de", SubscriberChannel.Webhook);

        Assert.Equal("[Acme] Scheduled maintenance: Database upgrade", notice.Subject);
        Assert.EndsWith("2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)", notice.Body, StringComparison.Ordinal);
        Assert.Null(notice.Language);
    }

    [Fact]
    public void A_german_email_is_written_in_german_with_lang_de()
    {
        var notice = PlanReminder("de", SubscriberChannel.Email) with { Link = "https://status.acme.test/acme/maintenance/1" };

        var html = EmailRenderer.Html(notice, Unsubscribe, Manage);
        var text = EmailRenderer.Text(notice, Unsubscribe, Manage);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("5. Jan. 2026, 10:00", html, StringComparison.Ordinal);
        Assert.Contains(">Auf der Statusseite ansehen</a>", html, StringComparison.Ordinal);
        Assert.Contains("Bevorstehende Wartung", text, StringComparison.Ordinal);
        Assert.Contains(">Abonnement verwalten</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Abbestellen</a>", html, StringComparison.Ordinal);
        Assert.Contains("Sie erhalten diese Nachricht, weil Sie Acme abonniert haben.", text, StringComparison.Ordinal);
        Assert.Contains("Auf der Statusseite ansehen: https://status.acme.test/acme/maintenance/1\n", text, StringComparison.Ordinal);
        Assert.Contains("Abbestellen: " + Unsubscribe.AbsoluteUri + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsubscribe", text.Replace(Unsubscribe.AbsoluteUri, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_french_email_is_written_in_french_with_lang_fr()
    {
        var notice = PlanReminder("fr", SubscriberChannel.Email);

        var html = EmailRenderer.Html(notice, Unsubscribe, Manage);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("[Acme] Maintenance à venir: Database upgrade"), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("5 janv. 2026, 10:00 - 5 janv. 2026, 11:00 Europe/Berlin (UTC+01:00)"), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Gérer votre abonnement") + "</a>", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Se désabonner") + "</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_slack_message_labels_its_links_in_german_unless_the_host_chose_its_own_label()
    {
        var notice = PlanReminder("de", SubscriberChannel.Slack) with { Link = "https://status.acme.test/acme/maintenance/1" };

        var context = SlackMessageBuilder.Build(notice, "View status page", Unsubscribe, Manage).Blocks[2].Elements![0].Text;
        var ownLabel = SlackMessageBuilder.Build(notice, "Zur Seite", Unsubscribe, Manage).Blocks[2].Elements![0].Text;

        Assert.Contains("|Statusseite öffnen>", context, StringComparison.Ordinal);
        Assert.Contains("|Abonnement verwalten>", context, StringComparison.Ordinal);
        Assert.Contains("|Abbestellen>", context, StringComparison.Ordinal);
        Assert.Contains("|Zur Seite>", ownLabel, StringComparison.Ordinal);
        Assert.Contains("5. Jan. 2026, 10:00", SlackMessageBuilder.Build(notice, "View status page").Blocks[1].Text!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spanish_teams_card_and_discord_embed_label_their_links_in_spanish()
    {
        var notice = PlanReminder("es", SubscriberChannel.Teams) with { Link = "https://status.acme.test/acme/maintenance/1" };
        var request = Confirmation("es") with { Subject = "Confirme su suscripción a Acme" };

        var actions = TeamsCardBuilder.Build(notice, "View status page", Unsubscribe, Manage).Attachments[0].Content.Actions.Select(a => a.Title);
        var confirmCard = TeamsCardBuilder.Build(request, "View status page").Attachments[0].Content;
        var discord = DiscordEmbedBuilder.Build(notice, "View status page", Unsubscribe, Manage).Embeds[0].Description;

        Assert.Equal(["Ver la página de estado", "Gestionar su suscripción", "Darse de baja"], actions);
        Assert.Equal("Confirmar su suscripción", Assert.Single(confirmCard.Actions).Title);
        Assert.Contains(
            "Para confirmar su suscripción a Acme, seleccione Confirmar su suscripción a continuación.",
            confirmCard.Body.SelectMany(b => b.Inlines).Select(i => i.Text));
        Assert.Contains("[Ver la página de estado](https://status.acme.test/acme/maintenance/1)", discord, StringComparison.Ordinal);
        Assert.Contains("[Darse de baja](", discord, StringComparison.Ordinal);
        Assert.Contains("5 ene 2026, 10:00", discord, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_incident_sms_is_german_and_stays_in_one_gsm_segment()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "de" });
        // A notice's content is the same for every channel but webhooks: the one planned for an email reads as an SMS.
        await SubscribeAsync(kit, page.Id, SubscriberChannel.Email, "ops@example.com");
        await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Datenbankfehler", Message = "Wir prüfen das." });
        var notice = Assert.Single(await OutboxAsync(kit, page.Id)).Content with { Link = "https://status.acme.test/acme/incidents/1" };

        var text = SmsTextBuilder.Build(notice, OptOut);

        Assert.Equal("[Acme] Neue Störung: Datenbankfehler\nWir prüfen das.\nhttps://status.acme.test/acme/incidents/1", text);
        Assert.True(SmsSegments.IsGsm7(text));
        Assert.Equal(1, SmsSegments.Count(text));
    }

    [Fact]
    public void A_german_maintenance_sms_gives_its_german_dates()
    {
        var notice = PlanReminder("de", SubscriberChannel.Sms);

        var text = SmsTextBuilder.Build(notice, OptOut);

        Assert.Equal("[Acme] Bevorstehende Wartung: Database upgrade\n5. Jan. 2026, 10:00 - 5. Jan. 2026, 11:00 Europe/Berlin (UTC+01:00)", text);
        Assert.True(SmsSegments.Count(text) <= 2);
    }

    [Fact]
    public void A_german_sms_confirmation_request_ends_with_the_german_opt_out_unless_the_host_wrote_its_own()
    {
        var request = Confirmation("de");

        var text = SmsTextBuilder.Build(request, OptOut);
        var own = SmsTextBuilder.Build(request, "STOP = Abmelden");

        Assert.EndsWith("\nAntworten Sie STOP, um abzubestellen.", text, StringComparison.Ordinal);
        Assert.StartsWith("Bestätigen Sie Ihr Abonnement für Acme", text, StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(text) <= 2);
        Assert.EndsWith("\nSTOP = Abmelden", own, StringComparison.Ordinal);
    }

    [Fact]
    public void A_french_sms_confirmation_request_puts_a_space_before_the_colon_as_french_is_written()
    {
        var text = SmsTextBuilder.Build(Confirmation("fr") with { Subject = "Confirmez votre abonnement à Acme" }, OptOut);

        Assert.StartsWith("Confirmez votre abonnement à Acme : https://", text, StringComparison.Ordinal);
        Assert.True(SmsSegments.IsGsm7(text));
    }

    [Fact]
    public void A_spanish_sms_with_letters_gsm7_lacks_is_counted_in_ucs2_and_still_fits_two_segments()
    {
        var request = Confirmation("es") with
        {
            Subject = "Confirme su suscripción a " + new string('x', 300),
        };

        var text = SmsTextBuilder.Build(request, OptOut);

        Assert.False(SmsSegments.IsGsm7(text));
        Assert.EndsWith("\nResponda STOP para darse de baja.", text, StringComparison.Ordinal);
        Assert.Equal(2, SmsSegments.Count(text));
    }

    [Fact]
    public void A_spanish_pages_test_notice_is_spanish()
    {
        var page = TestData.Page(name: "Acme") with { Language = "es" };
        var api = TestData.Component(page.Id, "API");
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Email) with { ComponentIds = [api.Id], NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved };

        var content = TestNotice.For(page, [api], subscriber, TestData.T0).Content;

        Assert.Equal("Notificación de prueba de Acme", content.Subject);
        Assert.Equal(
            "Esta es una notificación de prueba enviada por los responsables de Acme para comprobar que sus avisos le llegan. No ha cambiado nada en la página.\n\n"
            + "Sigue API y recibe avisos de: caídas, vuelta a la normalidad.",
            content.Body);
    }

    [Fact]
    public async Task A_german_pages_confirmation_request_is_german()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Pages.UpdateAsync(page.Id, new UpdateStatusPage { Language = "de" });

        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" });

        var request = Assert.Single(await OutboxAsync(kit, page.Id)).Content;
        Assert.Equal(NotificationKind.SubscriptionVerification, request.Kind);
        Assert.Equal("Bestätigen Sie Ihr Abonnement für Acme", request.Subject);
        Assert.StartsWith("Bestätigen Sie Ihr Abonnement für Acme ", request.Body, StringComparison.Ordinal);
        Assert.Contains("Sie erhalten diese Nachricht, weil diese Adresse", EmailRenderer.Text(request, null), StringComparison.Ordinal);
    }

    private static NotificationContent Confirmation(string language) => new()
    {
        Kind = NotificationKind.SubscriptionVerification,
        Subject = "Bestätigen Sie Ihr Abonnement für Acme",
        Body = "Bestätigen Sie Ihr Abonnement für Acme über diesen Link: https://status.acme.test/acme/subscriptions/verify?token=t",
        PageName = "Acme",
        PageSlug = "acme",
        Language = language,
        Link = "https://status.acme.test/acme/subscriptions/verify?token=t",
        OccurredAt = TestData.T0,
    };

    private static NotificationContent PlanReminder(string language, SubscriberChannel channel)
    {
        var (page, window, subscriber) = Arrange(language, channel);
        return Assert.Single(MaintenanceNotices.Plan(
            page, window, NotificationKind.MaintenanceReminder, TestData.T0, TestData.T0.AddHours(1), [subscriber], TestData.T0)).Content;
    }

    private static (StatusPage Page, MaintenanceWindow Window, Subscriber Subscriber) Arrange(string language, SubscriberChannel channel)
    {
        var page = TestData.Page(name: "Acme") with { TimeZoneId = "Europe/Berlin", Language = language };
        var window = TestData.Window(page.Id, componentIds: []);
        var subscriber = TestData.Subscriber(page.Id, channel) with { IsVerified = true, IsActive = true, NotifyOn = NotificationEvents.Maintenance };
        return (page, window, subscriber);
    }

    private static async Task<Subscriber> SubscribeAsync(StatusKitHarness kit, Guid pageId, SubscriberChannel channel, string destination) =>
        (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = pageId, Channel = channel, Destination = destination, PreVerified = true })).Subscriber;
}
