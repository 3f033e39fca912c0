using System.Text;
using System.Xml;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The history of incidents and maintenance as an Atom 1.0 feed (RFC 4287): one entry per incident (its updates) and
/// per maintenance window (its state, times, components and description), as <see cref="HistoryFeedEntries"/> chooses
/// them, each with its plain text as <c>summary type="text"</c> and its HTML (<see cref="HistoryFeedHtml"/>) as
/// <c>content type="html"</c>, the form feed readers render. Operator text goes through <see cref="XmlText.Clean"/>, so
/// a control character in it cannot break the feed.
/// </summary>
internal static class AtomFeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(PageSnapshot snapshot, IReadOnlyList<HistoryFeedEntry> entries, string pageUrl)
    {
        var updated = HistoryFeedText.Updated(snapshot, entries);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, $"urn:uuid:{snapshot.PageId}");
            xml.WriteElementString("title", AtomNamespace, XmlText.Clean($"{snapshot.Name} status history"));
            xml.WriteElementString("updated", AtomNamespace, Timestamp(updated));
            Link(xml, "self", pageUrl + "/history.atom", "application/atom+xml");
            Link(xml, "alternate", pageUrl, "text/html");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, XmlText.Clean(snapshot.Name));
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNamespace, "StatusKit");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"urn:uuid:{entry.Id}");
                xml.WriteElementString("title", AtomNamespace, XmlText.Clean(entry.Title));
                xml.WriteElementString("published", AtomNamespace, Timestamp(entry.Published));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(entry.Updated));
                Link(xml, "alternate", entry.Link, "text/html");
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Text);
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(entry.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", XmlText.Clean(href));
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset instant) => HistoryFeedText.Timestamp(instant);
}
