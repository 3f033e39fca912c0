using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.Notifications.Texts;

internal sealed partial record NoticeTexts
{
    /// <summary>
    /// Every language's texts, English first (the order of <see cref="PageLanguages.Supported"/>). A property that reads
    /// the instances each time, as the partial files' static initialisers run in no promised order.
    /// </summary>
    public static IReadOnlyList<NoticeTexts> All => [English, German, French, Spanish];

    /// <summary>
    /// The texts of <paramref name="language"/> (a page's <see cref="StatusPage.Language"/>, or a notice's
    /// <see cref="NotificationContent.Language"/>); English for null or a tag without texts.
    /// </summary>
    public static NoticeTexts For(string? language) => LanguageChoice.Of(language, English, German, French, Spanish);

    /// <summary>
    /// What a notice written in these texts keeps in <see cref="NotificationContent.Language"/>: the tag, or null for
    /// English (as every notice planned before notices had a language). Internal, so the catalogue test that reads every
    /// public string finds only texts.
    /// </summary>
    internal string? ContentLanguage => ReferenceEquals(this, English) ? null : Tag;

    /// <summary><see cref="string.Format(IFormatProvider, string, object?[])"/> of one of these texts, in <see cref="Culture"/>.</summary>
    public string Format(string text, params object?[] arguments) => string.Format(Culture, text, arguments);

    /// <summary>A component's status, as <see cref="ComponentStatusExtensions.ToDisplayName"/> names it in English.</summary>
    public string Status(ComponentStatus status) => Words.Status(status);

    /// <summary>An incident's state, as its name reads in English.</summary>
    public string State(StatusIncidentState state) => Words.State(state);

    /// <summary>A subscriber event, as its webhook name reads in English (<see cref="Webhooks.WebhookEventNames.EventOf"/>).</summary>
    public string? Event(NotificationEvents value) => value switch
    {
        NotificationEvents.Degraded => EventDegraded,
        NotificationEvents.Outage => EventOutage,
        NotificationEvents.Maintenance => EventMaintenance,
        NotificationEvents.Resolved => EventResolved,
        _ => null,
    };

    /// <summary>The label of a chat message's link to the page: the host's <paramref name="configured"/> text, or these texts' when it kept the default.</summary>
    public string PageLinkLabel(string configured) =>
        string.Equals(configured, English.ViewStatusPage, StringComparison.Ordinal) ? ViewStatusPage : configured;

    /// <summary>The end of an SMS confirmation request: the host's <paramref name="configured"/> text, or these texts' when it kept the default.</summary>
    public string OptOut(string configured) =>
        string.Equals(configured, English.ReplyStop, StringComparison.Ordinal) ? ReplyStop : configured;
}
