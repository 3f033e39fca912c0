using System.Xml.Linq;
using StatusKit.AspNetCore.Feeds;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The uptime badge, <c>uptime 90d | 99.95%</c>: the label names its window, the figure is the HTML page's, the colour
/// follows the documented thresholds on the figure shown, and nothing counted is <c>no data</c>.
/// </summary>
public sealed class UptimeBadgeRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Uptime_badge_names_its_window_and_shows_the_figure_to_screen_readers()
    {
        var svg = XDocument.Parse(BadgeRenderer.RenderUptime(90, 99.95));

        Assert.Equal("img", svg.Root!.Attribute("role")?.Value);
        Assert.Equal("uptime 90d: 99.95%", svg.Root.Attribute("aria-label")?.Value);
        Assert.Equal("uptime 90d: 99.95%", svg.Root.Element(Svg + "title")?.Value);
        Assert.Equal(["uptime 90d", "99.95%"], svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Theory]
    [InlineData(7, "uptime 7d")]
    [InlineData(1, "uptime 1d")]
    public void Uptime_badge_label_names_the_days_it_covers(int days, string label)
    {
        var svg = XDocument.Parse(BadgeRenderer.RenderUptime(days, 100));

        Assert.Equal($"{label}: 100%", svg.Root!.Attribute("aria-label")?.Value);
    }

    [Theory]
    [InlineData(100, "100%", BadgeRenderer.Green)]
    [InlineData(99.9, "99.9%", BadgeRenderer.Green)]
    [InlineData(99.895, "99.9%", BadgeRenderer.Green)] // coloured by the figure it shows
    [InlineData(99.89, "99.89%", BadgeRenderer.YellowGreen)]
    [InlineData(99, "99%", BadgeRenderer.YellowGreen)]
    [InlineData(98.99, "98.99%", BadgeRenderer.Orange)]
    [InlineData(95, "95%", BadgeRenderer.Orange)]
    [InlineData(94.99, "94.99%", BadgeRenderer.Red)]
    [InlineData(0, "0%", BadgeRenderer.Red)]
    public void Uptime_badge_colour_follows_the_thresholds_at_each_boundary(double percent, string shown, string colour)
    {
        var svg = XDocument.Parse(BadgeRenderer.RenderUptime(90, percent));

        Assert.Equal(shown, svg.Descendants(Svg + "text").Last().Value);
        Assert.Equal(colour, MessageFill(svg));
    }

    [Fact]
    public void Uptime_badge_never_shows_100_percent_when_there_was_downtime()
    {
        var svg = XDocument.Parse(BadgeRenderer.RenderUptime(90, 99.9999));

        Assert.Equal("uptime 90d: 99.99%", svg.Root!.Attribute("aria-label")?.Value);
        Assert.Equal(BadgeRenderer.Green, MessageFill(svg));
    }

    [Fact]
    public void Uptime_badge_with_nothing_counted_says_no_data_in_grey()
    {
        var svg = XDocument.Parse(BadgeRenderer.RenderUptime(30, null));

        Assert.Equal("uptime 30d: no data", svg.Root!.Attribute("aria-label")?.Value);
        Assert.Equal(BadgeRenderer.Grey, MessageFill(svg));
    }

    [Fact]
    public void Badge_text_is_xml_escaped()
    {
        var svg = XDocument.Parse(BadgeRenderer.Render("a<b & \"c\"", "<99%>", BadgeRenderer.Red));

        Assert.Equal("a<b & \"c\": <99%>", svg.Root!.Attribute("aria-label")?.Value);
        Assert.Equal(["a<b & \"c\"", "<99%>"], svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Status_badge_is_drawn_as_before_the_uptime_badge_came_with_each_part_as_wide_as_its_text()
    {
        // The status badge, byte for byte: the uptime badge changed nothing but the width each text is given.
        const string expected = """<svg xmlns="http://www.w3.org/2000/svg" width="189" height="20" role="img" aria-label="status: All Systems Operational"><title>status: All Systems Operational</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="189" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="45" height="20" fill="#555"/><rect x="45" width="144" height="20" fill="#1a7f37"/><rect width="189" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true"><text x="22.5" y="14">status</text><text x="117" y="14">All Systems Operational</text></g></svg>""";

        Assert.Equal(expected, BadgeRenderer.Render("status", "All Systems Operational", ComponentStatus.Operational));
    }

    // The fill of the message's rectangle (the second of the clipped group).
    private static string? MessageFill(XDocument svg) =>
        svg.Descendants(Svg + "g").First().Elements(Svg + "rect").ElementAt(1).Attribute("fill")?.Value;
}
