using StatusKit.AspNetCore.Subscriptions;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's "Subscribe to updates" form: closed until opened (a <c>details</c> element, no script), it posts the
/// fields <c>POST subscriptions</c> reads (channel, destination, notifyOn, components), and the route answers the
/// browser with a page. Nothing ticked under "Only some components" means all of them, as in the API; nothing ticked
/// under "Tell me about" is refused (the form sends one empty <c>notifyOn</c>, so the route tells the two apart).
/// </summary>
internal static class SubscribeForm
{
    private static readonly (string Value, string Label)[] Events =
    [
        ("degraded", "Degraded performance"),
        ("outage", "Outages"),
        ("maintenance", "Maintenance"),
        ("resolved", "Back to operational"),
    ];

    public static void Write(HtmlWriter html, PageView view)
    {
        if (view.SubscribeChannels.Count == 0)
        {
            return;
        }

        html.Raw("<details class=\"subscribe\" id=\"subscribe\"><summary>Subscribe to updates</summary>")
            .Raw("<form method=\"post\"").Attribute("action", view.Links.To("/subscriptions")).Raw(">")
            .Raw("<fieldset><legend>Send updates by</legend>");
        for (var i = 0; i < view.SubscribeChannels.Count; i++)
        {
            var channel = view.SubscribeChannels[i];
            html.Raw("<label><input type=\"radio\" name=\"channel\"").Attribute("value", ChannelNames.Of(channel)).Raw(i == 0 ? " checked>" : ">")
                .Text(" " + Label(channel)).Raw("</label>");
        }

        html.Raw("</fieldset>")
            .Raw("<label for=\"subscribe-destination\">").Text(DestinationLabel(view.SubscribeChannels)).Raw("</label>")
            .Raw("<input id=\"subscribe-destination\" name=\"destination\" required maxlength=\"2048\"")
            .Raw(view.SubscribeChannels[0] == SubscriberChannel.Email ? " autocomplete=\"email\">" : ">")
            .Raw("<fieldset><legend>Tell me about</legend><input type=\"hidden\" name=\"notifyOn\" value=\"\">");
        foreach (var (value, label) in Events)
        {
            html.Raw("<label><input type=\"checkbox\" name=\"notifyOn\"").Attribute("value", value).Raw(" checked>").Text(" " + label).Raw("</label>");
        }

        html.Raw("</fieldset>");
        // Only the components the page shows: one shown only while degraded is not named while it is operational. In a
        // container with a fixed id that is there even when the list is empty, which the live script replaces when the
        // fetched page lists other components (its data-layout), keeping what the reader ticked and opened (by id).
        var shown = view.Snapshot.Components.Where(c => c.IsShown).ToList();
        html.Raw("<div id=\"subscribe-components\"").Attribute("data-layout", ComponentLayout.OfChoices(shown)).Raw(">");
        Components(html, shown);
        html.Raw("</div>");
        html.Raw("<button type=\"submit\">Subscribe</button>")
            .Element("p", "We send a message to confirm first; nothing arrives until you confirm it.", "meta")
            .Raw("</form></details>");
    }

    private static void Components(HtmlWriter html, IReadOnlyList<ComponentSnapshot> components)
    {
        if (components.Count == 0)
        {
            return;
        }

        html.Raw("<details class=\"some\" id=\"subscribe-some\"><summary>Only some components</summary><fieldset><legend>Components (none ticked: all of them)</legend>");
        foreach (var component in components)
        {
            var name = component.GroupName is null ? component.Name : $"{component.GroupName}: {component.Name}";
            html.Raw("<label><input type=\"checkbox\"").Attribute("id", "subscribe-component-" + component.Id).Raw(" name=\"components\"")
                .Attribute("value", component.Id.ToString()).Raw(">").Text(" " + name).Raw("</label>");
        }

        html.Raw("</fieldset></details>");
    }

    private static string Label(SubscriberChannel channel) => channel switch
    {
        SubscriberChannel.Email => "Email",
        SubscriberChannel.Slack => "Slack (incoming webhook URL)",
        _ => "Webhook (HTTPS URL)",
    };

    private static string DestinationLabel(IReadOnlyList<SubscriberChannel> channels) =>
        channels.All(c => c == SubscriberChannel.Email) ? "Email address"
        : channels.Contains(SubscriberChannel.Email) ? "Email address or URL"
        : "URL";
}
