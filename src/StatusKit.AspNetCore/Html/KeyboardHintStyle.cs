using System.Text;
using StatusKit.AspNetCore.Texts;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The uptime bars' visible keyboard hints (the <c>::after</c> contents of <see cref="PageStyles.Css"/>, which are
/// English) in the page's language: a style element after the style sheet that replaces them, written only for a page
/// in another language, so an English page is as it was.
/// </summary>
internal static class KeyboardHintStyle
{
    /// <summary>Writes the hints of <see cref="HtmlWriter.Texts"/>'s language, unless it is English.</summary>
    public static HtmlWriter KeyboardHints(this HtmlWriter html) =>
        ReferenceEquals(html.Texts, PageTexts.English) ? html : html.Raw("<style>").Raw(Rules(html.Texts)).Raw("</style>");

    /// <summary>The rules that replace the three hints' contents with <paramref name="texts"/>'.</summary>
    public static string Rules(PageTexts texts) =>
        $"[data-keys] .uptime li:focus-visible>.tip::after{{content:\"\\2190  \\2192  {Css(texts.HintDays)}\" / \"\"}}" +
        $"[data-keys] .uptime li:focus-visible>.tip:has(a)::after{{content:\"\\2190  \\2192  {Css(texts.HintDays)} \\00b7  {Css(texts.HintDayIncidents)}\" / \"\"}}" +
        $"[data-keys] .uptime .tip:has(a:focus-visible)::after{{content:\"Tab, \\2190  \\2192  {Css(texts.HintOtherIncidents)} \\00b7  {Css(texts.HintBack)}\" / \"\"}}";

    // A CSS string's content: every character but letters, digits, spaces and simple punctuation as a hex escape, so no
    // text can end the string, the rule or the style element.
    private static string Css(string text)
    {
        var css = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or ':' or ',' or '.')
            {
                css.Append(c);
            }
            else
            {
                css.Append('\\').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return css.ToString();
    }
}
