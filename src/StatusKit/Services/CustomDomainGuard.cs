using System.Globalization;
using System.Net;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// The check of a page's <see cref="Model.StatusPage.CustomDomain"/>: returns the host name to store (lowercase ASCII,
/// an internationalised name in its <c>xn--</c> form; null for null, empty or blank, which clears it) or throws a
/// <see cref="StatusKitValidationException"/> naming <c>customDomain</c> and what it expects.
/// </summary>
internal static class CustomDomainGuard
{
    /// <summary>The longest DNS name (RFC 1035), without the root's trailing dot.</summary>
    public const int MaxLength = 253;

    private const int MaxLabelLength = 63;

    private const string Field = "customDomain";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static string? Normalize(string? value)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // What an operator pastes from a browser's address bar: say what to drop rather than "not a host name".
        if (trimmed.Contains("://", StringComparison.Ordinal) || trimmed.IndexOfAny(['/', ':', '?', '#', '@']) >= 0)
        {
            throw Invalid(trimmed, "a host name alone, without scheme, port or path");
        }

        if (trimmed.Any(char.IsWhiteSpace))
        {
            throw Invalid(trimmed, "a host name without spaces");
        }

        // A fully qualified name may end with the root's dot; the Host header never carries it.
        var name = trimmed.EndsWith('.') ? trimmed[..^1] : trimmed;
        if (IPAddress.TryParse(name, out _) || name.StartsWith('['))
        {
            throw Invalid(trimmed, "a DNS host name, not an IP address");
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw Invalid(trimmed, "a DNS host name: labels of letters, digits and hyphens, each 1 to 63 characters, not starting or ending with a hyphen");
        }

        if (ascii.Length > MaxLength)
        {
            throw new StatusKitValidationException(Field, $"The {Field} must be at most {MaxLength} characters (was {ascii.Length}).");
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            throw Invalid(trimmed, "a fully qualified host name with at least two labels, such as 'status.example.com'");
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw Invalid(trimmed, "a DNS host name: labels of letters, digits and hyphens, each 1 to 63 characters, not starting or ending with a hyphen");
            }
        }

        // A top-level label of digits only reads as an IPv4 address to browsers (WHATWG URL), never as a DNS name.
        if (labels[^1].All(char.IsAsciiDigit))
        {
            throw Invalid(trimmed, "a DNS host name, not an IP address");
        }

        return ascii;
    }

    private static StatusKitValidationException Invalid(string value, string expected) =>
        new(Field, $"The {Field} must be {expected}, such as 'status.example.com' (was '{QuotedValue.Of(value)}').");
}
