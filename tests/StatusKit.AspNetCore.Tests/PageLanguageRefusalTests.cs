using System.Net;
using StatusKit.AspNetCore.Subscriptions;
using StatusKit.AspNetCore.Texts;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// What a reader of a page in another language is told when its subscribe form or a subscription link is refused:
/// the reason in the page's language; problem details (for programs) and the answer about an unknown or private page
/// stay English.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class PageLanguageRefusalTests(SampleHostFactory factory)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_german_pages_rejected_form_shows_the_german_reason()
    {
        var slug = await GermanPageAsync("Formular");
        using var client = factory.CreatePublicClient("192.0.2.141");

        using var response = await PostFormAsync(client, slug, BrowserAccept, ("channel", "email"), ("destination", "keine-adresse"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Abonnement nicht gespeichert</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>„keine-adresse“ ist keine E-Mail-Adresse (erwartet: name@example.com).</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not an email address", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_pages_form_with_no_event_ticked_says_so_in_german()
    {
        var slug = await GermanPageAsync("Ereignisse");
        using var client = factory.CreatePublicClient("192.0.2.142");

        using var response = await PostFormAsync(client, slug, BrowserAccept, ("channel", "email"), ("destination", "leser@example.com"), ("notifyOn", ""));

        Assert.Contains(PageTexts.German.RefusedEvents, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_posting_to_a_german_page_keeps_the_english_problem_details()
    {
        var slug = await GermanPageAsync("Skript");
        using var client = factory.CreatePublicClient("192.0.2.143");

        using var response = await PostFormAsync(client, slug, "application/json", ("channel", "email"), ("destination", "keine-adresse"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'keine-adresse' is not an email address (expected name@example.com).", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_pages_form_sent_as_plain_text_is_refused_in_german_on_the_pages_own_notice()
    {
        // Refused for its Content-Type before the route reads the page: the page is read for the answer all the same.
        var slug = await GermanPageAsync("Klartext");
        using var client = factory.CreatePublicClient("192.0.2.146");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/status/{slug}/subscriptions")
        {
            Content = new StringContent("channel=email\r\ndestination=leser@example.com\r\n", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await client.SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("<html lang=\"de\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Abonnement nicht gespeichert</h1>", html, StringComparison.Ordinal);
        Assert.Contains(PageTexts.German.RefusedOther, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_pages_too_large_form_is_refused_in_german()
    {
        var slug = await GermanPageAsync("Gross");
        using var client = factory.CreatePublicClient("192.0.2.144");

        using var response = await PostFormAsync(client, slug, BrowserAccept, ("channel", "email"), ("destination", new string('a', 70 * 1024)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<h1>Anfrage zu groß</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Eine Abonnement-Anfrage darf höchstens 64 KiB groß sein.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify", "Dieser Bestätigungslink ist unbekannt oder wurde bereits verwendet.")]
    [InlineData("unsubscribe", "Dieser Abbestell-Link ist unbekannt.")]
    [InlineData("manage", "Dieser Link zum Verwalten eines Abonnements ist unbekannt.")]
    public async Task An_unknown_link_of_a_public_german_page_is_answered_in_german(string route, string text)
    {
        var slug = await GermanPageAsync("Link " + route);
        using var client = factory.CreatePublicClient("192.0.2.145");
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);

        using var response = await client.GetAsync($"/status/{slug}/subscriptions/{route}?token=unbekannt");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Link ungültig</h1>", html, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_link_of_an_unknown_page_stays_english()
    {
        using var client = factory.CreatePublicClient("192.0.2.146");
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);

        using var response = await client.GetAsync("/status/no-such-page/subscriptions/verify?token=unknown");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Link not valid</h1>", html, StringComparison.Ordinal);
        Assert.Contains("This confirmation link is unknown or was already used.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", ValidationCodes.DestinationRequired, nameof(PageTexts.RefusedDestinationRequired))]
    [InlineData("12", ValidationCodes.DestinationInvalidPhoneNumber, nameof(PageTexts.RefusedPhoneNumber))]
    [InlineData("https://example.com/hook", ValidationCodes.DestinationInvalidDiscordWebhook, nameof(PageTexts.RefusedDiscordUrl))]
    [InlineData("https://discord.com/api/webhooks/1/abc", ValidationCodes.DestinationUnreachableHost, nameof(PageTexts.RefusedUnreachable))]
    [InlineData("https://10.0.0.1/hook", ValidationCodes.DestinationUnreachableHost, nameof(PageTexts.RefusedUnreachable))]
    [InlineData("http://hooks.example.com/status", ValidationCodes.DestinationHttpsRequired, nameof(PageTexts.RefusedUnreachable))]
    [InlineData("ftp://example.com", ValidationCodes.DestinationInvalidUrl, nameof(PageTexts.RefusedHttpUrl))]
    [InlineData("http://example.com", ValidationCodes.DestinationInvalidHttpsUrl, nameof(PageTexts.RefusedHttpsUrl))]
    [InlineData("keine-adresse", ValidationCodes.DestinationInvalidEmail, nameof(PageTexts.RefusedEmail))]
    public void A_destinations_refusal_names_the_reason_of_its_code(string destination, string code, string text)
    {
        var reason = RefusalReasons.Of(PageTexts.French, new StatusKitValidationException("destination", "English.", code), destination);

        var expected = (string)typeof(PageTexts).GetProperty(text)!.GetValue(PageTexts.French)!;
        Assert.StartsWith(expected.Split('{')[0], reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ValidationCodes.ChannelUnknown, nameof(PageTexts.RefusedChannel))]
    [InlineData(ValidationCodes.ChannelUnsupported, nameof(PageTexts.RefusedChannel))]
    [InlineData(ValidationCodes.NotifyOnEmpty, nameof(PageTexts.RefusedEvents))]
    [InlineData(ValidationCodes.NotifyOnUnknown, nameof(PageTexts.RefusedEvents))]
    [InlineData(ValidationCodes.ComponentsNotOnPage, nameof(PageTexts.RefusedComponents))]
    [InlineData(ValidationCodes.IncidentNotOnPage, nameof(PageTexts.RefusedIncident))]
    [InlineData(ValidationCodes.IncidentFollowsAllUpdates, nameof(PageTexts.RefusedOther))]
    public void A_refusals_code_names_its_reason_whatever_its_field(string code, string text)
    {
        var reason = RefusalReasons.Of(PageTexts.French, new StatusKitValidationException("anyField", "English.", code), "ops@example.com");

        Assert.Equal((string)typeof(PageTexts).GetProperty(text)!.GetValue(PageTexts.French)!, reason);
    }

    [Fact]
    public void A_destination_too_long_names_the_cores_limit()
    {
        var refusal = new StatusKitValidationException("destination", "English.", ValidationCodes.DestinationTooLong);

        Assert.Equal(PageTexts.English.Format(PageTexts.English.RefusedDestinationTooLong, 2_000), RefusalReasons.Of(PageTexts.English, refusal, new string('a', 2_001)));
    }

    [Theory]
    [InlineData(ValidationCodes.DestinationInvalidEmail)]
    [InlineData(ValidationCodes.DestinationInvalidUrl)]
    [InlineData(ValidationCodes.DestinationInvalidHttpsUrl)]
    public void A_long_destination_is_quoted_short(string code)
    {
        var refusal = new StatusKitValidationException("destination", "English.", code);

        var reason = RefusalReasons.Of(PageTexts.French, refusal, "  " + new string('x', 1_500) + "  ");

        Assert.DoesNotContain(new string('x', 41), reason, StringComparison.Ordinal);
        Assert.Contains(new string('x', 40) + "…", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("keine-adresse")]
    public void A_destinations_refusal_without_a_code_is_not_guessed_from_what_the_form_sent(string? destination)
    {
        // Empty, or no address at all, yet without the core's code the page does not say so: it checks nothing itself.
        var refusal = new StatusKitValidationException("destination", "The destination is refused.");

        Assert.Equal(PageTexts.French.RefusedOther, RefusalReasons.Of(PageTexts.French, refusal, destination));
        Assert.Equal("The destination is refused.", RefusalReasons.Of(PageTexts.English, refusal, destination));
    }

    [Fact]
    public void A_destination_over_the_limit_without_a_code_is_not_guessed_either()
    {
        var refusal = new StatusKitValidationException("destination", "The destination is refused.");

        Assert.Equal(PageTexts.French.RefusedOther, RefusalReasons.Of(PageTexts.French, refusal, new string('a', 2_001)));
    }

    [Fact]
    public void A_refusal_without_a_text_of_its_own_is_the_generic_one_and_on_an_english_page_the_services_message()
    {
        var refusal = new StatusKitConcurrencyException("Saved meanwhile; subscribe again.");

        Assert.Equal(PageTexts.Spanish.RefusedOther, RefusalReasons.Of(PageTexts.Spanish, refusal, "a@example.com"));
        Assert.Equal("Saved meanwhile; subscribe again.", RefusalReasons.Of(PageTexts.English, refusal, "a@example.com"));
    }

    private async Task<string> GermanPageAsync(string name)
    {
        using var admin = factory.CreateAdminClient();
        var created = await SendAsync(
            admin, HttpMethod.Post, "/status/admin/pages", new { name = $"{name} {Guid.NewGuid():N}", language = "de" }, expected: HttpStatusCode.Created);
        return created.Body.GetProperty("slug").GetString()!;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string slug, string accept, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/status/{slug}/subscriptions")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }
}
