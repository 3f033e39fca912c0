using StatusKit.Model;
using StatusKit.Notifications.Sms;

namespace StatusKit.Services;

/// <summary>
/// A destination as a report may show it: an email address as given; a URL as its scheme and host only
/// (<c>https://hooks.slack.com/…</c>), since the path and query of a Slack, Teams, Discord or webhook URL are its
/// credential; a phone number (SMS) by its last digits only (<c>…0123</c>, <see cref="PhoneNumber.Mask"/>); anything
/// else of another channel not at all (<c>…</c>), since it may be a URL mistyped.
/// </summary>
internal static class DestinationMask
{
    private const string Hidden = "…";

    /// <summary>The masked <paramref name="destination"/> of a row whose channel is <paramref name="channel"/> (null when unknown).</summary>
    public static string Of(SubscriberChannel? channel, string? destination)
    {
        var value = destination?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return $"{uri.Scheme}://{uri.Host}/{Hidden}";
        }

        if (channel == SubscriberChannel.Sms)
        {
            return PhoneNumber.Mask(value);
        }

        return channel == SubscriberChannel.Email && !value.Contains('/', StringComparison.Ordinal) ? value : Hidden;
    }

    /// <summary><paramref name="message"/> with <paramref name="destination"/> (as given, and trimmed) replaced by its mask.</summary>
    public static string In(string message, SubscriberChannel? channel, string? destination)
    {
        var value = destination?.Trim();
        return string.IsNullOrEmpty(value) ? message : message.Replace(value, Of(channel, value), StringComparison.Ordinal);
    }
}
