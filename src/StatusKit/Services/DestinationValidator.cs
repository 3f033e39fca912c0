using System.Net.Mail;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Sms;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// Checks a destination for its channel: the channel must have a notifier on this host; an email address must be
/// plain; Slack and Teams need an https URL; Discord a Discord webhook URL (<see cref="DiscordWebhookUrl"/>); webhook,
/// Slack, Teams and Discord URLs must not resolve to loopback, private or link-local addresses unless the host allows
/// it (<see cref="WebhookAddressGuard"/>); an SMS number must be in international form and one its country gives out
/// (libphonenumber's metadata), and is kept in E.164 (<see cref="PhoneNumber"/>). No host name is required of a Slack or Teams URL: Teams workflow hosts vary
/// by tenant and region. Each refusal carries its <see cref="ValidationCodes"/> reason.
/// </summary>
internal sealed class DestinationValidator(IEnumerable<INotifier> notifiers, WebhookAddressGuard guard, IOptions<StatusPagesOptions> options)
    : IDestinationValidator
{
    private readonly HashSet<SubscriberChannel> _notified = [.. notifiers.Select(n => n.Channel)];

    public IReadOnlyList<SubscriberChannel> Channels { get; } =
        [.. notifiers.Select(n => n.Channel).Where(c => options.Value.SubscriptionChannels?.Contains(c) ?? true).Distinct().Order()];

    public async ValueTask<string> ValidateAsync(SubscriberChannel channel, string destination, CancellationToken cancellationToken)
    {
        if (!Channels.Contains(channel))
        {
            throw new StatusKitValidationException(
                "channel",
                _notified.Contains(channel) ? $"This host takes no {channel} subscriptions (it takes {string.Join(", ", Channels)})."
                : channel == SubscriberChannel.Email ? "The Email channel is not enabled on this host (call AddStatusPages().AddSmtpEmailNotifier(...))."
                : channel == SubscriberChannel.Sms ? "The Sms channel is not enabled on this host (call AddStatusPages().AddTwilioSmsNotifier(...))."
                : $"The {channel} channel is not enabled on this host.",
                ValidationCodes.ChannelUnsupported);
        }

        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new StatusKitValidationException("destination", "The destination is required.", ValidationCodes.DestinationRequired);
        }

        var value = destination.Trim();
        if (value.Length > DestinationLength.Max)
        {
            throw new StatusKitValidationException(
                "destination", $"The destination must be at most {DestinationLength.Max} characters.", ValidationCodes.DestinationTooLong);
        }

        switch (channel)
        {
            case SubscriberChannel.Email:
                return Email(value);
            case SubscriberChannel.Slack:
            case SubscriberChannel.Webhook:
            case SubscriberChannel.Teams:
                var uri = Url(value, requireHttps: channel != SubscriberChannel.Webhook);
                await guard.ValidateDestinationAsync(uri, cancellationToken);
                return uri.AbsoluteUri;
            case SubscriberChannel.Discord:
                // The URL's shape first (not echoed: its token is the credential), then the guard, as for every URL.
                if (!Uri.TryCreate(value, UriKind.Absolute, out var webhook) || !DiscordWebhookUrl.Is(webhook))
                {
                    throw new StatusKitValidationException("destination", DiscordWebhookUrl.Expected, ValidationCodes.DestinationInvalidDiscordWebhook);
                }

                await guard.ValidateDestinationAsync(webhook, cancellationToken);
                return webhook.AbsoluteUri;
            case SubscriberChannel.Sms:
                return PhoneNumber.TryNormalize(value, out var number)
                    ? number
                    : throw new StatusKitValidationException("destination", PhoneNumber.Expected, ValidationCodes.DestinationInvalidPhoneNumber);
            default:
                throw new StatusKitValidationException(
                    "channel", $"'{channel}' is not a channel (Email, Slack, Webhook, Teams, Discord, Sms).", ValidationCodes.ChannelUnknown);
        }
    }

    private static string Email(string value)
    {
        if (!MailAddress.TryCreate(value, out var address) || !string.Equals(address.Address, value, StringComparison.Ordinal) || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new StatusKitValidationException(
                "destination", $"'{QuotedValue.Of(value)}' is not an email address (expected name@example.com).", ValidationCodes.DestinationInvalidEmail);
        }

        return address.Address;
    }

    private static Uri Url(string value, bool requireHttps)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            var expected = requireHttps ? "an absolute https URL" : "an absolute http or https URL";
            throw new StatusKitValidationException(
                "destination",
                $"'{QuotedValue.Of(value)}' is not {expected} without credentials.",
                requireHttps ? ValidationCodes.DestinationInvalidHttpsUrl : ValidationCodes.DestinationInvalidUrl);
        }

        return uri;
    }
}
