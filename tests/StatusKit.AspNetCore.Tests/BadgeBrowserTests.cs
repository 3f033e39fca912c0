using StatusKit.AspNetCore.Feeds;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Badges as a browser draws them: each text fits its coloured part, whatever its letters, so a component's name is
/// never clipped or run over its status.
/// </summary>
public sealed class BadgeBrowserTests
{
    [Theory]
    [InlineData("WWWWWWWWWWWWWWWWWWWWWWWWW MMMMMMMM", "Operational")]
    [InlineData("Mail & Webhooks %", "Major Outage")]
    [InlineData("iiiiiiiiiiiiiiiiiiii", "Degraded Performance")]
    [InlineData("Платежи ЖЖЖЖ", "Partial Outage")]
    [InlineData("API \U0001F680\U0001F680\U0001F680 e\u0301", "Under Maintenance")]
    public async Task Each_text_fits_its_part_of_the_badge(string label, string message)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync("<!doctype html><body style=\"margin:0\">" + BadgeRenderer.Render(label, message, BadgeRenderer.Green) + "</body>");

        // Each text's drawn length, and the width of the rectangle it is centred on.
        var fits = await page.EvaluateAsync<double[][]>("""
            () => {
              const rects = [...document.querySelectorAll('g[clip-path] rect')];
              return [...document.querySelectorAll('text')].map((t, i) => [t.getComputedTextLength(), rects[i].width.baseVal.value]);
            }
            """);

        Assert.Equal(2, fits.Length);
        Assert.All(fits, fit => Assert.True(fit[0] + 4 <= fit[1], $"A text {fit[0]:0.0} px long does not fit its {fit[1]} px."));
    }

    [Fact]
    public void Wide_letters_get_a_wider_badge_than_narrow_ones()
    {
        Assert.True(BadgeTextWidth.Of("WWWW") > 2 * BadgeTextWidth.Of("iiii"));
        Assert.Equal(BadgeTextWidth.Of("e"), BadgeTextWidth.Of("e\u0301"));
    }
}
