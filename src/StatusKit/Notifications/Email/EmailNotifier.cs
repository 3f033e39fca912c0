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
    private readonly ILogger<EmailNotifier> _logger;

    /// <summary>Creates the notifier.</summary>
    public EmailNotifier(IEmailSender sender, IOptions<EmailNotifierOptions> options, ILogger<EmailNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _sender = sender;
        _options = options.Value;
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
            return Failed(message, NotificationResult.Permanent($"The recipient's mailbox was refused ({ex.StatusCode}): {ex.Message}").AtDestination());
        }
        catch (SmtpException ex)
        {
            return Failed(message, NotificationResult.Retry($"The mail server failed ({ex.StatusCode}): {ex.Message}"));
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
