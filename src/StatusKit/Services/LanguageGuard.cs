using StatusKit.Model;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>The check of a page's <see cref="StatusPage.Language"/>.</summary>
internal static class LanguageGuard
{
    /// <summary>
    /// The tag to store: null for null, empty or blank (English), a supported tag in its lowercase form, or a
    /// <see cref="StatusKitValidationException"/> naming <c>language</c> and the supported tags.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return PageLanguages.Find(trimmed) ?? throw new StatusKitValidationException(
            "language",
            $"StatusKit has no texts in '{QuotedValue.Of(trimmed)}'; the language must be one of {string.Join(", ", PageLanguages.Supported)} (or empty for English).",
            ValidationCodes.ValueInvalid);
    }
}
