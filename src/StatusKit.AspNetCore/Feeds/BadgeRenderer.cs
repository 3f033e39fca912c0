using System.Globalization;
using System.Text.Encodings.Web;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>A small flat badge in the shields.io style, with the status as text for screen readers.</summary>
internal static class BadgeRenderer
{
    public static string Render(string label, string message, ComponentStatus status)
    {
        // The SVG is XML: HtmlEncoder would write a control character as a reference XML 1.0 does not allow either.
        label = XmlText.Clean(label);
        message = XmlText.Clean(message);
        var colour = status switch
        {
            ComponentStatus.Operational => "#1a7f37",
            ComponentStatus.UnderMaintenance => "#0969da",
            ComponentStatus.DegradedPerformance => "#9a6700",
            ComponentStatus.PartialOutage => "#bc4c00",
            _ => "#cf222e",
        };
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

    // Verdana 11px averages about 7 px per character; 10 px of padding on each side of the text.
    private static int TextWidth(string text) => (int)Math.Ceiling((text.Length * 7.0) + 10);
}
