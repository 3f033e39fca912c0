using NumberParseException = PhoneNumbers.NumberParseException;
using PhoneNumberFormat = PhoneNumbers.PhoneNumberFormat;
using PhoneNumberUtil = PhoneNumbers.PhoneNumberUtil;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the phone number of an <c>sms</c> row of a subscriber CSV written as Statuspage's import template asks:
/// the national number (area code included, no country code) and, in its own column, the two-letter ISO 3166 country
/// (<c>US</c>, not <c>+1</c>). Such a number becomes international by Google's libphonenumber (package
/// <c>libphonenumber-csharp</c>), which knows every country's calling code and trunk prefix: <c>07400 123456</c> of
/// <c>GB</c> is <c>+447400123456</c>, its trunk 0 dropped, while <c>02 1234 5678</c> of <c>IT</c> is
/// <c>+390212345678</c>, Italy keeping its 0. A number already international is left as written, and so is one of a
/// country libphonenumber does not know, or with anything but digits, spaces, dashes, dots and parentheses: the
/// channel's check then refuses it, and whether a number is valid for its country is that check's to say.
/// </summary>
internal static class NationalPhoneNumber
{
    /// <summary>
    /// <paramref name="number"/> in E.164 form when it is national and <paramref name="country"/> names a region
    /// libphonenumber knows (in any case); otherwise as written, trimmed.
    /// </summary>
    public static string? International(string? number, string? country)
    {
        var value = number?.Trim();
        var region = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value) || value.StartsWith('+') || string.IsNullOrEmpty(region)
            || !value.All(static c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')'))
        {
            return value;
        }

        var util = PhoneNumberUtil.GetInstance();
        if (!util.GetSupportedRegions().Contains(region))
        {
            return value;
        }

        try
        {
            return util.Format(util.Parse(value, region), PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return value;
        }
    }
}
