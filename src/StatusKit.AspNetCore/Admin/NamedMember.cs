namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// A PATCH body member that tells <c>null</c> named in the body from a member left out: the JSON reader runs a
/// property's setter only for a member the body names, so a property that keeps its value here (<c>init =&gt; _x = new(value)</c>)
/// is <see cref="IsNamed"/> exactly when the body named it, whatever its value; the default is a member left out.
/// </summary>
internal readonly record struct NamedMember<T>(T Value)
{
    /// <summary>Whether the body named the member (false for the default, a member left out).</summary>
    public bool IsNamed { get; } = true;
}
