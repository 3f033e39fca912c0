namespace StatusKit.Audit;

/// <summary>
/// Names who is making the current change, for the audit log. With none registered, every change is made by
/// <c>system</c>; <c>AddStatusPageEndpoints()</c> registers one that names the authenticated user of the current request,
/// unless the host registered its own first. A host registers its own (before <c>AddStatusPageEndpoints()</c>, or after
/// it: the last registration wins) to name callers its own way. It is called on the caller's async flow, right after the
/// change.
/// </summary>
public interface IAuditActorAccessor
{
    /// <summary>The current actor's name (a blank or null one is recorded as <c>system</c>; a longer one is cut to 200 characters).</summary>
    string? GetActor();
}
