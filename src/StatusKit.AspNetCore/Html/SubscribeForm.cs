using StatusKit.AspNetCore.Texts;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's "Subscribe to updates" form: closed until opened (a <c>details</c> element, no script), it posts the
/// fields <c>POST subscriptions</c> reads (channel, destination, notifyOn, components), and the route answers the
/// browser with a page. Nothing ticked under "Only some components" means all of them, as in the API; nothing ticked
/// under "Tell me about" is refused (the form sends one empty <c>notifyOn</c>, so the route tells the two apart). The
/// events and components are the pieces the page that changes a subscription shows too, ticked as the subscriber chose
/// (<see cref="Subscriptions.ManagePage"/>).
/// </summary>
internal static class SubscribeForm
{
    private static readonly (string Value, Func<PageTexts, string> Label, NotificationEvents Event)[] Events =
    [
        ("degraded", static t => t.EventDegraded, NotificationEvents.Degraded),
        ("outage", static t => t.EventOutage, NotificationEvents.Outage),
        ("maintenance", static t => t.EventMaintenance, NotificationEvents.Maintenance),
        ("resolved", static t => t.EventResolved, NotificationEvents.Resolved),
    ];

    public static void Write(HtmlWriter html, PageView view)
    {
        if (view.SubscribeChannels.Count == 0)
        {
            return;
        }

        Open(html, html.Texts.SubscribeToUpdates, view.Links, view.SubscribeChannels);
        EventChoices(html, NotificationEvents.All);
        // Only the components the page shows: one shown only while degraded is not named while it is operational. In a
        // container with a fixed id that is there even when the list is empty, which the live script replaces when the
        // fetched page lists other components (its data-layout), keeping what the reader ticked and opened (by id).
        var shown = view.Snapshot.Components.Where(c => c.IsShown).ToList();
        html.Raw("<div id=\"subscribe-components\"").Attribute("data-layout", ComponentLayout.OfChoices(shown)).Raw(">");
        ComponentChoices(html, shown, []);
        html.Raw("</div>");
        Close(html);
    }

    /// <summary>
    /// An incident's own "Get updates on this incident" form: the page form's channels and destination, and the
    /// incident's id (<c>incident</c>) instead of events and components, which a subscription to one incident has none
    /// of. Only while the incident is unresolved, and only where the page's form is offered (<paramref name="channels"/>
    /// not empty).
    /// </summary>
    public static void WriteForIncident(HtmlWriter html, StatusIncident incident, IReadOnlyList<SubscriberChannel> channels, PageLinks links)
    {
        if (channels.Count == 0 || !incident.IsUnresolved)
        {
            return;
        }

        Open(html, html.Texts.GetUpdatesOnIncident, links, channels);
        html.Raw("<input type=\"hidden\" name=\"incident\"").Attribute("value", incident.Id.ToString()).Raw(">");
        Close(html);
    }

    // The form's start: closed under its summary, posting to the page's subscriptions, with the channels and destination.
    private static void Open(HtmlWriter html, string summary, PageLinks links, IReadOnlyList<SubscriberChannel> channels)
    {
        html.Raw("<details class=\"subscribe\" id=\"subscribe\"><summary>").Text(summary).Raw("</summary>")
            .Raw("<form method=\"post\"").Attribute("action", links.To("/subscriptions")).Raw(">")
            .Raw("<fieldset><legend>").Text(html.Texts.SendUpdatesBy).Raw("</legend>");
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            html.Raw("<label><input type=\"radio\" name=\"channel\"").Attribute("value", ChannelNames.Of(channel)).Raw(i == 0 ? " checked>" : ">")
                .Text(" " + html.Texts.Channel(channel)).Raw("</label>");
        }

        html.Raw("</fieldset>")
            .Raw("<label for=\"subscribe-destination\">").Text(DestinationLabel(html.Texts, channels)).Raw("</label>")
            .Raw("<input id=\"subscribe-destination\" name=\"destination\" required maxlength=\"2048\"")
            .Raw(channels[0] == SubscriberChannel.Email ? " autocomplete=\"email\">" : ">");
    }

    private static void Close(HtmlWriter html) =>
        html.Raw("<button type=\"submit\">").Text(html.Texts.Subscribe).Raw("</button>")
            .Element("p", html.Texts.ConfirmFirst, "meta")
            .Raw("</form></details>");

    /// <summary>
    /// The "Tell me about" fieldset: a checkbox per event (<c>notifyOn</c>), those in <paramref name="ticked"/> ticked,
    /// after one empty <c>notifyOn</c> that tells a form with every event unticked from one without the field.
    /// </summary>
    public static void EventChoices(HtmlWriter html, NotificationEvents ticked)
    {
        html.Raw("<fieldset><legend>").Text(html.Texts.TellMeAbout).Raw("</legend><input type=\"hidden\" name=\"notifyOn\" value=\"\">");
        foreach (var (value, label, flag) in Events)
        {
            html.Raw("<label><input type=\"checkbox\" name=\"notifyOn\"").Attribute("value", value).Raw(ticked.HasFlag(flag) ? " checked>" : ">")
                .Text(" " + label(html.Texts)).Raw("</label>");
        }

        html.Raw("</fieldset>");
    }

    /// <summary>
    /// The "Only some components" list: a checkbox per component (<c>components</c>), those in <paramref name="ticked"/>
    /// ticked and the list open when any is; nothing when there are no components.
    /// </summary>
    public static void ComponentChoices(HtmlWriter html, IReadOnlyList<ComponentSnapshot> components, IReadOnlyCollection<Guid> ticked)
    {
        if (components.Count == 0)
        {
            return;
        }

        html.Raw(ticked.Count == 0 ? "<details class=\"some\" id=\"subscribe-some\">" : "<details class=\"some\" id=\"subscribe-some\" open>")
            .Raw("<summary>").Text(html.Texts.OnlySomeComponents).Raw("</summary><fieldset><legend>").Text(html.Texts.ComponentsNoneTicked).Raw("</legend>");
        foreach (var component in components)
        {
            var name = component.GroupName is null ? component.Name : $"{component.GroupName}: {component.Name}";
            html.Raw("<label><input type=\"checkbox\"").Attribute("id", "subscribe-component-" + component.Id).Raw(" name=\"components\"")
                .Attribute("value", component.Id.ToString()).Raw(ticked.Contains(component.Id) ? " checked>" : ">").Text(" " + name).Raw("</label>");
        }

        html.Raw("</fieldset></details>");
    }

    // What the channels offered take, in the order email, phone number, URL: "Email address, phone number or URL".
    private static string DestinationLabel(PageTexts texts, IReadOnlyList<SubscriberChannel> channels)
    {
        var kinds = new List<string>(3);
        if (channels.Contains(SubscriberChannel.Email))
        {
            kinds.Add(texts.EmailAddress);
        }

        if (channels.Contains(SubscriberChannel.Sms))
        {
            kinds.Add(texts.PhoneNumber);
        }

        if (channels.Any(c => c is not (SubscriberChannel.Email or SubscriberChannel.Sms)))
        {
            kinds.Add(texts.Url);
        }

        var label = kinds.Count == 1 ? kinds[0] : texts.Format(texts.Or, string.Join(", ", kinds.Take(kinds.Count - 1)), kinds[^1]);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }
}
