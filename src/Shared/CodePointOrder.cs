namespace StatusKit.Shared;

/// <summary>
/// Orders strings by Unicode code point: what SQLite's <c>BINARY</c> collation and PostgreSQL's <c>"C"</c> collation
/// give for UTF-8 text (their bytes compare in code-point order). Ordinal UTF-16 comparison differs only where a
/// surrogate pair (U+10000 and above) meets a character from U+E000 to U+FFFF, which it puts first. Compiled into each
/// StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class CodePointOrder
{
    public static int Compare(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length)
        {
            return left.Length.CompareTo(right.Length);
        }

        return Weight(left[common]).CompareTo(Weight(right[common]));
    }

    // Surrogates (U+D800-U+DFFF) start code points above U+FFFF: move them past U+E000-U+FFFF.
    private static int Weight(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
