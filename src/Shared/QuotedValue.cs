namespace StatusKit.Shared;

/// <summary>
/// A value a client sent, to quote in a refusal's detail: whole when short (every value a parameter takes is), else
/// its first <see cref="MaxLength"/> characters and an ellipsis, so a problem never echoes a long URL back at length.
/// One helper for the core's refusals and the web layer's, so every route cuts alike. Compiled into each StatusKit
/// assembly that needs it (shared source, internal).
/// </summary>
internal static class QuotedValue
{
    /// <summary>The most characters quoted.</summary>
    public const int MaxLength = 40;

    /// <summary><paramref name="value"/>, cut to <see cref="MaxLength"/> characters and an ellipsis when longer; empty for null.</summary>
    public static string Of(string? value) =>
        value is null ? string.Empty
        : value.Length <= MaxLength ? value
        : string.Concat(value.AsSpan(0, char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength), "…");

    /// <summary><paramref name="value"/>, cut as <see cref="Of(string?)"/> cuts: for the parsers, which hold a piece of a value as a span.</summary>
    public static string Of(ReadOnlySpan<char> value) =>
        Of(value.Length <= MaxLength ? value.ToString() : value[..(MaxLength + 1)].ToString());
}
