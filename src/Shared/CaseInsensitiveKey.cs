namespace StatusKit.Shared;

/// <summary>
/// When two names (component names, email destinations) are the same ignoring case: when their invariant upper-case
/// forms are equal, code unit for code unit. The Entity Framework Core store keeps that form in an indexed key column,
/// and the in-memory store and the services compare by it too, so a name taken in one store is taken in all (a
/// <see cref="StringComparison.OrdinalIgnoreCase"/> comparison differs in a few characters, such as U+017F, long s,
/// which upper-cases to <c>S</c>). Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class CaseInsensitiveKey
{
    /// <summary>The form stored in a key column.</summary>
    public static string Of(string text) => text.ToUpperInvariant();

    /// <summary>Whether <paramref name="left"/> and <paramref name="right"/> have the same key.</summary>
    public static bool Same(string left, string right) =>
        string.Equals(left, right, StringComparison.Ordinal) || string.Equals(Of(left), Of(right), StringComparison.Ordinal);
}
