using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Email;

/// <summary>
/// Writes each email as an .eml file (RFC 5322, the format an SMTP pickup directory uses) into a folder instead of
/// sending it: for development, the sample host and tests.
/// </summary>
public sealed class PickupDirectoryEmailSender : IEmailSender
{
    private readonly PickupDirectoryEmailSenderOptions _options;

    /// <summary>Creates the sender.</summary>
    public PickupDirectoryEmailSender(IOptions<PickupDirectoryEmailSenderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var directory = Path.GetFullPath(_options.Directory);
        Directory.CreateDirectory(directory);
        using var mail = MailMessageFactory.Create(message);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = directory,
            DeliveryFormat = SmtpDeliveryFormat.International,
        };
        await client.SendMailAsync(mail, cancellationToken);
    }
}
