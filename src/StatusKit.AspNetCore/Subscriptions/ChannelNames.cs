using StatusKit.Model;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>The names of the subscriber channels in the public routes, their JSON and the page's form.</summary>
internal static class ChannelNames
{
    public static string Of(SubscriberChannel channel) => channel switch
    {
        SubscriberChannel.Email => "email",
        SubscriberChannel.Slack => "slack",
        _ => "webhook",
    };

    /// <summary>The channel named <paramref name="name"/> (ignoring case and surrounding white space).</summary>
    /// <exception cref="StatusKitValidationException">The name is none of <c>email</c>, <c>slack</c>, <c>webhook</c>.</exception>
    public static SubscriberChannel Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "EMAIL" => SubscriberChannel.Email,
        "SLACK" => SubscriberChannel.Slack,
        "WEBHOOK" => SubscriberChannel.Webhook,
        _ => throw new StatusKitValidationException("channel", $"Use 'email', 'slack' or 'webhook' (was '{name}')."),
    };
}
