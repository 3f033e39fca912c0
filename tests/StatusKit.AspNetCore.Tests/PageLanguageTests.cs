using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StatusKit.Model;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A page's language: set and changed through the admin API (with its ETag), refused with a 400 naming
/// <c>language</c> for a tag StatusKit has no texts in, declared in the OpenAPI document, and spoken by the page and its
/// subscription pages while the JSON API stays as it is.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class PageLanguageTests(SampleHostFactory factory)
{
    [Fact]
    public async Task The_admin_API_creates_changes_with_its_etag_and_clears_a_pages_language()
    {
        using var admin = factory.CreateAdminClient();
        using var reader = factory.CreatePublicClient();

        var created = await SendAsync(admin, HttpMethod.Post, "/status/admin/pages", new { name = "Sprachseite", language = "DE" }, expected: HttpStatusCode.Created);
        var pageId = Id(created);
        var slug = created.Body.GetProperty("slug").GetString();
        var german = await reader.GetStringAsync($"/status/{slug}");
        var french = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { language = "fr" }, ifMatch: created.ETag);
        using var stale = await Request(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { language = "es" }, created.ETag);
        var frenchPage = await reader.GetStringAsync($"/status/{slug}");
        var cleared = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { language = "" }, ifMatch: french.ETag);
        var english = await reader.GetStringAsync($"/status/{slug}");

        Assert.Equal("de", created.Body.GetProperty("language").GetString());
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains("Alle Systeme betriebsbereit", german, StringComparison.Ordinal);
        Assert.Equal("fr", french.Body.GetProperty("language").GetString());
        Assert.NotEqual(created.ETag, french.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("<html lang=\"fr\">", frenchPage, StringComparison.Ordinal);
        Assert.Contains("Tous les systèmes sont opérationnels", frenchPage, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, cleared.Body.GetProperty("language").ValueKind);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("All Systems Operational", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("de-DE")]
    [InlineData("german")]
    public async Task A_language_without_texts_is_a_400_naming_language_and_the_supported_ones(string language)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Unspoken", language });

        var body = await response.Content.ReadAsStringAsync();
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "language");
        Assert.Contains("en, de, fr, es", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_pages_subscription_pages_and_json_api()
    {
        using var admin = factory.CreateAdminClient();
        var created = await SendAsync(admin, HttpMethod.Post, "/status/admin/pages", new { name = "Deutsche Seite", language = "de" }, expected: HttpStatusCode.Created);
        var pageId = Id(created);
        var slug = created.Body.GetProperty("slug").GetString();
        await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = pageId, Name = "Kasse" });
        var subscriber = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "leser@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
        });
        var pending = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "neu@example.com", NotifyOn = NotificationEvents.All,
        });
        using var reader = factory.CreatePublicClient();
        reader.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var manage = await reader.GetStringAsync($"/status/{slug}/subscriptions/manage?token={subscriber.UnsubscribeToken}");
        var unsubscribe = await reader.GetStringAsync($"/status/{slug}/subscriptions/unsubscribe?token={subscriber.UnsubscribeToken}");
        var confirm = await reader.GetStringAsync($"/status/{slug}/subscriptions/verify?token={pending.VerificationToken}");
        using var saved = await reader.PostAsync(
            $"/status/{slug}/subscriptions/manage?token={subscriber.UnsubscribeToken}",
            new FormUrlEncodedContent([new("notifyOn", ""), new("notifyOn", "outage")]));
        var summary = await reader.GetStringAsync($"/status/{slug}/api/v2/summary.json");

        Assert.Contains("<html lang=\"de\">", manage, StringComparison.Ordinal);
        Assert.Contains("<title>Abonnement verwalten</title>", manage, StringComparison.Ordinal);
        Assert.Contains("<h1>Ihre Updates von Deutsche Seite</h1>", manage, StringComparison.Ordinal);
        Assert.Contains("<legend>Benachrichtigen bei</legend>", manage, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Speichern</button>", manage, StringComparison.Ordinal);
        Assert.Contains(">Stattdessen abbestellen</a>", manage, StringComparison.Ordinal);
        Assert.Contains(">Zurück zur Statusseite</a>", manage, StringComparison.Ordinal);
        Assert.Contains("<h1>Deutsche Seite abbestellen?</h1>", unsubscribe, StringComparison.Ordinal);
        Assert.Contains(">Stattdessen ändern, was Sie erhalten</a>", unsubscribe, StringComparison.Ordinal);
        Assert.Contains("<h1>Deutsche Seite abonnieren?</h1>", confirm, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Bestätigen</button>", confirm, StringComparison.Ordinal);
        Assert.Contains("Ihre Auswahl ist gespeichert.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The JSON API is the same in every language.
        Assert.Contains("\"description\":\"All Systems Operational\"", summary, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"operational\"", summary, StringComparison.Ordinal);
    }
}
