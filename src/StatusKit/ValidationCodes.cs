namespace StatusKit;

/// <summary>
/// The machine-readable reasons of the refusals of a subscription and of a subscriber's change of choice
/// (<see cref="StatusKitValidationException.Code"/>; the HTTP API's problem details carry them as <c>code</c>), also
/// given wherever the same check refuses other input (a component not on the page of a maintenance window, say). Each
/// is <c>subject.reason</c>, camelCase, and stays as it is once published: a program may branch on it, and translate
/// it, where the English message is for people. Other refusals have no code (null).
/// </summary>
public static class ValidationCodes
{
    /// <summary><c>channel.unknown</c>: the channel is none of StatusKit's channels.</summary>
    public const string ChannelUnknown = "channel.unknown";

    /// <summary><c>channel.unsupported</c>: a channel this host does not take subscriptions by (no notifier for it, or not among the options' <c>SubscriptionChannels</c>).</summary>
    public const string ChannelUnsupported = "channel.unsupported";

    /// <summary><c>destination.required</c>: no destination, or only white space.</summary>
    public const string DestinationRequired = "destination.required";

    /// <summary><c>destination.tooLong</c>: a destination over 2,000 characters (after trimming).</summary>
    public const string DestinationTooLong = "destination.tooLong";

    /// <summary><c>destination.invalidEmail</c>: an email destination that is not a plain address (<c>name@example.com</c>).</summary>
    public const string DestinationInvalidEmail = "destination.invalidEmail";

    /// <summary><c>destination.invalidPhoneNumber</c>: an SMS destination that is not a mobile number in international form.</summary>
    public const string DestinationInvalidPhoneNumber = "destination.invalidPhoneNumber";

    /// <summary><c>destination.invalidUrl</c>: a webhook destination that is not an absolute http or https URL without credentials.</summary>
    public const string DestinationInvalidUrl = "destination.invalidUrl";

    /// <summary><c>destination.invalidHttpsUrl</c>: a Slack or Teams destination that is not an absolute https URL without credentials.</summary>
    public const string DestinationInvalidHttpsUrl = "destination.invalidHttpsUrl";

    /// <summary><c>destination.invalidDiscordWebhook</c>: a Discord destination that is not a Discord webhook URL.</summary>
    public const string DestinationInvalidDiscordWebhook = "destination.invalidDiscordWebhook";

    /// <summary><c>destination.httpsRequired</c>: a plain http URL, which this host does not deliver to (it allows neither http nor private networks).</summary>
    public const string DestinationHttpsRequired = "destination.httpsRequired";

    /// <summary>
    /// <c>destination.unreachableHost</c>: a URL of the right shape whose host does not resolve, or resolves to an
    /// address deliveries may not reach (loopback, private, link-local and the like). Which of these is not said, on
    /// purpose: anyone may subscribe, and telling them apart would map the host's network.
    /// </summary>
    public const string DestinationUnreachableHost = "destination.unreachableHost";

    /// <summary><c>notifyOn.empty</c>: no event chosen.</summary>
    public const string NotifyOnEmpty = "notifyOn.empty";

    /// <summary><c>notifyOn.unknown</c>: an event that is none of degraded, outage, maintenance, resolved.</summary>
    public const string NotifyOnUnknown = "notifyOn.unknown";

    /// <summary><c>components.notOnPage</c>: a component that is not (or no longer) on the page.</summary>
    public const string ComponentsNotOnPage = "components.notOnPage";

    /// <summary><c>incident.notOnPage</c>: an incident that is not (or no longer) on the page.</summary>
    public const string IncidentNotOnPage = "incident.notOnPage";

    /// <summary>
    /// <c>incident.followsAllUpdates</c>: components or events chosen for a subscription to one incident, which follows
    /// all of that incident's updates and has neither to choose (the field names which was sent).
    /// </summary>
    public const string IncidentFollowsAllUpdates = "incident.followsAllUpdates";
}
