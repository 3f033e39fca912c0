using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Texts;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What a person's refused subscribe or manage form is told, in the page's language (<see cref="PageTexts"/>): the
/// service's refusal (its field, and the channel and destination the form sent) becomes one of the texts'
/// <c>Refused…</c> reasons. Problem details, which programs read, keep the service's English message. A refusal the
/// page's own forms cannot cause (a hand-made form, a race) gets <see cref="PageTexts.RefusedOther"/>, or on an English
/// page the service's message, as before.
/// </summary>
internal static class RefusalReasons
{
    // DestinationValidator's limit (the service refuses a longer destination naming the same number).
    private const int MaxDestinationLength = 2_000;

    private static readonly object RequestKey = new();

    private static readonly string[] DiscordHosts = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];

    /// <summary>Keeps the subscribe form's channel and destination for the rest of the request, for <see cref="SubscriptionExceptionFilter"/>.</summary>
    public static void Remember(HttpContext context, SubscribeRequest request) => context.Items[RequestKey] = request;

    /// <summary>The subscribe form <see cref="Remember"/> kept for this request, or null.</summary>
    public static SubscribeRequest? Remembered(HttpContext context) =>
        context.Items.TryGetValue(RequestKey, out var request) ? request as SubscribeRequest : null;

    /// <summary>
    /// The reason for <paramref name="refusal"/> in <paramref name="texts"/>, given the <paramref name="channel"/> and
    /// <paramref name="destination"/> the form sent (null when unknown).
    /// </summary>
    public static string Of(PageTexts texts, StatusKitException refusal, string? channel, string? destination) =>
        (refusal, PublicFieldNames.Of(refusal.Field)) switch
        {
            (StatusKitValidationException, "channel") => texts.RefusedChannel,
            (StatusKitValidationException, "destination") => Destination(texts, channel, destination) ?? Other(texts, refusal),
            (StatusKitValidationException, "notifyOn") => texts.RefusedEvents,
            (StatusKitValidationException, "components") => texts.RefusedComponents,
            (StatusKitValidationException, "incident") => texts.RefusedIncident,
            _ => Other(texts, refusal),
        };

    private static string Other(PageTexts texts, StatusKitException refusal) =>
        ReferenceEquals(texts, PageTexts.English) ? refusal.Message : texts.RefusedOther;

    // The destination's reason by its channel: its shape, else (a URL of the right shape) the address it may not reach.
    private static string? Destination(PageTexts texts, string? channelName, string? destination)
    {
        var value = destination?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return texts.RefusedDestinationRequired;
        }

        if (value.Length > MaxDestinationLength)
        {
            return texts.Format(texts.RefusedDestinationTooLong, MaxDestinationLength);
        }

        if (!ChannelNames.TryParse(channelName, out var channel))
        {
            return null;
        }

        var url = Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo) ? uri : null;
        return channel switch
        {
            Model.SubscriberChannel.Email => texts.Format(texts.RefusedEmail, value),
            Model.SubscriberChannel.Sms => texts.RefusedPhoneNumber,
            Model.SubscriberChannel.Discord => url is { Scheme: "https" } && DiscordHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase)
                && url.AbsolutePath.Contains("/webhooks/", StringComparison.Ordinal)
                ? texts.RefusedUnreachable
                : texts.RefusedDiscordUrl,
            Model.SubscriberChannel.Webhook => url is { Scheme: "https" or "http" } ? texts.RefusedUnreachable : texts.Format(texts.RefusedHttpUrl, value),
            Model.SubscriberChannel.Slack or Model.SubscriberChannel.Teams =>
                url is { Scheme: "https" } ? texts.RefusedUnreachable : texts.Format(texts.RefusedHttpsUrl, value),
            _ => null,
        };
    }
}
