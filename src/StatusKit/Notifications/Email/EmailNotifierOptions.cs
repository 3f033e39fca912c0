namespace StatusKit.Notifications.Email;

/// <summary>Options of the <see cref="EmailNotifier"/>.</summary>
public sealed class EmailNotifierOptions
{
    /// <summary>
    /// The sender of every notification, as an address or <c>Display Name &lt;address&gt;</c>. Default: none, must be
    /// set (for example <c>Example Status &lt;status@example.com&gt;</c>).
    /// </summary>
    public string From { get; set; } = string.Empty;
}
