using System.Net.Mail;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Syntax checks per channel: a plain email address; an absolute https URL for Slack; an absolute http(s) URL for webhooks.</summary>
internal sealed class DestinationValidator : IDestinationValidator
{
    private const int MaxLength = 2_000;

    public ValueTask<string> ValidateAsync(SubscriberChannel channel, string destination, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new StatusKitValidationException("destination", "The destination is required.");
        }

        var value = destination.Trim();
        if (value.Length > MaxLength)
        {
            throw new StatusKitValidationException("destination", $"The destination must be at most {MaxLength} characters.");
        }

        return ValueTask.FromResult(channel switch
        {
            SubscriberChannel.Email => Email(value),
            SubscriberChannel.Slack => Url(value, requireHttps: true),
            SubscriberChannel.Webhook => Url(value, requireHttps: false),
            _ => throw new StatusKitValidationException("channel", $"'{channel}' is not a channel (Email, Slack, Webhook)."),
        });
    }

    private static string Email(string value)
    {
        if (!MailAddress.TryCreate(value, out var address) || !string.Equals(address.Address, value, StringComparison.Ordinal) || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new StatusKitValidationException("destination", $"'{value}' is not an email address (expected name@example.com).");
        }

        return address.Address;
    }

    private static string Url(string value, bool requireHttps)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            var expected = requireHttps ? "an absolute https URL" : "an absolute http or https URL";
            throw new StatusKitValidationException("destination", $"'{value}' is not {expected} without credentials.");
        }

        return uri.AbsoluteUri;
    }
}
