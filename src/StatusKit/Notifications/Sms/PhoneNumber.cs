using NumberParseException = PhoneNumbers.NumberParseException;
using PhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;
using PhoneNumberUtil = PhoneNumbers.PhoneNumberUtil;

namespace StatusKit.Notifications.Sms;

/// <summary>
/// Phone numbers in international E.164 form, as the SMS channel stores them: <c>+</c>, the country code and the
/// number. A new number (<see cref="TryNormalize"/>) must be one its country gives out, by Google's libphonenumber
/// metadata (package <c>libphonenumber-csharp</c>): <c>+1 555 123 4567</c> or <c>+99 999 999 999</c> is refused at
/// subscription rather than failing at Twilio later. Input may group the digits with spaces, dashes, dots and
/// parentheses (<c>+1 (415) 555-0123</c>), which are dropped; a number without its <c>+</c> and country code is refused,
/// as it cannot be told from a national one. A number already stored is held to its form only
/// (<see cref="IsStoredForm"/>), so a subscriber taken before numbers were checked per country is still sent to.
/// </summary>
internal static class PhoneNumber
{
    /// <summary>The fewest digits of a stored number taken without libphonenumber's word (country code included).</summary>
    public const int MinDigits = 8;

    /// <summary>The most digits of a number E.164 allows (country code included).</summary>
    public const int MaxDigits = 15;

    /// <summary>What a refused number is told, naming the form expected (never echoing the number).</summary>
    public const string Expected =
        "The destination must be a mobile phone number in international form that its country gives out: + and the country code, then the number (for example +14155550123; spaces, dashes and parentheses are allowed).";

    private const string Hidden = "\u2026";

    /// <summary>
    /// Whether <paramref name="value"/> is a phone number in international form that libphonenumber knows as valid for
    /// its country, and its E.164 form (<c>+14155550123</c>).
    /// </summary>
    public static bool TryNormalize(string? value, out string e164)
    {
        e164 = string.Empty;
        if (!TryDigits(value, out var digits))
        {
            return false;
        }

        var util = PhoneNumberUtil.GetInstance();
        PhoneNumbers.PhoneNumber number;
        try
        {
            number = util.Parse(digits, null);
        }
        catch (NumberParseException)
        {
            return false;
        }

        if (!util.IsValidNumber(number))
        {
            return false;
        }

        e164 = util.Format(number, PhoneNumberFormat.E164);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a number as the channel stores it, exactly: E.164 (<c>+</c> and up to 15
    /// digits, the first not 0), of <see cref="MinDigits"/> digits or more (the rule numbers were taken by before they
    /// were checked per country) or valid for its country. What a send asks of a subscriber's destination.
    /// </summary>
    public static bool IsStoredForm(string? value)
    {
        if (value is null || value.Length < 2 || value[0] != '+' || value[1] == '0' || value.Length > MaxDigits + 1
            || value.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return value.Length > MinDigits || (TryNormalize(value, out var e164) && e164 == value);
    }

    /// <summary>
    /// <paramref name="value"/> as a report or log may show it: only its last digits, after an ellipsis (<c>…0123</c>):
    /// four of a number of 8 digits or more, two of a shorter one, none of one with fewer than 4.
    /// </summary>
    public static string Mask(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var shown = digits.Length >= MinDigits ? 4 : digits.Length >= 4 ? 2 : 0;
        return Hidden + digits[^shown..];
    }

    // The input's digits after its '+' (at most MaxDigits of them, grouped by spaces, dashes, dots and parentheses), as
    // "+digits"; false for anything else (letters, an extension, a number without its '+').
    private static bool TryDigits(string? value, out string digits)
    {
        digits = string.Empty;
        var text = value.AsSpan().Trim();
        if (text.IsEmpty || text[0] != '+')
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxDigits + 1];
        buffer[0] = '+';
        var count = 0;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                buffer[++count] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        if (count == 0 || buffer[1] == '0')
        {
            return false;
        }

        digits = new string(buffer[..(count + 1)]);
        return true;
    }
}
