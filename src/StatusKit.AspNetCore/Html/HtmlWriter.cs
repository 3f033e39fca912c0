using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using StatusKit.AspNetCore.Texts;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// A minimal HTML writer: markup goes in through <see cref="Raw(string)"/> (constant strings of this assembly only), and
/// every value from outside goes through <see cref="Text(string)"/> or <see cref="Attribute(string, string)"/>, which HTML-encode it. Times are
/// written in the language of its <see cref="Texts"/> (English by default). The characters go into one buffer from the
/// shared array pool, grown by doubling, and values are encoded straight into it: a 2 MB page costs its buffer (returned
/// by <see cref="Dispose"/>) and the one string or UTF-8 array it ends as, not a builder's chunks and a string per value.
/// </summary>
internal sealed class HtmlWriter : IDisposable
{
    // Beyond English, letters outside ASCII are written as they are (the documents are UTF-8), so "Störung" reads as
    // such in the source too; markup characters are encoded all the same. English keeps the default encoder, and so
    // every byte it has always written.
    private static readonly HtmlEncoder AnyLetterEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly HtmlEncoder _encoder;
    private char[] _buffer;
    private int _length;

    public HtmlWriter()
        : this(PageTexts.English)
    {
    }

    /// <summary>A writer in <paramref name="texts"/>' language, whose buffer starts at <paramref name="capacity"/> characters.</summary>
    public HtmlWriter(PageTexts texts, int capacity = 16 * 1024)
    {
        Texts = texts;
        _encoder = ReferenceEquals(texts, PageTexts.English) ? HtmlEncoder.Default : AnyLetterEncoder;
        _buffer = ArrayPool<char>.Shared.Rent(capacity);
    }

    /// <summary>The texts of the page being written, whose culture and formats its times take.</summary>
    public PageTexts Texts { get; }

    public HtmlWriter Raw(string markup) => Raw(markup.AsSpan());

    /// <summary>Writes <paramref name="markup"/> as it is (made of this assembly's constant markup).</summary>
    public HtmlWriter Raw(ReadOnlySpan<char> markup)
    {
        markup.CopyTo(Free(markup.Length));
        _length += markup.Length;
        return this;
    }

    /// <summary>Writes encoded text content.</summary>
    public HtmlWriter Text(string? text) => Text(text.AsSpan());

    /// <summary>Writes encoded text content.</summary>
    public HtmlWriter Text(ReadOnlySpan<char> text)
    {
        // Encoded into the buffer's free space, grown while it is too small (a character encodes to at most 10, "&#x10FFFF;").
        while (!text.IsEmpty)
        {
            var status = _encoder.Encode(text, _buffer.AsSpan(_length), out var consumed, out var written, isFinalBlock: true);
            _length += written;
            text = text[consumed..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            Free(Math.Max(text.Length, 16));
        }

        return this;
    }

    /// <summary>Writes <c> name="value"</c> with the value encoded.</summary>
    public HtmlWriter Attribute(string name, string? value) => Attribute(name, value.AsSpan());

    /// <summary>Writes <c> name="value"</c> with the value encoded.</summary>
    public HtmlWriter Attribute(string name, ReadOnlySpan<char> value) => Raw(" ").Raw(name).Raw("=\"").Text(value).Raw("\"");

    /// <summary>Writes <c>&lt;tag attrs&gt;text&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Element(string tag, string? text, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    /// <summary>
    /// Writes encoded text that goes on with a new sentence (<c>". Incidents: "</c>), leaving its full stop out when what
    /// was written last already ends in one: an abbreviation such as the German "Min." ends the sentence before it.
    /// </summary>
    public HtmlWriter NextSentence(string text) =>
        text.StartsWith(". ", StringComparison.Ordinal) && _length > 0 && _buffer[_length - 1] == '.' ? Text(text.AsSpan(1)) : Text(text);

    /// <summary>
    /// Writes plain text with its line breaks, as an operator typed it into an incident update or a description: each
    /// line encoded and trimmed, a <c>&lt;br&gt;</c> between lines, and two between paragraphs (separated by blank lines;
    /// <see cref="PlainTextParagraphs"/>). Line endings of any kind become markup, never a character reference.
    /// </summary>
    public HtmlWriter Lines(string text)
    {
        var paragraphs = PlainTextParagraphs.Split(text);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            Raw(p == 0 ? "" : "<br><br>");
            for (var l = 0; l < paragraphs[p].Count; l++)
            {
                Raw(l == 0 ? "" : "<br>").Text(paragraphs[p][l]);
            }
        }

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
        Raw(separator);
        return Time(end, sameDay ? "HH:mm" : Texts.DateTimeFormat, withOffset: true);
    }

    private HtmlWriter Time(DateTimeOffset local, string format, bool withOffset)
    {
        Span<char> scratch = stackalloc char[64];
        Raw("<time");
        Attribute("datetime", local.TryFormat(scratch, out var written, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            ? scratch[..written]
            : local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        Raw(">");
        Text(local.TryFormat(scratch, out written, format, Texts.Culture) ? scratch[..written] : local.ToString(format, Texts.Culture));
        if (withOffset)
        {
            Raw(" ");
            Text(UtcOffsetLabel.Of(local.Offset));
        }

        return Raw("</time>");
    }

    /// <summary>What was written.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>What was written, in UTF-8: the bytes a route sends, without a string in between.</summary>
    public byte[] ToUtf8()
    {
        var written = _buffer.AsSpan(0, _length);
        var bytes = new byte[Encoding.UTF8.GetByteCount(written)];
        Encoding.UTF8.GetBytes(written, bytes);
        return bytes;
    }

    /// <summary>Returns the buffer to the pool; the writer is empty after it.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // The buffer's free space, at least length characters of it: the buffer is doubled (or more) into a larger one from
    // the pool when it has less.
    private Span<char> Free(int length)
    {
        if (_buffer.Length - _length < length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            if (_buffer.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        return _buffer.AsSpan(_length);
    }
}
