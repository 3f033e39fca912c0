using StatusKit.Model;

namespace StatusKit.Shared;

/// <summary>
/// Picks, for a language tag, the one of four values written for each of <see cref="PageLanguages.Supported"/>: the one
/// switch behind every texts catalogue's <c>For</c> (status words, page texts, notice texts). Compiled into each
/// StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class LanguageChoice
{
    /// <summary>The value of <paramref name="language"/>'s language; <paramref name="english"/> for null or a tag StatusKit has no texts in.</summary>
    public static T Of<T>(string? language, T english, T german, T french, T spanish) => PageLanguages.Find(language) switch
    {
        PageLanguages.German => german,
        PageLanguages.French => french,
        PageLanguages.Spanish => spanish,
        _ => english,
    };
}
