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
}
