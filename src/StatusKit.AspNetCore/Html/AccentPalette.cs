using System.Globalization;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The colours a page's accent (<see cref="Snapshots.PageSnapshot.AccentColor"/>) gives its HTML in one colour scheme, as
/// CSS custom properties: <see cref="Accent"/> (buttons, the rule along the top), <see cref="OnAccent"/> for text on it,
/// black or white, whichever contrasts more (at least 4.58:1 for any colour, so WCAG AA holds), and <see cref="AsText"/>,
/// the accent as a link colour on the page's backgrounds. On the light page (<see cref="Of"/>) the accent is kept as it is
/// and its link colour is the accent when it has 4.5:1 against the light background, else the accent darkened until it
/// has. On the dark page (<see cref="OfDark"/>) both are lightened towards white as far as it takes: the accent until it
/// has 3:1 against the dark background (a button, a rule: large UI), its link colour until it has 4.5:1 against the
/// dark surface, the lighter of the dark page's two backgrounds. Pure: WCAG 2 relative luminance and contrast ratio.
/// </summary>
internal sealed record AccentPalette(string Accent, string OnAccent, string AsText)
{
    /// <summary>WCAG AA's contrast for body text.</summary>
    public const double TextContrast = 4.5;

    /// <summary>WCAG AA's contrast for large text and for user-interface components (a button's shape, a field's border).</summary>
    public const double UiContrast = 3;

    /// <summary>
    /// The light page's palette of <paramref name="color"/> (<c>#rrggbb</c>, any case), or null when it is null or not such
    /// a colour (the default look).
    /// </summary>
    public static AccentPalette? Of(string? color)
    {
        if (!TryParse(color, out var rgb))
        {
            return null;
        }

        // The light background is the darker of the light page's two: a link colour that has 4.5:1 on it has it on white.
        var text = Until(rgb, Parse(PagePalette.LightBackground), TextContrast, factor => Scale(rgb, factor));
        return new AccentPalette(Hex(rgb), OnAccentFor(rgb), Hex(text));
    }

    /// <summary>The dark page's palette of <paramref name="color"/>: null as for <see cref="Of"/>.</summary>
    public static AccentPalette? OfDark(string? color)
    {
        if (!TryParse(color, out var rgb))
        {
            return null;
        }

        var fill = Until(rgb, Parse(PagePalette.DarkBackground), UiContrast, factor => Lighten(rgb, factor));
        var text = Until(rgb, Parse(PagePalette.DarkSurface), TextContrast, factor => Lighten(rgb, factor));
        return new AccentPalette(Hex(fill), OnAccentFor(fill), Hex(text));
    }

    /// <summary>The WCAG 2 contrast ratio of two colours written <c>#rrggbb</c> (1 to 21).</summary>
    public static double Contrast(string a, string b) =>
        TryParse(a, out var x) && TryParse(b, out var y)
            ? ContrastRatio(Luminance(x), Luminance(y))
            : throw new ArgumentException($"'{a}' or '{b}' is not a colour written #rrggbb.");

    /// <summary>The custom properties that replace the default accent (<see cref="PagePalette.CustomProperties"/>).</summary>
    public string CustomProperties => $":root{{{Declarations}}}";

    /// <summary>The declarations of <see cref="CustomProperties"/>, without the rule around them.</summary>
    public string Declarations => $"--accent:{Accent};--on-accent:{OnAccent};--accent-text:{AsText}";

    /// <summary>
    /// The accent's colours that carry text, with the contrast they need: the text on a button, and links on the page's
    /// <paramref name="background"/> and <paramref name="surface"/>.
    /// </summary>
    public IEnumerable<(string What, string Foreground, string Background, double Minimum)> TextPairs(string background, string surface) =>
    [
        ($"text on the accent {Accent}", OnAccent, Accent, TextContrast),
        ($"links in {AsText} on the background", AsText, background, TextContrast),
        ($"links in {AsText} on the surface", AsText, surface, TextContrast),
    ];

    private static bool TryParse(string? color, out (byte R, byte G, byte B) rgb)
    {
        rgb = default;
        if (color is not { Length: 7 } || color[0] != '#'
            || !int.TryParse(color.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        rgb = ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    private static (byte R, byte G, byte B) Parse(string color) =>
        TryParse(color, out var rgb) ? rgb : throw new ArgumentException($"'{color}' is not a colour written #rrggbb.", nameof(color));

    // Black or white, whichever contrasts more with the colour.
    private static string OnAccentFor((byte R, byte G, byte B) rgb)
    {
        var luminance = Luminance(rgb);
        return ContrastRatio(luminance, 0) >= ContrastRatio(luminance, 1) ? "#000000" : "#ffffff";
    }

    // The colour itself when it has the contrast against the background, else shifted by step (0.05, 0.10, … up to 1:
    // black when darkening, white when lightening, either of which has it against the page's backgrounds).
    private static (byte R, byte G, byte B) Until(
        (byte R, byte G, byte B) rgb, (byte R, byte G, byte B) background, double contrast, Func<double, (byte R, byte G, byte B)> shifted)
    {
        var ground = Luminance(background);
        var result = rgb;
        for (var step = 1; step <= 20 && ContrastRatio(Luminance(result), ground) < contrast; step++)
        {
            result = shifted(step / 20.0);
        }

        return result;
    }

    // Written from the parsed channels, never the input: only "#" and six hex digits reach the style sheet.
    private static string Hex((byte R, byte G, byte B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";

    // Darkened by a share (0: the colour, 1: black), keeping its hue.
    private static (byte R, byte G, byte B) Scale((byte R, byte G, byte B) c, double share) =>
        ((byte)Math.Round(c.R * (1 - share)), (byte)Math.Round(c.G * (1 - share)), (byte)Math.Round(c.B * (1 - share)));

    // Mixed with white by a share (0: the colour, 1: white), keeping its hue.
    private static (byte R, byte G, byte B) Lighten((byte R, byte G, byte B) c, double share) =>
        (Mix(c.R, share), Mix(c.G, share), Mix(c.B, share));

    private static byte Mix(byte channel, double share) => (byte)Math.Round(channel + ((255 - channel) * share));

    private static double Luminance((byte R, byte G, byte B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(byte channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static double ContrastRatio(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
}
