using System.Globalization;
using System.Text.Encodings.Web;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>A small flat badge in the shields.io style, with its text (status or uptime) for screen readers.</summary>
internal static class BadgeRenderer
{
    /// <summary>The colour of an operational status, and of an uptime at or above <see cref="GreenFrom"/> percent (as shown).</summary>
    public const string Green = StatusColors.Operational;

    /// <summary>The uptime badge's colour from <see cref="YellowGreenFrom"/> up to <see cref="GreenFrom"/>.</summary>
    public const string YellowGreen = "#4d7c0f";

    /// <summary>The colour of a partial outage, and of an uptime from <see cref="OrangeFrom"/> up to <see cref="YellowGreenFrom"/>.</summary>
    public const string Orange = StatusColors.PartialOutage;

    /// <summary>The colour of a major outage, and of an uptime below <see cref="OrangeFrom"/>.</summary>
    public const string Red = StatusColors.MajorOutage;

    /// <summary>The uptime badge's colour when nothing was counted.</summary>
    public const string Grey = StatusColors.Neutral;

    /// <summary>The lowest uptime (as shown) that is green.</summary>
    public const double GreenFrom = 99.9;

    /// <summary>The lowest uptime (as shown) that is yellow-green.</summary>
    public const double YellowGreenFrom = 99;

    /// <summary>The lowest uptime (as shown) that is orange.</summary>
    public const double OrangeFrom = 95;

    /// <summary>A status badge: <paramref name="label"/> and <paramref name="message"/>, coloured by <paramref name="status"/>.</summary>
    public static string Render(string label, string message, ComponentStatus status)
    {
        return Render(label, message, StatusColors.Of(status));
    }

    /// <summary>
    /// An uptime badge, <c>uptime 90d | 99.95%</c>: the label names the window of <paramref name="days"/>, the figure is
    /// the HTML page's (<see cref="UptimePercentText"/>), coloured by the thresholds on the figure shown (so 99.9%
    /// is always green); <c>no data</c>, grey, when <paramref name="percent"/> is null (nothing was counted).
    /// </summary>
    public static string RenderUptime(int days, double? percent)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"uptime {days}d");
        if (percent is not { } value)
        {
            return Render(label, "no data", Grey);
        }

        var shown = UptimePercentText.Shown(value);
        var colour = shown switch
        {
            >= GreenFrom => Green,
            >= YellowGreenFrom => YellowGreen,
            >= OrangeFrom => Orange,
            _ => Red,
        };
        return Render(label, UptimePercentText.Format(value), colour);
    }

    /// <summary>A badge of <paramref name="label"/> on grey and <paramref name="message"/> on <paramref name="colour"/>.</summary>
    internal static string Render(string label, string message, string colour)
    {
        // The SVG is XML: HtmlEncoder would write a control character as a reference XML 1.0 does not allow either.
        label = XmlText.Clean(label);
        message = XmlText.Clean(message);
        var labelWidth = TextWidth(label);
        var messageWidth = TextWidth(message);
        var width = labelWidth + messageWidth;
        var text = HtmlEncoder.Default.Encode($"{label}: {message}");
        var l = HtmlEncoder.Default.Encode(label);
        var m = HtmlEncoder.Default.Encode(message);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" aria-label="{text}"><title>{text}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{colour}"/><rect width="{width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true"><text x="{labelWidth / 2.0:0.#}" y="14">{l}</text><text x="{labelWidth + (messageWidth / 2.0):0.#}" y="14">{m}</text></g></svg>
            """);
    }

    // The text's drawn width (BadgeTextWidth), and 5 px of padding on each side.
    private static int TextWidth(string text) => (int)Math.Ceiling(BadgeTextWidth.Of(text) + 10);
}
