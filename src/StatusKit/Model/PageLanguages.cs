namespace StatusKit.Model;

/// <summary>
/// The languages StatusKit has texts for (<see cref="StatusPage.Language"/>): the fixed texts of a page's HTML and of its
/// subscription pages are written in one of these. Operator-written content (names, titles, messages) is never translated.
/// </summary>
public static class PageLanguages
{
    /// <summary>English, the language of a page without one (<c>en</c>).</summary>
    public const string English = "en";

    /// <summary>German (<c>de</c>).</summary>
    public const string German = "de";

    /// <summary>French (<c>fr</c>).</summary>
    public const string French = "fr";

    /// <summary>Spanish (<c>es</c>).</summary>
    public const string Spanish = "es";

    /// <summary>Every supported language tag (BCP 47, lowercase), English first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [English, German, French, Spanish];

    /// <summary>
    /// The supported tag <paramref name="tag"/> names, in its stored (lowercase) form, or null when StatusKit has no
    /// texts in it. Case-insensitive: <c>DE</c> is <c>de</c>.
    /// </summary>
    public static string? Find(string? tag)
    {
        if (tag is null)
        {
            return null;
        }

        foreach (var supported in Supported)
        {
            if (string.Equals(supported, tag, StringComparison.OrdinalIgnoreCase))
            {
                return supported;
            }
        }

        return null;
    }
}
