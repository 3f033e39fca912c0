using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Texts;

internal sealed partial record PageTexts
{
    /// <summary>
    /// Every language's texts, English first (the order of <see cref="PageLanguages.Supported"/>). A property that reads
    /// the instances each time, as the partial files' static initialisers run in no promised order.
    /// </summary>
    public static IReadOnlyList<PageTexts> All => [English, German, French, Spanish];

    /// <summary>The texts of <paramref name="language"/> (a page's <see cref="StatusPage.Language"/>); English for null or a tag without texts.</summary>
    public static PageTexts For(string? language) => LanguageChoice.Of(language, English, German, French, Spanish);

    /// <summary><see cref="string.Format(IFormatProvider, string, object?[])"/> of one of these texts, in <see cref="Culture"/>.</summary>
    public string Format(string text, params object?[] arguments) => string.Format(Culture, text, arguments);

    /// <summary>A component's status, as <see cref="ComponentStatusExtensions.ToDisplayName"/> names it in English.</summary>
    public string Status(ComponentStatus status) => Words.Status(status);

    /// <summary>The banner of a page whose worst status is <paramref name="status"/> (<see cref="PageStatus.Description"/> in English).</summary>
    public string Banner(ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => AllSystemsOperational,
        ComponentStatus.UnderMaintenance => ServiceUnderMaintenance,
        ComponentStatus.DegradedPerformance => PartiallyDegradedService,
        ComponentStatus.PartialOutage => PartialSystemOutage,
        ComponentStatus.MajorOutage => MajorServiceOutage,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown component status."),
    };

    /// <summary>An incident's state.</summary>
    public string State(StatusIncidentState state) => Words.State(state);

    /// <summary>A maintenance window's state.</summary>
    public string State(MaintenanceState state) => state switch
    {
        MaintenanceState.Scheduled => Scheduled,
        MaintenanceState.InProgress => InProgress,
        MaintenanceState.Completed => Completed,
        MaintenanceState.Cancelled => Cancelled,
        _ => state.ToString(),
    };

    /// <summary>A Statuspage impact name (<c>none</c>, <c>minor</c>, <c>major</c>, <c>critical</c>, <c>maintenance</c>).</summary>
    public string ImpactName(string impact) => impact switch
    {
        "none" => ImpactNone,
        "minor" => ImpactMinor,
        "major" => ImpactMajor,
        "critical" => ImpactCritical,
        "maintenance" => ImpactMaintenance,
        _ => impact,
    };

    /// <summary>A subscriber channel as the subscribe form offers it.</summary>
    public string Channel(SubscriberChannel channel) => channel switch
    {
        SubscriberChannel.Email => ChannelEmail,
        SubscriberChannel.Slack => ChannelSlack,
        SubscriberChannel.Webhook => ChannelWebhook,
        SubscriberChannel.Teams => ChannelTeams,
        SubscriberChannel.Discord => ChannelDiscord,
        SubscriberChannel.Sms => ChannelSms,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Not a subscriber channel."),
    };

    /// <summary>An uptime figure as shown (<see cref="UptimePercentText"/>), with the language's decimal separator and sign.</summary>
    public string Percent(double percent) =>
        ReferenceEquals(this, English)
            ? UptimePercentText.Format(percent)
            : UptimePercentText.Shown(percent).ToString("0.##", Culture) + PercentSuffix;
}
