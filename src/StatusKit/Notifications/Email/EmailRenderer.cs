using System.Net;
using System.Text;
using StatusKit.Notifications.Texts;

namespace StatusKit.Notifications.Email;

/// <summary>
/// Renders a notification's plain-text and HTML bodies: the subject, then the body, which states the change (a
/// component's old and new status are in both already, so they are not repeated). Every user-provided string is
/// HTML-encoded. The email's own words (links, footer) and its <c>&lt;html lang&gt;</c> are in the notice's language
/// (<see cref="NotificationContent.Language"/>), as its subject and body are.
/// </summary>
internal static class EmailRenderer
{
    /// <summary>The subject on one line: control characters (header injection) become spaces.</summary>
    public static string Subject(NotificationContent content)
    {
        var builder = new StringBuilder(content.Subject.Length);
        foreach (var c in content.Subject)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    public static string Text(NotificationContent content, Uri? unsubscribeUrl, Uri? manageUrl = null)
    {
        var texts = NoticeTexts.For(content.Language);
        var text = new StringBuilder();
        text.Append(Subject(content)).Append("\n\n");
        if (ConfirmationLink(content) is { } confirm)
        {
            // The link is the message: said once, on a line of its own, so a mail client makes the whole of it clickable.
            text.Append(texts.Format(texts.OpenLinkToConfirm, content.PageName)).Append('\n').Append(confirm).Append("\n\n");
        }
        else
        {
            text.Append(content.Body).Append("\n\n");
            if (WebLink(content.Link) is { } link)
            {
                text.Append(texts.Format(texts.LabelledLink, LinkText(content, texts), link)).Append("\n\n");
            }
        }

        text.Append("--\n").Append(Why(content, texts)).Append('\n');
        if (ManageLink(content, manageUrl) is { } manage)
        {
            text.Append(texts.Format(texts.LabelledLink, texts.ManageSubscription, manage)).Append('\n');
        }

        if (unsubscribeUrl is not null)
        {
            text.Append(texts.Format(texts.LabelledLink, texts.Unsubscribe, unsubscribeUrl.AbsoluteUri)).Append('\n');
        }

        return text.ToString();
    }

    public static string Html(NotificationContent content, Uri? unsubscribeUrl, Uri? manageUrl = null)
    {
        var texts = NoticeTexts.For(content.Language);
        var html = new StringBuilder();
        var subject = Encode(Subject(content));
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(texts.Tag).Append("\"><head><meta charset=\"utf-8\"><title>").Append(subject).Append("</title></head>\n")
            .Append("<body style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328\">\n")
            .Append("<p style=\"color:#59636e\">").Append(Encode(content.PageName)).Append("</p>\n")
            .Append("<h1 style=\"font-size:20px\">").Append(subject).Append("</h1>\n");
        if (ConfirmationLink(content) is { } confirm)
        {
            html.Append("<p>").Append(Encode(texts.Format(texts.ToConfirmOpenLink, content.PageName))).Append("</p>\n")
                .Append("<p><a href=\"").Append(Encode(confirm)).Append("\">").Append(Encode(LinkText(content, texts))).Append("</a></p>\n");
        }
        else
        {
            foreach (var paragraph in content.Body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                html.Append("<p>").Append(Encode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
            }

            if (WebLink(content.Link) is { } link)
            {
                html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(LinkText(content, texts))).Append("</a></p>\n");
            }
        }

        html.Append("<hr>\n<p style=\"font-size:12px;color:#59636e\">").Append(Encode(Why(content, texts)));
        var manage = ManageLink(content, manageUrl);
        if (manage is not null)
        {
            html.Append(" <a href=\"").Append(Encode(manage)).Append("\">").Append(Encode(texts.ManageSubscription)).Append("</a>");
        }

        if (unsubscribeUrl is not null)
        {
            html.Append(manage is null ? " " : " \u00b7 ").Append("<a href=\"").Append(Encode(unsubscribeUrl.AbsoluteUri)).Append("\">").Append(Encode(texts.Unsubscribe)).Append("</a>");
        }

        html.Append("</p>\n</body></html>\n");
        return html.ToString();
    }

    // Where the subscriber changes its choice, next to unsubscribing: not on a confirmation request, whose reader has
    // no subscription (yet) to manage.
    private static string? ManageLink(NotificationContent content, Uri? manageUrl) =>
        content.Kind == NotificationKind.SubscriptionVerification ? null : WebLink(manageUrl?.AbsoluteUri);

    // Anyone can type an address into a page's form, so the reader of a confirmation request has not subscribed (yet).
    private static string Why(NotificationContent content, NoticeTexts texts) =>
        texts.Format(content.Kind == NotificationKind.SubscriptionVerification ? texts.WhyConfirm : texts.WhySubscribed, content.PageName);

    private static string LinkText(NotificationContent content, NoticeTexts texts) =>
        content.Kind == NotificationKind.SubscriptionVerification ? texts.ConfirmSubscription : texts.ViewItOnStatusPage;

    /// <summary>
    /// The link of a confirmation request, when it has one: its body (written for every channel) names the link too, so
    /// the email says the request in its own words instead, with the link once. Without a link (no public address: the
    /// body gives the code) the body is shown as it is.
    /// </summary>
    private static string? ConfirmationLink(NotificationContent content) =>
        content.Kind == NotificationKind.SubscriptionVerification ? WebLink(content.Link) : null;

    /// <summary>Only http(s) links are rendered, so a <c>javascript:</c> link can never reach a reader.</summary>
    private static string? WebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
