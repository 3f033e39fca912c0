namespace StatusKit.Audit;

/// <summary>
/// Names who is making the current change, for the audit log. The core's default answers <c>system</c>;
/// StatusKit.AspNetCore registers one that names the authenticated user of the current request. A host registers its
/// own before <c>AddStatusPages()</c> to name callers its own way (it is called on the caller's async flow, right after
/// the change).
/// </summary>
public interface IAuditActorAccessor
{
    /// <summary>The current actor's name (a blank or null one is recorded as <c>system</c>; a longer one is cut to 200 characters).</summary>
    string? GetActor();
}
