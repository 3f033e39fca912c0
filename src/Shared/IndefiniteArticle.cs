namespace StatusKit.Shared;

/// <summary>
/// A noun of StatusKit's messages with its indefinite article: "an incident template", "an email subscriber",
/// "a component". The nouns are StatusKit's own (resource and channel names), so their first letter decides, but for
/// <c>sms</c>, said letter by letter.
/// </summary>
internal static class IndefiniteArticle
{
    /// <summary><paramref name="noun"/> after "a" or "an"; <paramref name="capital"/> for the start of a sentence.</summary>
    public static string With(string noun, bool capital = false)
    {
        var an = noun.Length > 0 && ("aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal)
            || noun.StartsWith("sms", StringComparison.OrdinalIgnoreCase));
        return (an, capital) switch
        {
            (true, true) => $"An {noun}",
            (true, false) => $"an {noun}",
            (false, true) => $"A {noun}",
            (false, false) => $"a {noun}",
        };
    }
}
