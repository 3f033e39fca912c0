namespace StatusKit.Notifications.Email;

/// <summary>Options of the <see cref="PickupDirectoryEmailSender"/>.</summary>
public sealed class PickupDirectoryEmailSenderOptions
{
    /// <summary>The folder the .eml files are written to; created when missing. Default: none, must be set.</summary>
    public string Directory { get; set; } = string.Empty;
}
