using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.Notifications.Email;

/// <summary>
/// Sends notifications as multipart/alternative emails (plain text and HTML) through an <see cref="IEmailSender"/>, with
/// one-click unsubscribe headers (RFC 8058) when the message has an unsubscribe link. One attempt per call.
/// </summary>
public sealed class EmailNotifier : INotifier
{
    /// <summary>The header that carries the notification id, so receivers and support can de-duplicate.</summary>
    public const string NotificationIdHeader = "X-StatusKit-Notification-Id";

    private readonly IEmailSender _sender;
    private readonly EmailNotifierOptions _options;
    private readonly string _messageIdHost;
    private readonly ILogger<EmailNotifier> _logger;

    /// <summary>Creates the notifier.</summary>
    public EmailNotifier(IEmailSender sender, IOptions<EmailNotifierOptions> options, ILogger<EmailNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sender = sender;
        _options = options.Value;
        // The sender's domain, the right-hand side of every Message-ID (From is validated at start-up).
        _messageIdHost = MailAddress.TryCreate(_options.From, out var from) ? from.Host : "statuskit.invalid";
        _logger = logger;
    }

    /// <inheritdoc />
    public SubscriberChannel Channel => SubscriberChannel.Email;

    /// <inheritdoc />
    public async Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (!MailAddress.TryCreate(message.Subscriber.Destination, out var to))
        {
            return Failed(message, NotificationResult.Permanent("The subscriber's destination is not a valid email address.").AtDestination());
        }

        var email = Render(message, to.Address);
        // Only an address or a mailbox the server refuses is the subscriber's failure; the mail server, the pickup
        // folder and the sender itself are the host's, so their failures stay unmarked (an error when dead-lettered).
        try
        {
            await _sender.SendAsync(email, cancellationToken);
        }
        catch (SmtpFailedRecipientException ex) when (IsMailboxRefused(ex))
        {
            return Failed(message, NotificationResult.Permanent($"The recipient's mailbox was refused ({ex.StatusCode}): {Masked(ex.Message, to)}").AtDestination());
        }
        catch (SmtpException ex) when (IsInternationalAddressRefused(ex, to))
        {
            return Failed(message, NotificationResult.Permanent(
                "The mail server does not take an address with characters beyond ASCII before the @ (it does not offer SMTPUTF8).").AtDestination());
        }
        catch (SmtpException ex)
        {
            return Failed(message, NotificationResult.Retry($"The mail server failed ({ex.StatusCode}): {Masked(ex.Message, to)}"));
        }
        catch (IOException ex)
        {
            return Failed(message, NotificationResult.Retry($"Writing the email failed: {ex.Message}"));
        }
        catch (TimeoutException ex)
        {
            return Failed(message, NotificationResult.Retry(ex.Message));
        }

        Log.Sent(_logger, message.NotificationId, message.Subscriber.Id);
        return NotificationResult.Delivered;
    }

    private EmailMessage Render(NotificationMessage message, string to)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [NotificationIdHeader] = message.NotificationId.ToString(),
            // One per notice, the same on each attempt, so a client recognises a message sent twice (RFC 5322 3.6.4).
            ["Message-ID"] = $"<{message.NotificationId:N}@{_messageIdHost}>",
            ["Auto-Submitted"] = "auto-generated",
        };
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            headers["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        return new EmailMessage
        {
            From = _options.From,
            To = to,
            Subject = EmailRenderer.Subject(message.Content),
            TextBody = EmailRenderer.Text(message.Content, message.UnsubscribeUrl, message.ManageUrl),
            HtmlBody = EmailRenderer.Html(message.Content, message.UnsubscribeUrl, message.ManageUrl),
            Headers = headers,
        };
    }

    // System.Net.Mail's refusal of an address it cannot send: before the @ it holds more than ASCII, and the server does
    // not offer SMTPUTF8 (or the sender is set to 7-bit delivery). It is the address's, whatever is retried.
    private static bool IsInternationalAddressRefused(SmtpException exception, MailAddress to) =>
        !System.Text.Ascii.IsValid(to.User) && exception.InnerException is null && exception.Message.Contains("ASCII", StringComparison.Ordinal);

    // The delivery log leaves out the destination: a server's words that quote the address do not bring it back.
    private static string Masked(string error, MailAddress to) =>
        error.Replace(to.Address, "the subscriber's address", StringComparison.OrdinalIgnoreCase);

    private static bool IsMailboxRefused(SmtpFailedRecipientException exception) =>
        exception is SmtpFailedRecipientsException { InnerExceptions.Length: > 0 } many
            ? many.InnerExceptions.All(IsMailboxRefusedCode)
            : IsMailboxRefusedCode(exception);

    private static bool IsMailboxRefusedCode(SmtpFailedRecipientException exception) => exception.StatusCode is
        SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed or SmtpStatusCode.UserNotLocalTryAlternatePath;

    private NotificationResult Failed(NotificationMessage message, NotificationResult result)
    {
        Log.Failed(_logger, message.NotificationId, message.Subscriber.Id, result.Kind, message.Attempt, result.Error);
        return result;
    }
}
