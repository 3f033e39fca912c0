using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Email;

/// <summary>
/// Sends email through an SMTP server with <see cref="SmtpClient"/> (one connection per message). SmtpClient is
/// documented as "not recommended for new development" because it lacks modern protocols; it is enough for submission
/// to a relay with STARTTLS, and keeps the core package free of third-party dependencies.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpEmailSenderOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the sender.</summary>
    public SmtpEmailSender(IOptions<SmtpEmailSenderOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <exception cref="TimeoutException">The server did not finish within <see cref="SmtpEmailSenderOptions.Timeout"/>.</exception>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = MailMessageFactory.Create(message);
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            // An address with characters beyond ASCII before the @ goes out where the server takes it (SMTPUTF8).
            DeliveryFormat = SmtpDeliveryFormat.International,
            Timeout = (int)_options.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        // SmtpClient.Timeout covers only the synchronous Send; the asynchronous send is bounded here.
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await client.SendMailAsync(mail, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SmtpException && linked.IsCancellationRequested)
        {
            // SmtpClient reports a cancelled send as an SmtpException ("Failure sending mail") around the cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"The SMTP server {_options.Host}:{_options.Port} did not accept the message within {_options.Timeout.TotalSeconds:0.###} s.",
                ex);
        }
    }
}
