using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Headless Chromium told the reader prefers dark (or light) shows the pages in that scheme, by CSS alone; and a scheme
/// the operator fixed (<see cref="StatusPageEndpointOptions.ColorScheme"/>) holds whatever the reader prefers.
/// </summary>
public sealed partial class ColorSchemeBrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    [Theory]
    [InlineData("/status/demo")]
    [InlineData("/status/demo/history")]
    [InlineData("/status/demo/subscriptions/manage?token=not-a-token")]
    public async Task A_reader_who_prefers_dark_gets_a_dark_page_with_light_text(string path)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync(host.BaseAddress + path);

        var (background, text) = await ColoursAsync(page);
        Assert.True(Luminance(background) < 0.05, $"background {background}");
        Assert.True(Luminance(text) > 0.6, $"text {text}");
        Assert.True(AccentPalette.Contrast(background, text) >= 4.5);
        if (path == "/status/demo")
        {
            var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "demo-dark.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task A_reader_who_prefers_light_gets_the_light_page()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ColorScheme = ColorScheme.Light });
        await page.GotoAsync(host.BaseAddress + "/status/demo");

        Assert.Equal((PagePalette.LightBackground, PagePalette.Light.Text), await ColoursAsync(page));
    }

    [Theory]
    [InlineData(PageColorScheme.Light, "dark", PagePalette.LightBackground, "#1f2328")]
    [InlineData(PageColorScheme.Dark, "light", PagePalette.DarkBackground, "#e6edf3")]
    public async Task A_fixed_scheme_holds_whatever_the_reader_prefers(PageColorScheme scheme, string preferred, string background, string text)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ColorScheme = preferred == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.SetContentAsync(new PageRenderer(scheme).RenderHistory(RenderedSnapshots.Empty(), null, null, new PageLinks("/status/acme", null)));

        Assert.Equal((background, text), await ColoursAsync(page));
    }

    // The body's computed background and text colours, as #rrggbb.
    private static async Task<(string Background, string Text)> ColoursAsync(IPage page) =>
        (Hex(await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor")),
         Hex(await page.EvaluateAsync<string>("getComputedStyle(document.body).color")));

    private static string Hex(string computed)
    {
        var m = Rgb().Match(computed);
        Assert.True(m.Success, computed);
        return "#" + string.Concat(Enumerable.Range(1, 3).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture).ToString("x2", CultureInfo.InvariantCulture)));
    }

    // WCAG's relative luminance, 0 (black) to 1 (white), as the contrast with black gives it.
    private static double Luminance(string colour) => (AccentPalette.Contrast(colour, "#000000") * 0.05) - 0.05;

    [GeneratedRegex(@"^rgb\((\d+), (\d+), (\d+)\)$")]
    private static partial Regex Rgb();
}
