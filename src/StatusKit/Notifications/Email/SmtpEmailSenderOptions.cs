namespace StatusKit.Notifications.Email;

/// <summary>Options of the <see cref="SmtpEmailSender"/>.</summary>
public sealed class SmtpEmailSenderOptions
{
    /// <summary>The SMTP server's host name. Default: <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The SMTP server's port. Default: 587 (submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// Whether the connection is upgraded with STARTTLS before anything is sent. Implicit TLS (port 465) is not
    /// supported by <see cref="System.Net.Mail.SmtpClient"/>. Default: <see langword="true"/>.
    /// </summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>The user name to authenticate with; null to send without authenticating. Default: null.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>. Default: null.</summary>
    public string? Password { get; set; }

    /// <summary>How long one send may take, connect to QUIT. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
