namespace StatusKit;

/// <summary>Someone else changed the same thing first. Reload it and retry. Nothing was changed.</summary>
public sealed class StatusKitConcurrencyException : StatusKitException
{
    /// <summary>Creates the exception.</summary>
    public StatusKitConcurrencyException(string message)
        : base(message)
    {
    }
}
