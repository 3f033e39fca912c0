using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Texts;

namespace StatusKit.AspNetCore.Tests;

public sealed class HtmlWriterTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Text_FarLongerThanTheBuffer_IsEncodedWhole_AsTheEncoderEncodesIt()
    {
        // Markup characters (5 or 6 characters each when encoded), letters outside ASCII and a surrogate pair, so the
        // buffer of 16 characters grows in the middle of an encoding, many times.
        var text = string.Concat(Enumerable.Repeat("<a href=\"x\">Störung & 😀 ’</a>", 500));

        var html = new HtmlWriter(PageTexts.English, capacity: 16).Raw("<p>").Text(text).Attribute("title", text).Raw("</p>").ToString();

        var encoded = HtmlEncoder.Default.Encode(text);
        Assert.Equal("<p>" + encoded + " title=\"" + encoded + "\"</p>", html);
    }

    [Fact]
    public void ToUtf8_IsTheUtf8OfWhatWasWritten()
    {
        var html = new HtmlWriter(PageTexts.German).Raw("<p>").Text("Störung <bald> behoben – 😀").Raw("</p>");

        Assert.Equal(Encoding.UTF8.GetBytes(html.ToString()), html.ToUtf8());
    }

    [Fact]
    public void TimeRange_OnOneLocalDay_WritesTheDateAndTheOffsetOnce()
    {
        var from = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

        var html = WebUtility.HtmlDecode(new HtmlWriter().TimeRange(from, from.AddHours(1), Berlin).ToString());

        Assert.Equal(
            "<time datetime=\"2026-01-05T02:00:00+01:00\">5 Jan 2026, 02:00</time> – " +
            "<time datetime=\"2026-01-05T03:00:00+01:00\">03:00 UTC+01:00</time>",
            html);
    }

    [Fact]
    public void TimeRange_AcrossLocalMidnight_WritesBothDates()
    {
        // 22:30 to 00:30 in Berlin: the same UTC day, but not the same day on the page's clock.
        var from = new DateTimeOffset(2026, 1, 5, 21, 30, 0, TimeSpan.Zero);

        var html = WebUtility.HtmlDecode(new HtmlWriter().TimeRange(from, from.AddHours(2), Berlin, " · ends ").ToString());

        Assert.Equal(
            "<time datetime=\"2026-01-05T22:30:00+01:00\">5 Jan 2026, 22:30 UTC+01:00</time> · ends " +
            "<time datetime=\"2026-01-06T00:30:00+01:00\">6 Jan 2026, 00:30 UTC+01:00</time>",
            html);
    }

    [Fact]
    public void TimeRange_OverAClockChange_WritesEachInstantsOwnOffset()
    {
        // 29 March 2026: Berlin moves from UTC+01:00 to UTC+02:00 at 02:00 local time.
        var from = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);

        var html = WebUtility.HtmlDecode(new HtmlWriter().TimeRange(from, from.AddHours(2), Berlin).ToString());

        Assert.Equal(
            "<time datetime=\"2026-03-29T01:30:00+01:00\">29 Mar 2026, 01:30 UTC+01:00</time> – " +
            "<time datetime=\"2026-03-29T04:30:00+02:00\">29 Mar 2026, 04:30 UTC+02:00</time>",
            html);
    }
}
