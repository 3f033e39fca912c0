namespace StatusKit;

/// <summary>The change would break a uniqueness rule (a slug, a component name, a subscription). Nothing was changed.</summary>
public sealed class StatusKitConflictException : StatusKitException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public StatusKitConflictException(string field, string message)
        : base(message, field)
    {
    }
}
