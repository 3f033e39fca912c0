namespace StatusKit;

/// <summary>
/// The change conflicts with what is stored: it would break a uniqueness rule (a slug, a component name, a subscription),
/// or the resource's state refuses it (a completed maintenance window cannot be cancelled, started or changed; an ended
/// subscription cannot be changed). Nothing was changed. The admin API answers it with 409 Conflict.
/// </summary>
public sealed class StatusKitConflictException : StatusKitException
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public StatusKitConflictException(string field, string message)
        : base(message, field)
    {
    }
}
