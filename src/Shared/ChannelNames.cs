using StatusKit.Model;

namespace StatusKit.Shared;

/// <summary>
/// The names of the subscriber channels: in the public routes, their JSON and the page's form, and in the metrics' and
/// traces' tags. Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class ChannelNames
{
    /// <summary>The name of <paramref name="channel"/>: <c>email</c>, <c>slack</c>, <c>webhook</c>, <c>teams</c>, <c>discord</c> or <c>sms</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is no channel StatusKit knows.</exception>
    public static string Of(SubscriberChannel channel) => channel switch
    {
        SubscriberChannel.Email => "email",
        SubscriberChannel.Slack => "slack",
        SubscriberChannel.Webhook => "webhook",
        SubscriberChannel.Teams => "teams",
        SubscriberChannel.Discord => "discord",
        SubscriberChannel.Sms => "sms",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a subscriber channel."),
    };

    /// <summary>The channel named <paramref name="name"/> (ignoring case and surrounding white space).</summary>
    /// <exception cref="StatusKitValidationException">The name is none of <c>email</c>, <c>slack</c>, <c>webhook</c>, <c>teams</c>, <c>discord</c>, <c>sms</c>.</exception>
    public static SubscriberChannel Parse(string? name) =>
        TryParse(name, out var channel)
            ? channel
            : throw new StatusKitValidationException(
                "channel", $"Use 'email', 'slack', 'webhook', 'teams', 'discord' or 'sms' (was '{name}').", ValidationCodes.ChannelUnknown);

    /// <summary>Whether <paramref name="name"/> names a channel (ignoring case and surrounding white space), and which.</summary>
    public static bool TryParse(string? name, out SubscriberChannel channel)
    {
        SubscriberChannel? named = name?.Trim().ToUpperInvariant() switch
        {
            "EMAIL" => SubscriberChannel.Email,
            "SLACK" => SubscriberChannel.Slack,
            "WEBHOOK" => SubscriberChannel.Webhook,
            "TEAMS" => SubscriberChannel.Teams,
            "DISCORD" => SubscriberChannel.Discord,
            "SMS" => SubscriberChannel.Sms,
            _ => null,
        };
        channel = named.GetValueOrDefault();
        return named is not null;
    }
}
