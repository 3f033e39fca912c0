using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The colours a page's accent gives: text on it and links in it keep WCAG AA contrast (4.5:1) whatever the colour.</summary>
public sealed class AccentPaletteTests
{
    [Theory]
    [InlineData("#ffcc00", "#000000")]
    [InlineData("#ffffff", "#000000")]
    [InlineData("#00ff00", "#000000")]
    [InlineData("#1f2328", "#ffffff")]
    [InlineData("#0969da", "#ffffff")]
    [InlineData("#000000", "#ffffff")]
    public void OnAccent_IsBlackOnLightColoursAndWhiteOnDarkOnes(string accent, string onAccent)
    {
        Assert.Equal(onAccent, AccentPalette.Of(accent)!.OnAccent);
    }

    [Theory]
    [InlineData("#ffeb3b")]
    [InlineData("#f0f0f0")]
    [InlineData("#fff59d")]
    [InlineData("#e0e0e0")]
    public void A_light_accent_on_the_light_page_gets_dark_button_text_with_AA(string accent)
    {
        var palette = AccentPalette.Of(accent)!;

        Assert.Equal("#000000", palette.OnAccent);
        Assert.True(AccentPalette.Contrast(palette.OnAccent, palette.Accent) >= AccentPalette.TextContrast);
    }

    [Theory]
    [InlineData("#ffff00")]
    [InlineData("#f6f8fa")]
    [InlineData("#000080")]
    [InlineData("#0d1117")]
    public void A_metric_charts_line_is_drawn_in_the_link_colour_with_3_to_1_on_the_card_in_either_scheme(string accent)
    {
        // The chart's path strokes currentColor, which the style sheet sets to the link colour, not the raw accent (a
        // yellow line on white had 1.07:1, a navy one on the dark card 2.84:1).
        Assert.Matches(@"\.metric-chart\{[^}]*color:var\(--accent-text\)", PageStyles.Css);
        Assert.True(AccentPalette.Contrast(AccentPalette.Of(accent)!.AsText, PagePalette.LightSurface) >= AccentPalette.UiContrast);
        Assert.True(AccentPalette.Contrast(AccentPalette.OfDark(accent)!.AsText, PagePalette.DarkSurface) >= AccentPalette.UiContrast);
    }

    [Fact]
    public void Every_accent_Meets_Specification_TextOnItAndLinksInItKeepAA()
    {
        // Every 17th step of each channel: 16^3 colours, the extremes included.
        for (var r = 0; r <= 255; r += 17)
        {
            for (var g = 0; g <= 255; g += 17)
            {
                for (var b = 0; b <= 255; b += 17)
                {
                    var accent = $"#{r:x2}{g:x2}{b:x2}";
                    var palette = AccentPalette.Of(accent)!;

                    Assert.Equal(accent, palette.Accent);
                    Assert.True(AccentPalette.Contrast(palette.OnAccent, accent) >= 4.5, $"{palette.OnAccent} on {accent}");
                    Assert.True(AccentPalette.Contrast(palette.AsText, "#f6f8fa") >= 4.5, $"{palette.AsText} for {accent} on the page");
                    Assert.True(AccentPalette.Contrast(palette.AsText, "#ffffff") >= 4.5, $"{palette.AsText} for {accent} on a card");
                }
            }
        }
    }

    [Fact]
    public void Every_accent_on_the_dark_page_Meets_Specification_ButtonsStandOutAndTextOnThemAndLinksKeepAA()
    {
        for (var r = 0; r <= 255; r += 17)
        {
            for (var g = 0; g <= 255; g += 17)
            {
                for (var b = 0; b <= 255; b += 17)
                {
                    var accent = $"#{r:x2}{g:x2}{b:x2}";
                    var palette = AccentPalette.OfDark(accent)!;

                    Assert.True(AccentPalette.Contrast(palette.Accent, "#0d1117") >= 3, $"{palette.Accent} for {accent} on the dark page");
                    Assert.True(AccentPalette.Contrast(palette.OnAccent, palette.Accent) >= 4.5, $"{palette.OnAccent} on {palette.Accent}");
                    Assert.True(AccentPalette.Contrast(palette.AsText, "#0d1117") >= 4.5, $"{palette.AsText} for {accent} on the dark page");
                    Assert.True(AccentPalette.Contrast(palette.AsText, "#161b22") >= 4.5, $"{palette.AsText} for {accent} on a dark card");
                }
            }
        }
    }

    [Fact]
    public void On_the_dark_page_a_light_enough_accent_is_kept_and_a_dark_one_is_lightened_in_its_hue()
    {
        var yellow = AccentPalette.OfDark("#FFCC00")!;
        var blue = AccentPalette.OfDark("#0052cc")!;
        var black = AccentPalette.OfDark("#111111")!;

        Assert.Equal(("#ffcc00", "#000000", "#ffcc00"), (yellow.Accent, yellow.OnAccent, yellow.AsText));
        Assert.NotEqual("#0052cc", blue.AsText);
        Assert.True(Convert.ToInt32(blue.AsText[5..], 16) > Convert.ToInt32(blue.AsText[3..5], 16));
        Assert.True(Convert.ToInt32(blue.AsText[3..5], 16) > Convert.ToInt32(blue.AsText[1..3], 16));
        Assert.Equal(black.AsText[1..3], black.AsText[3..5]);
        Assert.Equal(black.AsText[3..5], black.AsText[5..]);
        Assert.NotEqual("#111111", black.Accent);
        Assert.Null(AccentPalette.OfDark("red"));
    }

    [Theory]
    [InlineData("#ffcc00", "#ffcc00", "#000000", "#ffcc00")]
    [InlineData("#0052cc", "#0d5bcf", "#ffffff", "#4c86db")]
    [InlineData("#111111", "#646464", "#ffffff", "#888888")]
    [InlineData("#0969da", "#0969da", "#ffffff", "#3a87e1")]
    public void On_the_dark_page_the_accents_the_docs_name_become_what_they_say(string accent, string fill, string onFill, string links)
    {
        Assert.Equal(new AccentPalette(fill, onFill, links), AccentPalette.OfDark(accent));
    }

    [Fact]
    public void A_dark_enough_accent_is_its_own_link_colour_and_a_light_one_is_darkened_in_its_hue()
    {
        var dark = AccentPalette.Of("#0550AE")!;
        var light = AccentPalette.Of("#ff6600")!;

        Assert.Equal(("#0550ae", "#0550ae"), (dark.Accent, dark.AsText));
        Assert.NotEqual("#ff6600", light.AsText);
        Assert.StartsWith("#", light.AsText, StringComparison.Ordinal);
        Assert.Equal(0, Convert.ToInt32(light.AsText[5..], 16));
        Assert.True(Convert.ToInt32(light.AsText[1..3], 16) > Convert.ToInt32(light.AsText[3..5], 16));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("#f60")]
    [InlineData("#ff6600;}")]
    [InlineData("#-12345")]
    [InlineData("# 12345")]
    public void Anything_but_rrggbb_gives_no_palette_so_nothing_reaches_the_style_sheet(string? color)
    {
        Assert.Null(AccentPalette.Of(color));
    }

    [Fact]
    public void The_custom_properties_name_the_three_colours()
    {
        Assert.Equal(":root{--accent:#0a3d62;--on-accent:#ffffff;--accent-text:#0a3d62}", AccentPalette.Of("#0A3D62")!.CustomProperties);
    }
}
