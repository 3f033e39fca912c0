using System.Text.RegularExpressions;
using StatusKit.AspNetCore.Html;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Every text the HTML pages show keeps WCAG AA contrast (4.5:1, by WCAG 2's relative luminance) on whatever it stands
/// on, in light and in dark, with the default accent and with a page's own; and the style sheet takes every colour from
/// the palettes, so no rule can bring in a colour these tests do not see.
/// </summary>
public sealed partial class PageContrastTests
{
    public static TheoryData<string> Schemes => ["light", "dark"];

    public static TheoryData<string, string> SchemesAndAccents => new()
    {
        { "light", "#ffcc00" }, { "light", "#0052cc" }, { "light", "#111111" }, { "light", "#0969da" }, { "light", "#ffffff" },
        { "dark", "#ffcc00" }, { "dark", "#0052cc" }, { "dark", "#111111" }, { "dark", "#0969da" }, { "dark", "#000000" },
    };

    [Theory]
    [InlineData("#000000", "#ffffff", 21)]
    [InlineData("#ffffff", "#ffffff", 1)]
    [InlineData("#777777", "#ffffff", 4.48)]
    [InlineData("#0969da", "#ffffff", 5.19)]
    public void Contrast_IsWcag2sRatioOfRelativeLuminances(string a, string b, double expected)
    {
        Assert.Equal(expected, AccentPalette.Contrast(a, b), 2);
        Assert.Equal(expected, AccentPalette.Contrast(b, a), 2);
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Every_text_of_the_palette_meets_AA_on_what_it_stands_on(string scheme)
    {
        var palette = Palette(scheme);

        var failing = palette.TextPairs.Where(p => AccentPalette.Contrast(p.Foreground, p.Background) < p.Minimum)
            .Select(p => $"{p.What}: {p.Foreground} on {p.Background} is {AccentPalette.Contrast(p.Foreground, p.Background):0.00}:1, needs {p.Minimum}:1")
            .ToList();

        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.Equal(2 * 7 + 5 + 1 + 3, palette.TextPairs.Count());
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void An_uptime_day_without_data_has_3_to_1_against_both_backgrounds(string scheme)
    {
        var palette = Palette(scheme);

        var failing = palette.GraphicPairs.Where(p => AccentPalette.Contrast(p.Foreground, p.Background) < p.Minimum)
            .Select(p => $"{p.What}: {p.Foreground} on {p.Background} is {AccentPalette.Contrast(p.Foreground, p.Background):0.00}:1, needs {p.Minimum}:1")
            .ToList();

        Assert.True(failing.Count == 0, string.Join("\n", failing));
        Assert.Contains(palette.GraphicPairs, p => p.Foreground == palette.NoData && p.Background == palette.Surface);
    }

    [Theory]
    [MemberData(nameof(SchemesAndAccents))]
    public void A_pages_own_accent_meets_AA_on_the_schemes_backgrounds(string scheme, string accent)
    {
        var palette = Palette(scheme);
        var own = scheme == "light" ? AccentPalette.Of(accent)! : AccentPalette.OfDark(accent)!;

        var failing = own.TextPairs(palette.Background, palette.Surface).Where(p => AccentPalette.Contrast(p.Foreground, p.Background) < p.Minimum)
            .Select(p => $"{p.What}: {AccentPalette.Contrast(p.Foreground, p.Background):0.00}:1").ToList();

        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    [Theory]
    [InlineData("#ffcc00")]
    [InlineData("#0052cc")]
    [InlineData("#111111")]
    [InlineData("#0969da")]
    public void On_the_dark_page_a_pages_accent_stands_out_as_a_button_and_a_rule(string accent)
    {
        var dark = AccentPalette.OfDark(accent)!;

        Assert.True(AccentPalette.Contrast(dark.Accent, PagePalette.DarkBackground) >= 3, dark.Accent);
    }

    [Fact]
    public void The_light_page_keeps_the_status_colours_the_badge_and_Discord_share()
    {
        Assert.Equal(
            [StatusColors.Operational, StatusColors.UnderMaintenance, StatusColors.DegradedPerformance, StatusColors.PartialOutage, StatusColors.MajorOutage],
            PagePalette.Light.StatusColours);
        Assert.Equal(PagePalette.Light.Accent, new AccentPalette("#0969da", "#ffffff", "#0550ae"));
    }

    [Fact]
    public void The_dark_page_has_lighter_status_colours_with_dark_text_on_the_banner()
    {
        Assert.All(PagePalette.Dark.StatusColours.Zip(PagePalette.Light.StatusColours), pair =>
            Assert.True(AccentPalette.Contrast(pair.First, "#000000") > AccentPalette.Contrast(pair.Second, "#000000"), pair.First));
        Assert.Equal(PagePalette.DarkBackground, PagePalette.Dark.OnStatus);
    }

    [Fact]
    public void The_style_sheet_writes_no_colour_of_its_own_and_uses_only_properties_the_palettes_declare()
    {
        Assert.Empty(ColourLiterals().Matches(PageStyles.Css + PageStyles.AccentRules).Select(m => m.Value));
        Assert.DoesNotMatch(NamedColours(), PageStyles.Css);
        var used = Properties().Matches(PageStyles.Css + PageStyles.AccentRules).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var palette in new[] { PagePalette.Light, PagePalette.Dark })
        {
            var declared = Declarations().Matches(palette.CustomProperties).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Empty(used.Except(declared));
        }
    }

    private static PagePalette Palette(string scheme) => scheme == "light" ? PagePalette.Light : PagePalette.Dark;

    [GeneratedRegex("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(")]
    private static partial Regex ColourLiterals();

    [GeneratedRegex(":(#?)(white|black|red|blue|green|gray|grey)\\b")]
    private static partial Regex NamedColours();

    [GeneratedRegex("var\\(--([a-z-]+)\\)")]
    private static partial Regex Properties();

    [GeneratedRegex("--([a-z-]+):")]
    private static partial Regex Declarations();
}
