using System.Text;
using System.Xml;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// Operator text made fit for an XML 1.0 document: characters XML does not allow (most C0 controls, such as a pasted
/// vertical tab, lone surrogates, U+FFFE and U+FFFF) are dropped, so a feed or badge stays well-formed; tab, line
/// feed, carriage return and surrogate pairs are kept.
/// </summary>
internal static class XmlText
{
    /// <summary><paramref name="text"/> without the characters XML 1.0 does not allow (the same instance when it has none).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length - 1).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
        }

        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
