using System.Text;
using System.Xml;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The incident history as an Atom 1.0 feed (RFC 4287): one entry per incident, its updates as the content. Operator text
/// goes through <see cref="XmlText.Clean"/>, so a control character in it cannot break the feed.
/// </summary>
internal static class AtomFeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static byte[] Write(PageSnapshot snapshot, IReadOnlyList<StatusIncident> incidents, string pageUrl)
    {
        var updated = HistoryFeedText.Updated(snapshot, incidents);
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
            foreach (var incident in incidents)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"urn:uuid:{incident.Id}");
                xml.WriteElementString("title", AtomNamespace, XmlText.Clean(incident.Title));
                xml.WriteElementString("published", AtomNamespace, Timestamp(incident.CreatedAt));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(incident.UpdatedAt));
                Link(xml, "alternate", PagePaths.Incident(pageUrl, incident.Id), "text/html");
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(HistoryFeedText.Timeline(incident));
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
