using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using StatusKit.AspNetCore.Texts;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// A minimal HTML writer: markup goes in through <see cref="Raw"/> (constant strings of this assembly only), and
/// every value from outside goes through <see cref="Text"/> or <see cref="Attribute"/>, which HTML-encode it. Times are
/// written in the language of its <see cref="Texts"/> (English by default).
/// </summary>
internal sealed class HtmlWriter
{
    // Beyond English, letters outside ASCII are written as they are (the documents are UTF-8), so "Störung" reads as
    // such in the source too; markup characters are encoded all the same. English keeps the default encoder, and so
    // every byte it has always written.
    private static readonly HtmlEncoder AnyLetterEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(16 * 1024);
    private readonly HtmlEncoder _encoder;

    public HtmlWriter()
        : this(PageTexts.English)
    {
    }

    public HtmlWriter(PageTexts texts)
    {
        Texts = texts;
        _encoder = ReferenceEquals(texts, PageTexts.English) ? HtmlEncoder.Default : AnyLetterEncoder;
    }

    /// <summary>The texts of the page being written, whose culture and formats its times take.</summary>
    public PageTexts Texts { get; }

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Writes encoded text content.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(_encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Writes <c> name="value"</c> with the value encoded.</summary>
    public HtmlWriter Attribute(string name, string? value)
    {
        _html.Append(' ').Append(name).Append("=\"").Append(_encoder.Encode(value ?? string.Empty)).Append('"');
        return this;
    }

    /// <summary>Writes <c>&lt;tag attrs&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        _html.Append('>');
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes a <c>&lt;time&gt;</c> element for an instant shown on the page's wall clock.</summary>
    public HtmlWriter Time(DateTimeOffset instant, TimeZoneInfo zone) => Time(PageTime.Local(instant, zone), Texts.DateTimeFormat, withOffset: true);

    /// <summary>
    /// Writes two <c>&lt;time&gt;</c> elements, <paramref name="from"/>, <paramref name="separator"/> and
    /// <paramref name="to"/>, on the page's wall clock. When both fall on the same local day at the same UTC offset, the
    /// end shows only its time and the offset is written once, after it ("5 Jan 2026, 02:00 – 03:00 UTC+01:00"); the
    /// <c>datetime</c> attributes stay complete.
    /// </summary>
    public HtmlWriter TimeRange(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, string separator = " – ")
    {
        var start = PageTime.Local(from, zone);
        var end = PageTime.Local(to, zone);
        var sameDay = start.Date == end.Date && start.Offset == end.Offset;
        Time(start, Texts.DateTimeFormat, withOffset: !sameDay);
        _html.Append(separator);
        return Time(end, sameDay ? "HH:mm" : Texts.DateTimeFormat, withOffset: true);
    }

    private HtmlWriter Time(DateTimeOffset local, string format, bool withOffset)
    {
        _html.Append("<time");
        Attribute("datetime", local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        _html.Append('>');
        Text(local.ToString(format, Texts.Culture));
        if (withOffset)
        {
            _html.Append(' ');
            Text(UtcOffsetLabel.Of(local.Offset));
        }

        _html.Append("</time>");
        return this;
    }

    public override string ToString() => _html.ToString();
}
