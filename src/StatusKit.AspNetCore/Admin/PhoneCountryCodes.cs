using System.Collections.Frozen;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the phone number of an <c>sms</c> row of a subscriber CSV written as Statuspage's import template asks:
/// the national number (area code included, no country code) and, in its own column, the two-letter ISO 3166 country
/// (<c>US</c>, not <c>+1</c>). Such a number becomes international (<c>+</c>, the country's calling code, the number
/// without its leading trunk 0, which Italy keeps); a number already international is left as written. Countries are
/// those listed here (North America, Europe and the larger markets Twilio sends to); a number of another country must
/// be written in international form.
/// </summary>
internal static class PhoneCountryCodes
{
    private static readonly FrozenDictionary<string, string> CallingCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "1", ["CA"] = "1", ["PR"] = "1",
        ["GB"] = "44", ["IE"] = "353", ["FR"] = "33", ["DE"] = "49", ["NL"] = "31", ["BE"] = "32", ["LU"] = "352",
        ["CH"] = "41", ["AT"] = "43", ["ES"] = "34", ["PT"] = "351", ["IT"] = "39", ["GR"] = "30",
        ["SE"] = "46", ["NO"] = "47", ["DK"] = "45", ["FI"] = "358", ["IS"] = "354",
        ["PL"] = "48", ["CZ"] = "420", ["HU"] = "36", ["RO"] = "40", ["UA"] = "380", ["EE"] = "372", ["LV"] = "371", ["LT"] = "370",
        ["TR"] = "90", ["IL"] = "972", ["AE"] = "971", ["SA"] = "966", ["ZA"] = "27",
        ["IN"] = "91", ["SG"] = "65", ["HK"] = "852", ["JP"] = "81", ["KR"] = "82", ["PH"] = "63", ["MY"] = "60", ["TH"] = "66",
        ["AU"] = "61", ["NZ"] = "64",
        ["BR"] = "55", ["MX"] = "52", ["AR"] = "54", ["CL"] = "56", ["CO"] = "57",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="number"/> in international form when <paramref name="country"/> names a country of the table
    /// and the number is national; otherwise as written (the channel's check then says what is wrong with it).
    /// </summary>
    public static string? International(string? number, string? country)
    {
        var value = number?.Trim();
        if (string.IsNullOrEmpty(value) || value.StartsWith('+') || string.IsNullOrWhiteSpace(country)
            || !CallingCodes.TryGetValue(country.Trim(), out var code))
        {
            return value;
        }

        var national = value.StartsWith('0') && !string.Equals(country.Trim(), "IT", StringComparison.OrdinalIgnoreCase) ? value[1..] : value;
        return $"+{code} {national}";
    }
}
