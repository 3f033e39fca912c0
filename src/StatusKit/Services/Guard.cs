using System.Text.RegularExpressions;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>Input checks shared by the services; each failure is a <see cref="StatusKitValidationException"/> naming the field.</summary>
internal static partial class Guard
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 20_000;
    public const int MaxSlugLength = 100;

    /// <summary>The slug no page may take: <c>{prefix}/admin</c> is the admin API's path.</summary>
    public const string ReservedSlug = "admin";

    /// <summary>
    /// Checks an import's entries: the list given, and none of them null (a caller's bug, not bad input, so an
    /// <see cref="ArgumentException"/> naming the index rather than a validation error).
    /// </summary>
    public static void Entries<T>(IReadOnlyList<T>? entries, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(entries))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entries, name);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null)
            {
                throw new ArgumentException($"The {name} must not contain null (index {i}).", name);
            }
        }
    }

    public static string Name(string? value, string field, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StatusKitValidationException(field, $"The {field} is required.", ValidationCodes.MemberRequired);
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new StatusKitValidationException(field, $"The {field} must be at most {maxLength} characters (was {trimmed.Length}).", ValidationCodes.TextTooLong);
        }

        return NoNul(trimmed, field);
    }

    /// <summary>
    /// A status incident's title: required, trimmed, at most <see cref="MaxNameLength"/> characters. An incident
    /// template's title is checked by the same rule, so any template makes a valid incident.
    /// </summary>
    public static string IncidentTitle(string? value) => Name(value, "title");

    /// <summary>A status incident's message (and an update's, and a template's): required, trimmed, at most <see cref="MaxTextLength"/> characters.</summary>
    public static string IncidentMessage(string? value) => Name(value, "message", MaxTextLength);

    public static string? OptionalText(string? value, string field, int maxLength = MaxTextLength)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new StatusKitValidationException(field, $"The {field} must be at most {maxLength} characters (was {trimmed.Length}).", ValidationCodes.TextTooLong);
        }

        return trimmed.Length == 0 ? null : NoNul(trimmed, field);
    }

    /// <summary>
    /// Refuses U+0000, which no text a person types contains and which not every store can keep (PostgreSQL's text
    /// type refuses it), so the same input is not accepted by one store and a server error on another.
    /// </summary>
    private static string NoNul(string value, string field) =>
        value.Contains('\0', StringComparison.Ordinal)
            ? throw new StatusKitValidationException(field, $"The {field} must not contain the NUL character (U+0000).", ValidationCodes.TextContainsNul)
            : value;

    public static string Slug(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxSlugLength || !SlugPattern().IsMatch(value))
        {
            throw new StatusKitValidationException(
                "slug",
                $"The slug '{QuotedValue.Of(value)}' must be 1 to {MaxSlugLength} lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        if (value == ReservedSlug)
        {
            throw new StatusKitValidationException(
                "slug",
                $"The slug '{ReservedSlug}' is reserved: the page endpoints map the admin API at that path, so the page's links would lead there.",
                ValidationCodes.ValueInvalid);
        }

        return value;
    }

    public static string TimeZone(string? value, string field = "timeZoneId")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StatusKitValidationException(field, "The time zone is required (an IANA id such as 'Europe/Berlin' or 'UTC').", ValidationCodes.MemberRequired);
        }

        if (IanaTimeZones.Find(value) is not { HasIanaId: true } zone)
        {
            throw new StatusKitValidationException(field, $"'{QuotedValue.Of(value)}' is not a known IANA time zone (for example 'Europe/Berlin' or 'UTC').", ValidationCodes.ValueInvalid);
        }

        // The zone's own id, whatever case it was given in: what the pages, feeds and calendars name.
        return zone.Id;
    }

    /// <summary>Refuses a value none of <typeparamref name="T"/>'s names, with <paramref name="code"/> when the field has a code of its own, else <see cref="ValidationCodes.ValueInvalid"/>.</summary>
    public static T Defined<T>(T value, string field, string? code = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new StatusKitValidationException(
                field, $"'{value}' is not a valid {typeof(T).Name} (one of {string.Join(", ", Enum.GetNames<T>())}).", code ?? ValidationCodes.ValueInvalid);
        }

        return value;
    }

    public static void Range(int value, string field, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            throw new StatusKitValidationException(field, $"The {field} must be between {minimum} and {maximum} (was {value}).", ValidationCodes.ValueOutOfRange);
        }
    }

    public static IReadOnlyList<Guid> DistinctIds(IReadOnlyList<Guid>? ids, string field)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        var distinct = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (id == Guid.Empty)
            {
                throw new StatusKitValidationException(field, $"The {field} must not contain an empty id.", ValidationCodes.IdEmpty);
            }

            if (!distinct.Add(id))
            {
                throw new StatusKitValidationException(field, $"The {field} lists '{id}' more than once.", ValidationCodes.IdsDuplicate);
            }
        }

        return [.. ids];
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
