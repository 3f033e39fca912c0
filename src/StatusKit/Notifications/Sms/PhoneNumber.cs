namespace StatusKit.Notifications.Sms;

/// <summary>
/// Phone numbers in international E.164 form, as the SMS channel stores them: <c>+</c>, then 8 to 15 digits (the
/// country code, which never starts with 0, and the number). Input may group the digits with spaces, dashes, dots and
/// parentheses (<c>+1 (415) 555-0123</c>), which are dropped; a number without its <c>+</c> and country code is refused,
/// as it cannot be told from a national one.
/// </summary>
internal static class PhoneNumber
{
    /// <summary>The fewest digits of a number taken (country code included).</summary>
    public const int MinDigits = 8;

    /// <summary>The most digits of a number E.164 allows (country code included).</summary>
    public const int MaxDigits = 15;

    /// <summary>What a refused number is told, naming the form expected (never echoing the number).</summary>
    public const string Expected =
        "The destination must be a mobile phone number in international form: + and the country code, then the number, 8 to 15 digits in all (for example +14155550123; spaces, dashes and parentheses are allowed).";

    private const string Hidden = "\u2026";

    /// <summary>Whether <paramref name="value"/> is a phone number, and its E.164 form (<c>+14155550123</c>).</summary>
    public static bool TryNormalize(string? value, out string e164)
    {
        e164 = string.Empty;
        var text = value.AsSpan().Trim();
        if (text.IsEmpty || text[0] != '+')
        {
            return false;
        }

        Span<char> digits = stackalloc char[MaxDigits + 1];
        digits[0] = '+';
        var count = 0;
        foreach (var c in text[1..])
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                digits[++count] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        if (count < MinDigits || digits[1] == '0')
        {
            return false;
        }

        e164 = new string(digits[..(count + 1)]);
        return true;
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
}
