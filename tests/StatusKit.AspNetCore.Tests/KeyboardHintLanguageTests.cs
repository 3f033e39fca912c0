using System.Net;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The uptime bars' keyboard hints (the visible ones of the style sheet and the descriptions the script adds) speak the
/// page's language; an English page carries no replacement and keeps its English hints.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class KeyboardHintLanguageTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_german_pages_keyboard_hints_are_german()
    {
        using var admin = factory.CreateAdminClient();
        var created = await SendAsync(admin, HttpMethod.Post, "/status/admin/pages", new { name = $"Tasten {Guid.NewGuid():N}", language = "de" }, expected: HttpStatusCode.Created);
        using var reader = factory.CreatePublicClient();

        var html = await reader.GetStringAsync($"/status/{created.Body.GetProperty("slug").GetString()}");

        Assert.Contains("\\2192  andere Tage \\00b7  Eingabe: Störungen dieses Tages\" / \"\"}", html, StringComparison.Ordinal);
        Assert.Contains("&quot;keys-days&quot;:&quot;Pfeiltasten links und rechts, Pos1 und Ende: andere Tage.&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;keys-back&quot;:&quot;Escape: zur\\u00FCck zum Tag.&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_page_has_no_replacement_hints()
    {
        using var reader = factory.CreatePublicClient();

        var html = await reader.GetStringAsync("/status/demo");

        Assert.DoesNotContain("&quot;keys-days&quot;", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "other days\" / \"\""));
    }
}
