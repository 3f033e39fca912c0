namespace StatusKit;

/// <summary>
/// Bad input: <see cref="StatusKitException.Field"/> names the field and the message says what is wrong. Nothing was
/// changed. <see cref="Code"/>, when set, says why in a form programs can branch on.
/// </summary>
public sealed class StatusKitValidationException : StatusKitException
{
    /// <summary>Creates the exception for <paramref name="field"/>, without a <see cref="Code"/>.</summary>
    public StatusKitValidationException(string field, string message)
        : this(field, message, null)
    {
    }

    /// <summary>Creates the exception for <paramref name="field"/> with a machine-readable reason (one of <see cref="ValidationCodes"/>, or null).</summary>
    public StatusKitValidationException(string field, string message, string? code)
        : base(message, field ?? throw new ArgumentNullException(nameof(field)))
    {
        Code = code;
    }

    /// <summary>
    /// Why the input is refused, as one of the stable <see cref="ValidationCodes"/> (such as
    /// <c>destination.invalidEmail</c>), or null when the refusal has no code of its own; the message, English, is for
    /// people.
    /// </summary>
    public string? Code { get; }
}
