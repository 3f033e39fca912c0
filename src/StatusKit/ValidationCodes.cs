namespace StatusKit;

/// <summary>
/// The machine-readable reasons of the refusals of a subscription and of a subscriber's change of choice
/// (<see cref="StatusKitValidationException.Code"/>; the HTTP API's problem details carry them as <c>code</c>), also
/// given wherever the same check refuses other input (a component not on the page of a maintenance window, say), and
/// of the refusals of a request's shape any route may make (JSON that does not parse, a member the body does not take
/// or leaves out, a value of the wrong type, an id that is not one). Each is <c>subject.reason</c>, camelCase, and stays
/// as it is once published: a program may branch on it, and translate it, where the English message is for people.
/// Other refusals have no code (null).
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

    /// <summary>
    /// <c>destination.invalidPhoneNumber</c>: an SMS destination that is not a phone number in international form, or
    /// not one its country gives out (by libphonenumber's metadata).
    /// </summary>
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

    /// <summary>
    /// <c>id.invalid</c>: an id that is not one (a GUID, like <c>0195f3a4-1c2b-7d3e-9f40-5a6b7c8d9e0f</c>), in a body's
    /// member, a form's field or a query parameter.
    /// </summary>
    public const string IdInvalid = "id.invalid";

    /// <summary><c>id.empty</c>: a list of ids that holds the empty id (<c>00000000-0000-0000-0000-000000000000</c>), which names nothing.</summary>
    public const string IdEmpty = "id.empty";

    /// <summary><c>ids.duplicate</c>: a list of ids that names one id more than once.</summary>
    public const string IdsDuplicate = "ids.duplicate";

    /// <summary><c>body.invalidJson</c>: a body that is not JSON (its syntax breaks; the message says where), or is JSON's <c>null</c>.</summary>
    public const string BodyInvalidJson = "body.invalidJson";

    /// <summary>
    /// <c>member.unknown</c>: a member the body does not take, such as a misspelling or a member of another body (the
    /// field names it as it was sent), or a version sent in the body rather than as the <c>If-Match</c> header.
    /// </summary>
    public const string MemberUnknown = "member.unknown";

    /// <summary>
    /// <c>member.required</c>: a field without a default left out or null, or, for a name, title, message or time zone,
    /// only white space.
    /// </summary>
    public const string MemberRequired = "member.required";

    /// <summary>
    /// <c>value.invalid</c>: a field or query parameter whose value is not of its type: a string for a number, a value
    /// none of the field's names (where the field has no code of its own, as <see cref="ChannelUnknown"/>), a time
    /// without its UTC offset, a query parameter's value the route does not take (a chart range other than day, week or
    /// month, say).
    /// </summary>
    public const string ValueInvalid = "value.invalid";

    /// <summary><c>value.outOfRange</c>: a number outside the range the field takes (a list's <c>take</c> over its most, a negative <c>displayOrder</c>); the message names the range.</summary>
    public const string ValueOutOfRange = "value.outOfRange";

    /// <summary><c>text.tooLong</c>: a text (a name, title, description, message, an id of the platform's) over the most characters the field takes, which the message names.</summary>
    public const string TextTooLong = "text.tooLong";

    /// <summary><c>text.containsNul</c>: a text holding the NUL character (U+0000), which no text a person types holds and not every store can keep.</summary>
    public const string TextContainsNul = "text.containsNul";
}
