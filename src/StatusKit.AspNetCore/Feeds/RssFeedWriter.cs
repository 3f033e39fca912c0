using System.Globalization;
using System.Text;
using System.Xml;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The history of incidents and maintenance as an RSS 2.0 feed, for the readers and chat integrations that take RSS
/// rather than Atom: the same entries as <see cref="AtomFeedWriter"/> in the same order, one item each, its
/// <c>description</c> the same HTML as the Atom entry's content (<see cref="HistoryFeedHtml"/>, escaped as RSS readers
/// expect), and the same <c>urn:uuid:</c> ids as its guids. Dates are RFC 822 dates in GMT, as RSS requires; the
/// channel names its own address in an <c>atom:link</c>, as RSS validators ask.
/// </summary>
internal static class RssFeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(PageSnapshot snapshot, IReadOnlyList<HistoryFeedEntry> entries, string pageUrl)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", XmlText.Clean($"{snapshot.Name} status history"));
            xml.WriteElementString("link", XmlText.Clean(pageUrl));
            xml.WriteElementString("description", XmlText.Clean($"Incidents and maintenance of {snapshot.Name}, latest change first"));
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteAttributeString("href", XmlText.Clean(pageUrl + "/history.rss"));
            xml.WriteEndElement();
            xml.WriteElementString("lastBuildDate", Date(HistoryFeedText.Updated(snapshot, entries)));
            xml.WriteElementString("generator", "StatusKit");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", XmlText.Clean(entry.Title));
                xml.WriteElementString("link", XmlText.Clean(entry.Link));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString($"urn:uuid:{entry.Id}");
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", Date(entry.Published));
                xml.WriteElementString("description", entry.Html);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>An RFC 822 date (RFC 1123's four-digit year), in GMT.</summary>
    private static string Date(DateTimeOffset instant) => instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
}
