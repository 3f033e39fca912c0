using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace StatusKit.Notifications.Email;

/// <summary>
/// Turns an <see cref="EmailMessage"/> into a <see cref="MailMessage"/> (UTF-8, base64 bodies whose lines end in CRLF,
/// the canonical form of text in MIME, RFC 2046 4.1.1).
/// </summary>
internal static class MailMessageFactory
{
    public static MailMessage Create(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new MailMessage
        {
            From = new MailAddress(message.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            mail.To.Add(new MailAddress(message.To));
            if (message.HtmlBody is null)
            {
                mail.Body = Canonical(message.TextBody);
                mail.BodyEncoding = Encoding.UTF8;
                mail.BodyTransferEncoding = TransferEncoding.Base64;
            }
            else
            {
                mail.AlternateViews.Add(View(message.TextBody, MediaTypeNames.Text.Plain));
                mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
            }

            foreach (var (name, value) in message.Headers)
            {
                mail.Headers.Add(name, value);
            }

            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    private static string Canonical(string text) => text.ReplaceLineEndings("\r\n");

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(Canonical(content), Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
