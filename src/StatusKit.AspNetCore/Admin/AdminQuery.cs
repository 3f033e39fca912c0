using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the admin list routes' query values. Bound by hand rather than by minimal APIs, whose binding failures are
/// bare 400s without the <c>field</c> every other admin error names, and whose enum binding refuses the camelCase
/// names the admin API itself writes (<c>state=inProgress</c>).
/// </summary>
internal static class AdminQuery
{
    /// <summary>The enum member named by <paramref name="value"/> in any case (not by number), or null when the value is absent.</summary>
    public static T? Enum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var name in System.Enum.GetNames<T>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return System.Enum.Parse<T>(name);
            }
        }

        throw new StatusKitValidationException(
            field, $"'{QuotedValue.Of(value)}' is not a valid {field} (one of {string.Join(", ", System.Enum.GetNames<T>().Select(JsonName))}).", ValidationCodes.ValueInvalid);
    }

    /// <summary>The integer <paramref name="value"/>, or <paramref name="absent"/> when the value is absent.</summary>
    public static int Int32(string? value, string field, int absent)
    {
        if (string.IsNullOrEmpty(value))
        {
            return absent;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        // A whole number, but larger than any the field takes.
        return IsDigits(value)
            ? throw new StatusKitValidationException(field, $"The {field} is out of range (was '{QuotedValue.Of(value)}').", ValidationCodes.ValueOutOfRange)
            : throw new StatusKitValidationException(field, $"The {field} must be a whole number (was '{QuotedValue.Of(value)}').", ValidationCodes.ValueInvalid);
    }

    /// <summary>The boolean <paramref name="value"/> (<c>true</c> or <c>false</c>, in any case), or <paramref name="absent"/> when the value is absent.</summary>
    public static bool Boolean(string? value, string field, bool absent)
    {
        if (string.IsNullOrEmpty(value))
        {
            return absent;
        }

        return bool.TryParse(value, out var parsed)
            ? parsed
            : throw new StatusKitValidationException(field, $"The {field} must be true or false (was '{QuotedValue.Of(value)}').", ValidationCodes.ValueInvalid);
    }

    private static bool IsDigits(string value)
    {
        var digits = value.AsSpan(value[0] is '+' or '-' ? 1 : 0);
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static string JsonName(string name) => AdminJson.Options.PropertyNamingPolicy?.ConvertName(name) ?? name;
}
