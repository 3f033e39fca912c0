namespace StatusKit.Audit;

/// <summary>The core's default <see cref="IAuditActorAccessor"/>: every change is made by <c>system</c>.</summary>
internal sealed class SystemAuditActorAccessor : IAuditActorAccessor
{
    public const string System = "system";

    public string? GetActor() => System;
}
