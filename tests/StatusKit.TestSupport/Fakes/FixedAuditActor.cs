using StatusKit.Audit;

namespace StatusKit.TestSupport.Fakes;

/// <summary>An <see cref="IAuditActorAccessor"/> that names the same caller for every change, as a signed-in admin would be.</summary>
public sealed class FixedAuditActor(string? name) : IAuditActorAccessor
{
    public string? GetActor() => name;
}
