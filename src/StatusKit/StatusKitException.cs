namespace StatusKit;

/// <summary>The base of every exception StatusKit throws on purpose. <see cref="Field"/> names the offending input, if any.</summary>
public class StatusKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StatusKitException(string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Field = field;
    }

    /// <summary>The input field the error is about (camelCase, as in the JSON API), or null.</summary>
    public string? Field { get; }
}
