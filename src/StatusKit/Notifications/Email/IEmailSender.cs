namespace StatusKit.Notifications.Email;

/// <summary>Hands a finished email to a mail system. The <see cref="EmailNotifier"/> sends through it.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>. Throws <see cref="System.Net.Mail.SmtpException"/>,
    /// <see cref="IOException"/> or <see cref="TimeoutException"/> for failures worth retrying, and
    /// <see cref="System.Net.Mail.SmtpFailedRecipientException"/> when the recipient's mailbox is refused.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
