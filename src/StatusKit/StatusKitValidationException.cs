namespace StatusKit;

/// <summary>Bad input: <see cref="StatusKitException.Field"/> names the field and the message says what is wrong. Nothing was changed.</summary>
public sealed class StatusKitValidationException : StatusKitException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public StatusKitValidationException(string field, string message)
        : base(message, field ?? throw new ArgumentNullException(nameof(field)))
    {
    }
}
