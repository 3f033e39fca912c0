namespace StatusKit.Model;

/// <summary>How a subscriber is notified.</summary>
public enum SubscriberChannel
{
    /// <summary>An email address.</summary>
    Email = 0,

    /// <summary>A Slack incoming-webhook URL.</summary>
    Slack = 1,

    /// <summary>An HTTPS endpoint receiving signed JSON (Standard Webhooks).</summary>
    Webhook = 2,

    /// <summary>
    /// A Microsoft Teams workflow URL (https): the address of a Teams "When a Teams webhook request is received"
    /// workflow, which posts the Adaptive Card it is sent to a channel or chat.
    /// </summary>
    Teams = 3,

    /// <summary>
    /// A Discord webhook URL (<c>https://discord.com/api/webhooks/{id}/{token}</c>, as a channel's Integrations →
    /// Webhooks → Copy Webhook URL gives it), which posts the message it is sent to that channel.
    /// </summary>
    Discord = 4,

    /// <summary>
    /// A mobile phone number in international E.164 form (<c>+</c>, the country code and the number, such as
    /// <c>+14155550123</c>; a new subscriber's must be one its country gives out, by libphonenumber's metadata), sent
    /// short text messages (SMS) through Twilio. Offered only when the host added the SMS notifier
    /// (<c>AddStatusPages().AddTwilioSmsNotifier(...)</c>).
    /// </summary>
    Sms = 5,
}
