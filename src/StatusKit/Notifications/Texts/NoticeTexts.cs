using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.Notifications.Texts;

/// <summary>
/// The fixed texts of the notices subscribers receive (email, Slack, Microsoft Teams, Discord, SMS) in one language
/// (<see cref="Model.StatusPage.Language"/>): one instance per supported language (<see cref="English"/>,
/// <see cref="German"/>, <see cref="French"/>, <see cref="Spanish"/>), <see cref="For"/> picks a notice's. A text with
/// <c>{0}</c>, <c>{1}</c> is a composite format whose arguments its summary names; every language has every text, with
/// the same arguments (a test checks both). Operator-written content (the page's name, component names, incident and
/// maintenance titles, messages) is never a text here: it is sent as written. Webhooks, which machines read, stay English.
/// </summary>
internal sealed partial record NoticeTexts
{
    /// <summary>The language's BCP 47 tag (<see cref="Model.PageLanguages"/>).</summary>
    public required string Tag { get; init; }

    /// <summary>The words of the statuses and incident states in this language, one set shared with the other catalogue (<see cref="StatusWords"/>).</summary>
    public required StatusWords Words { get; init; }

    /// <summary>The culture dates are written in (the invariant culture for English, whose dates it has always written).</summary>
    public required CultureInfo Culture { get; init; }

    /// <summary>The format of an instant on the page's clock (a .NET custom format, in Culture). English: <c>yyyy-MM-dd HH:mm</c>.</summary>
    public required string DateTimeFormat { get; init; }

    /// <summary>A component change's body: {0} the component, {1} its old status, {2} its new one. English: <c>{0} changed from {1} to {2}.</c>.</summary>
    public required string ComponentChanged { get; init; }

    /// <summary>The subject's headline of an incident's first notice. English: <c>New incident</c>.</summary>
    public required string NewIncident { get; init; }

    /// <summary>The subject's headline of an incident's first notice when that update resolves it. English: <c>Resolved incident</c>.</summary>
    public required string ResolvedIncident { get; init; }

    /// <summary>The paragraph naming what an incident or a window affects: {0} the components' names. English: <c>Affected components: {0}</c>.</summary>
    public required string AffectedComponents { get; init; }

    /// <summary>The headline of a maintenance reminder. English: <c>Scheduled maintenance</c>.</summary>
    public required string ScheduledMaintenance { get; init; }

    /// <summary>The headline of a maintenance's start. English: <c>Maintenance in progress</c>.</summary>
    public required string MaintenanceInProgress { get; init; }

    /// <summary>The headline of a maintenance's end. English: <c>Maintenance completed</c>.</summary>
    public required string MaintenanceCompleted { get; init; }

    /// <summary>The headline of a maintenance's cancellation. English: <c>Maintenance cancelled</c>.</summary>
    public required string MaintenanceCancelled { get; init; }

    /// <summary>The headline of a maintenance moved. English: <c>Maintenance rescheduled</c>.</summary>
    public required string MaintenanceRescheduled { get; init; }

    /// <summary>The headline of a maintenance announced. English: <c>Maintenance scheduled</c>.</summary>
    public required string MaintenanceScheduled { get; init; }

    /// <summary>A one-off window's cancellation. English: <c>Cancelled: this maintenance will not take place.</c>.</summary>
    public required string CancelledWindow { get; init; }

    /// <summary>The cancellation of one occurrence of a recurring window. English: <c>Cancelled: this occurrence of the maintenance will not take place; its later occurrences are still planned.</c>.</summary>
    public required string CancelledOccurrence { get; init; }

    /// <summary>A recurring window's cancellation. English: <c>Cancelled: this maintenance and its later occurrences will not take place.</c>.</summary>
    public required string CancelledSeries { get; init; }

    /// <summary>A one-off window brought back. English: <c>Back on: this maintenance, cancelled earlier, will take place after all.</c>.</summary>
    public required string BackOnWindow { get; init; }

    /// <summary>An occurrence brought back. English: <c>Back on: this occurrence of the maintenance, cancelled earlier, will take place after all.</c>.</summary>
    public required string BackOnOccurrence { get; init; }

    /// <summary>What precedes a recurring window's times. English: <c>This maintenance recurs; its next occurrence:</c>.</summary>
    public required string Recurs { get; init; }

    /// <summary>The end of a maintenance in progress moved: {0} its new end, {1} its old one. English: <c>The maintenance in progress now ends at {0} instead of {1}.</c>.</summary>
    public required string NowEndsAt { get; init; }

    /// <summary>A one-off window moved: {0} its old times. English: <c>Rescheduled: this maintenance moved from {0} to:</c>.</summary>
    public required string RescheduledWindow { get; init; }

    /// <summary>A recurring window's next occurrence moved: {0} its old times. English: <c>Rescheduled: the next occurrence of this maintenance moved from {0} to:</c>.</summary>
    public required string RescheduledOccurrence { get; init; }

    /// <summary>The next occurrence a completed notice announces: {0} its times. English: <c>Next occurrence: {0}</c>.</summary>
    public required string NextOccurrence { get; init; }

    /// <summary>The headline of a postmortem's first publication. English: <c>Postmortem</c>.</summary>
    public required string Postmortem { get; init; }

    /// <summary>The headline of a postmortem's correction. English: <c>Postmortem updated</c>.</summary>
    public required string PostmortemUpdated { get; init; }

    /// <summary>The line after a cut postmortem. English: <c>The full postmortem is on the incident's page.</c>.</summary>
    public required string PostmortemContinued { get; init; }

    /// <summary>A test notice's subject: {0} the page's name. English: <c>Test notification from {0}</c>.</summary>
    public required string TestSubject { get; init; }

    /// <summary>A test notice's first paragraph: {0} the page's name. English: <c>This is a test notification sent by the operators of {0} to check that their notices reach you. Nothing has changed on the page.</c>.</summary>
    public required string TestIntro { get; init; }

    /// <summary>What a subscriber follows: {0} the components, {1} its events. English: <c>You follow {0}, and are told of: {1}.</c>.</summary>
    public required string TestFollows { get; init; }

    /// <summary>What a follower of an incident follows: {0} the incident's title. English: <c>You follow the updates on the incident "{0}".</c>.</summary>
    public required string TestFollowsIncident { get; init; }

    /// <summary>What a follower of an incident since deleted follows. English: <c>You follow the updates on one incident.</c>.</summary>
    public required string TestFollowsAnIncident { get; init; }

    /// <summary>The components of a subscriber to all of them. English: <c>all components</c>.</summary>
    public required string TestAllComponents { get; init; }

    /// <summary>The components of a subscriber whose components are all gone. English: <c>the components you chose</c>.</summary>
    public required string TestChosenComponents { get; init; }

    /// <summary>A subscriber event. English: <c>degraded</c>.</summary>
    public required string EventDegraded { get; init; }

    /// <summary>A subscriber event. English: <c>outage</c>.</summary>
    public required string EventOutage { get; init; }

    /// <summary>A subscriber event. English: <c>maintenance</c>.</summary>
    public required string EventMaintenance { get; init; }

    /// <summary>A subscriber event. English: <c>resolved</c>.</summary>
    public required string EventResolved { get; init; }

    /// <summary>A confirmation request's subject: {0} what it confirms (the page's name, or IncidentUpdatesFrom). English: <c>Confirm your subscription to {0}</c>.</summary>
    public required string ConfirmSubject { get; init; }

    /// <summary>What a follower of one incident confirms: {0} the incident's title, {1} the page's name. English: <c>updates on "{0}" from {1}</c>.</summary>
    public required string IncidentUpdatesFrom { get; init; }

    /// <summary>A confirmation request with a link: {0} what it confirms, {1} the link. English: <c>Confirm your subscription to {0} by opening {1}</c>.</summary>
    public required string ConfirmByOpening { get; init; }

    /// <summary>A confirmation request without a public address: {0} what it confirms, {1} the code. English: <c>Confirm your subscription to {0} with this code: {1}</c>.</summary>
    public required string ConfirmWithCode { get; init; }

    /// <summary>A digest's subject after the page's name: {0} the number of changes. English: <c>{0} status changes</c>.</summary>
    public required string DigestSubject { get; init; }

    /// <summary>A digest's first line: {0} the number of changes, {1} the page's name. English: <c>{0} changes on {1} were held back because of the hourly notification limit:</c>.</summary>
    public required string DigestIntro { get; init; }

    /// <summary>A labelled link on a line of a plain-text email: {0} the label, {1} the link. English: <c>{0}: {1}</c>.</summary>
    public required string LabelledLink { get; init; }

    /// <summary>A plain-text email's confirmation request, before the link's line: {0} the page's name. English: <c>Open this link to confirm your subscription to {0}:</c>.</summary>
    public required string OpenLinkToConfirm { get; init; }

    /// <summary>An HTML email's confirmation request, before the link: {0} the page's name. English: <c>To confirm your subscription to {0}, open this link:</c>.</summary>
    public required string ToConfirmOpenLink { get; init; }

    /// <summary>A Slack or Discord confirmation request: {0} the page's name, {1} the link. English: <c>To confirm your subscription to {0}, open this link: {1}</c>.</summary>
    public required string ToConfirmOpenThisLink { get; init; }

    /// <summary>A Teams confirmation request: {0} the page's name, {1} the button's label. English: <c>To confirm your subscription to {0}, select {1} below.</c>.</summary>
    public required string ToConfirmSelect { get; init; }

    /// <summary>An email's footer on a confirmation request: {0} the page's name. English: <c>You receive this because this address was entered to subscribe to {0}. If you did not ask for this, ignore this message: nothing more is sent unless the subscription is confirmed.</c>.</summary>
    public required string WhyConfirm { get; init; }

    /// <summary>An email's footer: {0} the page's name. English: <c>You receive this because you subscribed to {0}.</c>.</summary>
    public required string WhySubscribed { get; init; }

    /// <summary>The label of a confirmation request's link. English: <c>Confirm your subscription</c>.</summary>
    public required string ConfirmSubscription { get; init; }

    /// <summary>The label of an email's link to the page. English: <c>View it on the status page</c>.</summary>
    public required string ViewItOnStatusPage { get; init; }

    /// <summary>The label of a chat message's link to the page, unless the host set its own. English: <c>View status page</c>.</summary>
    public required string ViewStatusPage { get; init; }

    /// <summary>The label of the link to change a subscription. English: <c>Manage subscription</c>.</summary>
    public required string ManageSubscription { get; init; }

    /// <summary>The label of the unsubscribe link. English: <c>Unsubscribe</c>.</summary>
    public required string Unsubscribe { get; init; }

    /// <summary>
    /// A heading followed by what it introduces (an SMS confirmation request's subject before its link). English:
    /// <c>{0}:</c>; French puts a space before the colon.
    /// </summary>
    public required string Introduces { get; init; }

    /// <summary>The end of an SMS confirmation request, unless the host set its own (it keeps Twilio's keyword STOP). English: <c>Reply STOP to unsubscribe.</c>.</summary>
    public required string ReplyStop { get; init; }
}
