using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Texts;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What a person's refused subscribe or manage form is told, in the page's language (<see cref="PageTexts"/>): the
/// service's reason code (<see cref="StatusKitValidationException.Code"/>) becomes one of the texts' <c>Refused…</c>
/// reasons, those that quote what was typed given the destination the form sent. Nothing is checked here: the reason is
/// the service's. Problem details, which programs read, keep the service's English message and its code. A refusal
/// without a text of its own (no code: a hand-made form, a race) gets <see cref="PageTexts.RefusedOther"/>, or on an
/// English page the service's message.
/// </summary>
internal static class RefusalReasons
{
    private static readonly object RequestKey = new();

    /// <summary>Keeps the subscribe form for the rest of the request, for <see cref="SubscriptionExceptionFilter"/> to quote its destination.</summary>
    public static void Remember(HttpContext context, SubscribeRequest request) => context.Items[RequestKey] = request;

    /// <summary>The subscribe form <see cref="Remember"/> kept for this request, or null.</summary>
    public static SubscribeRequest? Remembered(HttpContext context) =>
        context.Items.TryGetValue(RequestKey, out var request) ? request as SubscribeRequest : null;

    /// <summary>
    /// The reason for <paramref name="refusal"/> in <paramref name="texts"/>; <paramref name="destination"/>, what the
    /// form sent (null when unknown), is only quoted.
    /// </summary>
    public static string Of(PageTexts texts, StatusKitException refusal, string? destination) =>
        (refusal as StatusKitValidationException)?.Code switch
        {
            ValidationCodes.ChannelUnknown or ValidationCodes.ChannelUnsupported => texts.RefusedChannel,
            ValidationCodes.DestinationRequired => texts.RefusedDestinationRequired,
            ValidationCodes.DestinationTooLong => texts.Format(texts.RefusedDestinationTooLong, DestinationLength.Max),
            ValidationCodes.DestinationInvalidEmail => texts.Format(texts.RefusedEmail, Typed(destination)),
            ValidationCodes.DestinationInvalidPhoneNumber => texts.RefusedPhoneNumber,
            ValidationCodes.DestinationInvalidUrl => texts.Format(texts.RefusedHttpUrl, Typed(destination)),
            ValidationCodes.DestinationInvalidHttpsUrl => texts.Format(texts.RefusedHttpsUrl, Typed(destination)),
            ValidationCodes.DestinationInvalidDiscordWebhook => texts.RefusedDiscordUrl,
            ValidationCodes.DestinationHttpsRequired or ValidationCodes.DestinationUnreachableHost => texts.RefusedUnreachable,
            ValidationCodes.NotifyOnEmpty or ValidationCodes.NotifyOnUnknown => texts.RefusedEvents,
            ValidationCodes.ComponentsNotOnPage => texts.RefusedComponents,
            ValidationCodes.IncidentNotOnPage => texts.RefusedIncident,
            _ => ReferenceEquals(texts, PageTexts.English) ? refusal.Message : texts.RefusedOther,
        };

    // The destination as the service read it (trimmed), to quote: at most its first characters, as problems quote.
    private static string Typed(string? destination) => QuotedValue.Of(destination?.Trim());
}
