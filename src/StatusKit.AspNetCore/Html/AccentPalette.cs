using System.Globalization;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The colours a page's accent (<see cref="Snapshots.PageSnapshot.AccentColor"/>) gives its HTML, as CSS custom
/// properties: <see cref="Accent"/> itself (buttons, the rule along the top), <see cref="OnAccent"/> for text on it, black
/// or white, whichever contrasts more (at least 4.58:1 for any colour, so WCAG AA holds), and <see cref="AsText"/>, the
/// accent as a link colour on the page's light background: the accent when it has 4.5:1 against it, else the accent
/// darkened until it has. Pure: WCAG 2 relative luminance and contrast ratio.
/// </summary>
internal sealed record AccentPalette(string Accent, string OnAccent, string AsText)
{
    /// <summary>The page's background, <c>#f6f8fa</c>: links sit on it or on white cards, and it is the darker of the two.</summary>
    private static readonly (byte R, byte G, byte B) Background = (0xf6, 0xf8, 0xfa);

    /// <summary>WCAG AA's contrast for body text.</summary>
    public const double TextContrast = 4.5;

    /// <summary>The palette of <paramref name="color"/> (<c>#rrggbb</c>, any case), or null when it is null or not such a colour (the default look).</summary>
    public static AccentPalette? Of(string? color)
    {
        if (!TryParse(color, out var rgb))
        {
            return null;
        }

        var luminance = Luminance(rgb);
        var onAccent = ContrastRatio(luminance, 0) >= ContrastRatio(luminance, 1) ? "#000000" : "#ffffff";
        var text = rgb;
        var background = Luminance(Background);
        for (var factor = 0.95; ContrastRatio(Luminance(text), background) < TextContrast; factor -= 0.05)
        {
            text = Scale(rgb, Math.Max(factor, 0));
        }

        return new AccentPalette(Hex(rgb), onAccent, Hex(text));
    }

    /// <summary>The WCAG 2 contrast ratio of two colours written <c>#rrggbb</c> (1 to 21).</summary>
    public static double Contrast(string a, string b) =>
        TryParse(a, out var x) && TryParse(b, out var y)
            ? ContrastRatio(Luminance(x), Luminance(y))
            : throw new ArgumentException($"'{a}' or '{b}' is not a colour written #rrggbb.");

    /// <summary>The custom properties that replace the default accent (<see cref="PageStyles.Css"/>'s <c>:root</c>).</summary>
    public string CustomProperties => $":root{{--accent:{Accent};--on-accent:{OnAccent};--accent-text:{AsText}}}";

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

    // Written from the parsed channels, never the input: only "#" and six hex digits reach the style sheet.
    private static string Hex((byte R, byte G, byte B) c) => $"#{c.R:x2}{c.G:x2}{c.B:x2}";

    private static (byte R, byte G, byte B) Scale((byte R, byte G, byte B) c, double factor) =>
        ((byte)Math.Round(c.R * factor), (byte)Math.Round(c.G * factor), (byte)Math.Round(c.B * factor));

    private static double Luminance((byte R, byte G, byte B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(byte channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static double ContrastRatio(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
}
