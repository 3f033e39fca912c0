using System.Globalization;
using System.Text;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// How wide a badge's text is drawn at 11 px in Verdana, or DejaVu Sans, which shares its advance widths: each printable
/// ASCII character by its own width (an <c>i</c> is 3.1 px, a <c>W</c> 10.9 px), a wide East Asian character or an emoji
/// 12 px, a combining mark or format character nothing, any other character 10 px, more than most, so a badge leaves room
/// rather than clipping its text.
/// </summary>
internal static class BadgeTextWidth
{
    // Tenths of a pixel, from ' ' (32) to '~' (126), rounded up; measured in Chromium with DejaVu Sans at 11 px.
    private static ReadOnlySpan<byte> AsciiTenths =>
    [
        35, 45, 51, 93, 70, 105, 86, 31, 43, 43, 55, 93, 35, 40, 35, 38,
        70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 38, 38, 93, 93, 93, 59,
        110, 76, 76, 77, 85, 70, 64, 86, 83, 33, 33, 73, 62, 95, 83, 87,
        67, 87, 77, 70, 68, 81, 76, 109, 76, 68, 76, 43, 38, 43, 93, 55,
        55, 68, 70, 61, 70, 68, 39, 70, 70, 31, 31, 64, 31, 108, 70, 68,
        70, 70, 46, 58, 44, 70, 66, 90, 66, 66, 58, 70, 38, 70, 93,
    ];

    /// <summary>The width of <paramref name="text"/> in pixels.</summary>
    public static double Of(string text)
    {
        var tenths = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            tenths += TenthsOf(rune);
        }

        return tenths / 10.0;
    }

    private static int TenthsOf(Rune rune)
    {
        var value = rune.Value;
        if (value is >= 32 and < 127)
        {
            return AsciiTenths[value - 32];
        }

        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control)
        {
            return 0;
        }

        return IsWide(value) ? 120 : 100;
    }

    // East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul syllables, compatibility forms, fullwidth forms),
    // and the emoji and pictograph planes.
    private static bool IsWide(int value) => value is
        (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
        or (>= 0x1F300 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD);
}
