using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The pages render branding only when it is what the page service accepts, so a value written to the store some
/// other way (a custom store, a hand-edited row) never becomes a script link, a mixed-content image or a style rule.
/// </summary>
public sealed class PageBrandRenderingTests
{
    [Theory]
    [InlineData("javascript:alert(1)", "https://cdn.acme.example/logo.png", "#ff660")]
    [InlineData("data:text/html,hi", "http://cdn.acme.example/logo.png", "red;}body{display:none")]
    [InlineData("/relative", "javascript:alert(1)", "#ff66")]
    [InlineData("https://user:pw@acme.example/", "data:image/png;base64,AAAA", "")]
    public void A_stored_value_the_service_would_refuse_is_not_rendered(string homepage, string logo, string accent)
    {
        var snapshot = RenderedSnapshots.Empty() with { HomepageUrl = homepage, LogoUrl = logo, AccentColor = accent };

        var html = new PageRenderer().RenderHistory(snapshot, null, null, new PageLinks("/status/acme", null));

        Assert.DoesNotContain(homepage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"back\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1><a class=\"home\" href=\"/status/acme\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--accent:#ff", html, StringComparison.Ordinal);
        if (!logo.StartsWith("https://", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_logo_without_a_homepage_is_shown_with_the_name_as_its_alternative_text_and_links_to_the_status_page_on_a_sub_page()
    {
        var snapshot = RenderedSnapshots.Empty() with { LogoUrl = "https://cdn.acme.example/logo.png" };

        var html = new PageRenderer().RenderHistory(snapshot, null, null, new PageLinks("/status/acme", null));

        Assert.Contains("<h1><a class=\"home\" href=\"/status/acme\"><img class=\"logo\" src=\"https://cdn.acme.example/logo.png\" alt=\"Acme\"></a></h1>", html, StringComparison.Ordinal);
    }
}
