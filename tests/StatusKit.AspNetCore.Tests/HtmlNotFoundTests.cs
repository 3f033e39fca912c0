using System.Net;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A page's HTML routes answer what is not there with a page a browser shows (its own error page would be in the
/// browser's language, WCAG 3.1.1): in the status page's language with a link back when the reader may see that page,
/// else unbranded, in English, the same for an unknown page and a private one.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class HtmlNotFoundTests(SampleHostFactory factory)
{
    [Theory]
    [InlineData("/incidents/00000000-0000-7000-8000-000000000000")]
    [InlineData("/maintenance/00000000-0000-7000-8000-000000000000")]
    [InlineData("/history?page=99999")]
    public async Task A_record_the_page_does_not_have_is_a_page_in_its_language_linking_back_to_it(string route)
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Betrieb", Slug = $"nf-{Guid.NewGuid():N}"[..20], Language = "de" });
        try
        {
            using var client = factory.CreatePublicClient();

            using var response = await client.GetAsync($"/status/{page.Slug}{route}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<html lang=\"de\"", html, StringComparison.Ordinal);
            Assert.Contains("<h1>Seite nicht gefunden</h1>", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/status/{page.Slug}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task An_unknown_page_and_a_private_one_are_the_same_unbranded_page_in_English()
    {
        var pages = factory.Service<StatusPageService>();
        var slug = $"nf-private-{Guid.NewGuid():N}"[..24];
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Secret Project", Slug = slug, Language = "de" });
        await pages.SetVisibilityAsync(page.Id, isPublic: false);
        try
        {
            using var client = factory.CreatePublicClient();

            using var unknown = await client.GetAsync("/status/no-such-page-here");
            using var refused = await client.GetAsync($"/status/{slug}");
            var unknownHtml = await unknown.Content.ReadAsStringAsync();

            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, refused.StatusCode));
            Assert.Equal(unknownHtml, await refused.Content.ReadAsStringAsync());
            Assert.Contains("<html lang=\"en\"", unknownHtml, StringComparison.Ordinal);
            Assert.Contains("<h1>Page not found</h1>", unknownHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret Project", unknownHtml, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }
}
