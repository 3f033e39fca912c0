namespace StatusKit.AspNetCore;

/// <summary>
/// A value a client sent, to quote in a refusal's detail: whole when short (every value a parameter takes is), else
/// its first <see cref="MaxLength"/> characters and an ellipsis, so a problem never echoes a long URL back at length.
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
}
