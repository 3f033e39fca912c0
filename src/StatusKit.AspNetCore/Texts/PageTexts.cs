using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Texts;

/// <summary>
/// The fixed texts of a page's HTML and of its subscription pages in one language (<see cref="Model.StatusPage.Language"/>):
/// one instance per supported language (<see cref="English"/>, <see cref="German"/>, <see cref="French"/>,
/// <see cref="Spanish"/>), <see cref="For"/> picks a page's. A text with <c>{0}</c>, <c>{1}</c> is a composite format
/// whose arguments its summary names; every language has every text, with the same arguments (a test checks both).
/// Operator-written content (names, titles, messages) is never a text here: it is shown as written.
/// </summary>
internal sealed partial record PageTexts
{
    /// <summary>The language's BCP 47 tag (<see cref="Model.PageLanguages"/>).</summary>
    public required string Tag { get; init; }

    /// <summary>The words of the statuses and incident states in this language, one set shared with the other catalogue (<see cref="StatusWords"/>).</summary>
    public required StatusWords Words { get; init; }

    /// <summary>The culture dates and numbers are written in (the invariant culture for English, whose dates it has always written).</summary>
    public required CultureInfo Culture { get; init; }

    /// <summary>The format of an instant on the page's clock (a .NET custom format, in Culture). English: <c>d MMM yyyy, HH:mm</c>.</summary>
    public required string DateTimeFormat { get; init; }

    /// <summary>The format of a day of an uptime bar. English: <c>d MMM yyyy</c>.</summary>
    public required string DayFormat { get; init; }

    /// <summary>The format of a month heading of the history. English: <c>MMMM yyyy</c>.</summary>
    public required string MonthFormat { get; init; }

    /// <summary>What follows an uptime figure (a no-break space first where the language writes one). English: <c>%</c>.</summary>
    public required string PercentSuffix { get; init; }

    /// <summary>The title of the status page: {0} the page's name. English: <c>{0} status</c>.</summary>
    public required string PageTitle { get; init; }

    /// <summary>The title of a page below it: {0} what it shows, {1} the page's name. English: <c>{0} - {1} status</c>.</summary>
    public required string SubPageTitle { get; init; }

    /// <summary>The title of the history feeds' alternate links. English: <c>Incident and maintenance history</c>.</summary>
    public required string FeedTitle { get; init; }

    /// <summary>The status page's skip link. English: <c>Skip to the status</c>.</summary>
    public required string SkipToStatus { get; init; }

    /// <summary>An incident page's skip link. English: <c>Skip to the incident</c>.</summary>
    public required string SkipToIncident { get; init; }

    /// <summary>A maintenance page's skip link. English: <c>Skip to the maintenance</c>.</summary>
    public required string SkipToMaintenance { get; init; }

    /// <summary>The history's skip link. English: <c>Skip to the history</c>.</summary>
    public required string SkipToHistory { get; init; }

    /// <summary>The past maintenance's skip link. English: <c>Skip to past maintenance</c>.</summary>
    public required string SkipToPastMaintenance { get; init; }

    /// <summary>The link back to the status page: {0} the page's name. English: <c>Current status of {0}</c>.</summary>
    public required string CurrentStatusOf { get; init; }

    /// <summary>The footer's time zone note: {0} UTC or ZoneTime. English: <c>Times are shown in {0}.</c>.</summary>
    public required string TimesShownIn { get; init; }

    /// <summary>The name of UTC in TimesShownIn. English: <c>UTC</c>.</summary>
    public required string Utc { get; init; }

    /// <summary>A zone's time in TimesShownIn: {0} its IANA id. English: <c>{0} time</c>.</summary>
    public required string ZoneTime { get; init; }

    /// <summary>The footer's link to the JSON API. English: <c>JSON API</c>.</summary>
    public required string JsonApi { get; init; }

    /// <summary>The footer's words before the feed links. English: <c>History feed:</c>.</summary>
    public required string HistoryFeed { get; init; }

    /// <summary>The footer's link to the iCalendar feed. English: <c>Maintenance calendar</c>.</summary>
    public required string MaintenanceCalendar { get; init; }

    /// <summary>The footer's link to the organisation's website: {0} its host name. English: <c>Back to {0}</c>.</summary>
    public required string BackTo { get; init; }

    /// <summary>The banner of an operational page. English: <c>All Systems Operational</c>.</summary>
    public required string AllSystemsOperational { get; init; }

    /// <summary>The banner of a page under maintenance. English: <c>Service Under Maintenance</c>.</summary>
    public required string ServiceUnderMaintenance { get; init; }

    /// <summary>The banner of a page with degraded performance. English: <c>Partially Degraded Service</c> (Statuspage's words).</summary>
    public required string PartiallyDegradedService { get; init; }

    /// <summary>The banner of a page with a partial outage. English: <c>Partial System Outage</c>.</summary>
    public required string PartialSystemOutage { get; init; }

    /// <summary>The banner of a page with a major outage. English: <c>Major Service Outage</c>.</summary>
    public required string MajorServiceOutage { get; init; }

    /// <summary>The components' heading. English: <c>Components</c>.</summary>
    public required string Components { get; init; }

    /// <summary>What a page without components says. English: <c>This page has no components yet.</c>.</summary>
    public required string NoComponentsYet { get; init; }

    /// <summary>What a page whose shown components are all hidden says. English: <c>All components are operational.</c>.</summary>
    public required string AllComponentsOperational { get; init; }

    /// <summary>
    /// The note under a third-party component, whose status follows another status page: {0} that page's host name.
    /// English: <c>Third-party component: {0}</c>.
    /// </summary>
    public required string ThirdPartyComponent { get; init; }

    /// <summary>An uptime bar's label: {0} the component, {1} its uptime, {2} the days. English: <c>{0}: {1} uptime over the last {2} days</c>.</summary>
    public required string UptimeSummary { get; init; }

    /// <summary>An uptime bar's label without data: {0} the component, {1} the days. English: <c>{0}: no uptime data for the last {1} days</c>.</summary>
    public required string NoUptimeSummary { get; init; }

    /// <summary>A day of the bar: {0} the day, {1} its uptime, {2} its worst status. English: <c>{0}: {1} uptime, worst status {2}</c>.</summary>
    public required string UptimeDay { get; init; }

    /// <summary>A day of the bar without data: {0} the day. English: <c>{0}: no data</c>.</summary>
    public required string NoDataDay { get; init; }

    /// <summary>The time a day spent in major outage is named by. English: <c>Major outage</c>.</summary>
    public required string MajorOutageTime { get; init; }

    /// <summary>The time a day spent in partial outage is named by. English: <c>Partial outage</c>.</summary>
    public required string PartialOutageTime { get; init; }

    /// <summary>A time in outage under a minute. English: <c>under 1 min</c>.</summary>
    public required string UnderOneMinute { get; init; }

    /// <summary>A time in outage under an hour. English: <c>{0} min</c>.</summary>
    public required string Minutes { get; init; }

    /// <summary>A time in outage of whole hours. English: <c>{0} h</c>.</summary>
    public required string Hours { get; init; }

    /// <summary>A time in outage of hours and minutes. English: <c>{0} h {1} min</c>.</summary>
    public required string HoursMinutes { get; init; }

    /// <summary>The words before the incidents a day names. English: <c>. Incidents: </c>.</summary>
    public required string DayIncidents { get; init; }

    /// <summary>After the incidents a day names, how many more: {0}. English: <c> and {0} more</c>.</summary>
    public required string AndMore { get; init; }

    /// <summary>A day whose incidents may not all be named. English: <c>. Incidents of this day may not all be listed</c>.</summary>
    public required string IncompleteDay { get; init; }

    /// <summary>The legend's start: {0} the days of the bar. English: <c>{0} days ago</c>.</summary>
    public required string DaysAgo { get; init; }

    /// <summary>The legend's uptime: {0} the figure. English: <c>{0} uptime</c>.</summary>
    public required string UptimeLegend { get; init; }

    /// <summary>The legend without uptime. English: <c>No data</c>.</summary>
    public required string NoData { get; init; }

    /// <summary>The legend's end. English: <c>Today</c>.</summary>
    public required string Today { get; init; }

    /// <summary>The label of an incident's section. English: <c>Incident</c>.</summary>
    public required string Incident { get; init; }

    /// <summary>The heading of the unresolved incidents. English: <c>Current incidents</c>.</summary>
    public required string CurrentIncidents { get; init; }

    /// <summary>An incident's impact: {0} its name. English: <c>Impact: {0}</c>.</summary>
    public required string Impact { get; init; }

    /// <summary>An impact. English: <c>none</c>.</summary>
    public required string ImpactNone { get; init; }

    /// <summary>An impact. English: <c>minor</c>.</summary>
    public required string ImpactMinor { get; init; }

    /// <summary>An impact. English: <c>major</c>.</summary>
    public required string ImpactMajor { get; init; }

    /// <summary>An impact. English: <c>critical</c>.</summary>
    public required string ImpactCritical { get; init; }

    /// <summary>An impact. English: <c>maintenance</c>.</summary>
    public required string ImpactMaintenance { get; init; }

    /// <summary>The components an incident or a window affects: {0} their names. English: <c>Affected: {0}</c>.</summary>
    public required string Affected { get; init; }

    /// <summary>The postmortem's heading. English: <c>Postmortem</c>.</summary>
    public required string Postmortem { get; init; }

    /// <summary>The words before a postmortem's publication time. English: <c>Published </c>.</summary>
    public required string Published { get; init; }

    /// <summary>The heading of the recent history: {0} its days. English: <c>Past incidents (last {0} days)</c>.</summary>
    public required string PastIncidents { get; init; }

    /// <summary>A recent history without incidents. English: <c>No incidents in the last {0} days.</c>.</summary>
    public required string NoIncidentsInDays { get; init; }

    /// <summary>A recent history without resolved incidents while one is open. English: <c>No resolved incidents in the last {0} days.</c>.</summary>
    public required string NoResolvedIncidentsInDays { get; init; }

    /// <summary>The label of a maintenance window's section. English: <c>Maintenance</c>.</summary>
    public required string Maintenance { get; init; }

    /// <summary>The heading of the active maintenance. English: <c>Maintenance in progress</c>.</summary>
    public required string MaintenanceInProgress { get; init; }

    /// <summary>The heading of the upcoming maintenance. English: <c>Upcoming maintenance</c>.</summary>
    public required string UpcomingMaintenance { get; init; }

    /// <summary>A window's state. English: <c>Scheduled</c>.</summary>
    public required string Scheduled { get; init; }

    /// <summary>A window's state. English: <c>In progress</c>.</summary>
    public required string InProgress { get; init; }

    /// <summary>A window's state. English: <c>Completed</c>.</summary>
    public required string Completed { get; init; }

    /// <summary>A window's state. English: <c>Cancelled</c>.</summary>
    public required string Cancelled { get; init; }

    /// <summary>Said of a recurring window. English: <c>recurring</c>.</summary>
    public required string Recurring { get; init; }

    /// <summary>Before a scheduled window's start. English: <c>Starts </c>.</summary>
    public required string Starts { get; init; }

    /// <summary>Before a started window's start. English: <c>Started </c>.</summary>
    public required string Started { get; init; }

    /// <summary>Between a window's start and its end to come. English: <c> · ends </c>.</summary>
    public required string Ends { get; init; }

    /// <summary>Between a completed window's start and its end. English: <c> · ended </c>.</summary>
    public required string Ended { get; init; }

    /// <summary>Before a cancelled window's start. English: <c>Was planned from </c>.</summary>
    public required string PlannedFrom { get; init; }

    /// <summary>Between a cancelled window's start and end. English: <c> to </c>.</summary>
    public required string PlannedTo { get; init; }

    /// <summary>A recurring window without further occurrences. English: <c>This is its last occurrence.</c>.</summary>
    public required string LastOccurrence { get; init; }

    /// <summary>The heading of a recurring window's next occurrences. English: <c>Next occurrences</c>.</summary>
    public required string NextOccurrences { get; init; }

    /// <summary>The incident history's heading, title and link. English: <c>Incident history</c>.</summary>
    public required string IncidentHistory { get; init; }

    /// <summary>An empty incident history. English: <c>No incidents reported.</c>.</summary>
    public required string NoIncidentsReported { get; init; }

    /// <summary>A page past the incident history's end. English: <c>No older incidents.</c>.</summary>
    public required string NoOlderIncidents { get; init; }

    /// <summary>The label of the incident history's page links. English: <c>More incidents</c>.</summary>
    public required string MoreIncidents { get; init; }

    /// <summary>The link to newer incidents. English: <c>Newer incidents</c>.</summary>
    public required string NewerIncidents { get; init; }

    /// <summary>The link to older incidents. English: <c>Older incidents</c>.</summary>
    public required string OlderIncidents { get; init; }

    /// <summary>The past maintenance's heading and title. English: <c>Past maintenance</c>.</summary>
    public required string PastMaintenance { get; init; }

    /// <summary>An empty past maintenance. English: <c>No completed maintenance.</c>.</summary>
    public required string NoCompletedMaintenance { get; init; }

    /// <summary>A page past the past maintenance's end. English: <c>No older maintenance.</c>.</summary>
    public required string NoOlderMaintenance { get; init; }

    /// <summary>The label of the past maintenance's page links. English: <c>More maintenance</c>.</summary>
    public required string MoreMaintenance { get; init; }

    /// <summary>The link to newer maintenance. English: <c>Newer maintenance</c>.</summary>
    public required string NewerMaintenance { get; init; }

    /// <summary>The link to older maintenance. English: <c>Older maintenance</c>.</summary>
    public required string OlderMaintenance { get; init; }

    /// <summary>The page's subscribe form. English: <c>Subscribe to updates</c>.</summary>
    public required string SubscribeToUpdates { get; init; }

    /// <summary>An incident's subscribe form. English: <c>Get updates on this incident</c>.</summary>
    public required string GetUpdatesOnIncident { get; init; }

    /// <summary>The channels' legend. English: <c>Send updates by</c>.</summary>
    public required string SendUpdatesBy { get; init; }

    /// <summary>A channel. English: <c>Email</c>.</summary>
    public required string ChannelEmail { get; init; }

    /// <summary>A channel. English: <c>Slack (incoming webhook URL)</c>.</summary>
    public required string ChannelSlack { get; init; }

    /// <summary>A channel. English: <c>Webhook (HTTPS URL)</c>.</summary>
    public required string ChannelWebhook { get; init; }

    /// <summary>A channel. English: <c>Microsoft Teams (workflow webhook URL)</c>.</summary>
    public required string ChannelTeams { get; init; }

    /// <summary>A channel. English: <c>Discord (webhook URL)</c>.</summary>
    public required string ChannelDiscord { get; init; }

    /// <summary>A channel. English: <c>SMS (mobile number with country code)</c>.</summary>
    public required string ChannelSms { get; init; }

    /// <summary>A kind of destination, in lowercase. English: <c>email address</c>.</summary>
    public required string EmailAddress { get; init; }

    /// <summary>A kind of destination, in lowercase. English: <c>phone number</c>.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>A kind of destination. English: <c>URL</c>.</summary>
    public required string Url { get; init; }

    /// <summary>The last two kinds of destination: {0} the first ones (comma-separated), {1} the last. English: <c>{0} or {1}</c>.</summary>
    public required string Or { get; init; }

    /// <summary>The form's button. English: <c>Subscribe</c>.</summary>
    public required string Subscribe { get; init; }

    /// <summary>The form's note. English: <c>We send a message to confirm first; nothing arrives until you confirm it.</c>.</summary>
    public required string ConfirmFirst { get; init; }

    /// <summary>The events' legend. English: <c>Tell me about</c>.</summary>
    public required string TellMeAbout { get; init; }

    /// <summary>An event to hear about. English: <c>Degraded performance</c>.</summary>
    public required string EventDegraded { get; init; }

    /// <summary>An event to hear about. English: <c>Outages</c>.</summary>
    public required string EventOutage { get; init; }

    /// <summary>An event to hear about. English: <c>Maintenance</c>.</summary>
    public required string EventMaintenance { get; init; }

    /// <summary>An event to hear about. English: <c>Back to operational</c>.</summary>
    public required string EventResolved { get; init; }

    /// <summary>The components' summary. English: <c>Only some components</c>.</summary>
    public required string OnlySomeComponents { get; init; }

    /// <summary>The components' legend. English: <c>Components (none ticked: all of them)</c>.</summary>
    public required string ComponentsNoneTicked { get; init; }

    /// <summary>The confirmation question: {0} the page's name. English: <c>Subscribe to {0}?</c>.</summary>
    public required string SubscribeQuestion { get; init; }

    /// <summary>The confirmation question of an incident's follower: {0} the incident, {1} the page. English: <c>Get updates on "{0}" from {1}?</c>.</summary>
    public required string IncidentQuestion { get; init; }

    /// <summary>The confirmation button. English: <c>Confirm</c>.</summary>
    public required string Confirm { get; init; }

    /// <summary>The unsubscribe question: {0} the page's name. English: <c>Unsubscribe from {0}?</c>.</summary>
    public required string UnsubscribeQuestion { get; init; }

    /// <summary>The unsubscribe button and link. English: <c>Unsubscribe</c>.</summary>
    public required string Unsubscribe { get; init; }

    /// <summary>The unsubscribe page's link to the manage page. English: <c>Change what you get instead</c>.</summary>
    public required string ChangeInstead { get; init; }

    /// <summary>The confirmation's title. English: <c>Subscription confirmed</c>.</summary>
    public required string SubscriptionConfirmed { get; init; }

    /// <summary>The confirmation's text: {0} the page's name. English: <c>You will now hear about {0}.</c>.</summary>
    public required string WillHear { get; init; }

    /// <summary>A webhook's confirmation: {0} its URL, {1} its secret. English: <c>The secret that signs every delivery to {0} (Standard Webhooks, webhook-signature header) is {1}. Keep it now: it is not shown again.</c>.</summary>
    public required string SigningSecret { get; init; }

    /// <summary>The title after unsubscribing. English: <c>Unsubscribed</c>.</summary>
    public required string Unsubscribed { get; init; }

    /// <summary>The text after unsubscribing: {0} the page's name. English: <c>You will no longer hear about {0}.</c>.</summary>
    public required string NoLongerHear { get; init; }

    /// <summary>The title after subscribing. English: <c>Check your messages</c>.</summary>
    public required string CheckYourMessages { get; init; }

    /// <summary>The text after subscribing. English: <c>Unless the destination is already subscribed, a confirmation message was sent to it; the subscription starts once it is confirmed.</c>.</summary>
    public required string CheckYourMessagesText { get; init; }

    /// <summary>The link back from a subscription page. English: <c>Back to the status page</c>.</summary>
    public required string BackToStatusPage { get; init; }

    /// <summary>An expired confirmation link's title. English: <c>Link expired</c>.</summary>
    public required string LinkExpired { get; init; }

    /// <summary>An expired confirmation link's text: {0} the page's name. English: <c>This confirmation link for {0} has expired, and the subscription was not confirmed. Subscribe again to get a new link.</c>.</summary>
    public required string LinkExpiredText { get; init; }

    /// <summary>The title of a page that is not there (an unknown incident, window or page). English: <c>Page not found</c>.</summary>
    public required string PageNotFound { get; init; }

    /// <summary>Its text. English: <c>There is no page at this address. It may have been removed, or the link may be mistyped.</c>.</summary>
    public required string PageNotFoundText { get; init; }

    /// <summary>A rate-limited request's title. English: <c>Too many requests</c>.</summary>
    public required string TooManyRequests { get; init; }

    /// <summary>A rate-limited address. English: <c>Too many subscription requests from this address; try again later.</c>.</summary>
    public required string TooManyFromAddress { get; init; }

    /// <summary>A rate-limited destination. English: <c>Too many subscription requests for this destination; try again later.</c>.</summary>
    public required string TooManyForDestination { get; init; }

    /// <summary>The title of a refused subscription (its text is the reason: one of the Refused… texts). English: <c>Subscription not saved</c>.</summary>
    public required string SubscriptionNotSaved { get; init; }

    /// <summary>The manage page's title. English: <c>Manage your subscription</c>.</summary>
    public required string ManageTitle { get; init; }

    /// <summary>The manage page's heading: {0} the page's name. English: <c>Your updates from {0}</c>.</summary>
    public required string YourUpdatesFrom { get; init; }

    /// <summary>A follower's incident: {0} its title. English: <c>Updates on incident: {0}</c>.</summary>
    public required string UpdatesOnIncident { get; init; }

    /// <summary>A follower's incident when it is gone. English: <c>an incident of this page</c>.</summary>
    public required string AnIncidentOfThisPage { get; init; }

    /// <summary>What a follower hears. English: <c>You hear every update of this incident, its resolution and its postmortem, and nothing else of the page.</c>.</summary>
    public required string FollowerHears { get; init; }

    /// <summary>The manage page's note. English: <c>Choose what you hear about. Updates keep going where they go now.</c>.</summary>
    public required string ChooseWhatYouHear { get; init; }

    /// <summary>The manage page's button. English: <c>Save</c>.</summary>
    public required string Save { get; init; }

    /// <summary>The manage page's unsubscribe link. English: <c>Unsubscribe instead</c>.</summary>
    public required string UnsubscribeInstead { get; init; }

    /// <summary>A saved choice. English: <c>Your choice is saved.</c>.</summary>
    public required string ChoiceSaved { get; init; }

    /// <summary>A stopped subscription's title. English: <c>Subscription stopped</c>.</summary>
    public required string SubscriptionStopped { get; init; }

    /// <summary>An ended subscription's title. English: <c>Subscription ended</c>.</summary>
    public required string SubscriptionEnded { get; init; }

    /// <summary>A subscription stopped for failures: {0} the page's name. English: <c>Notices from {0} to this subscription's destination kept failing, so they were stopped and there is nothing to change here. To hear from it again, subscribe again on the status page, or ask the page's operators to turn this subscription back on once the destination takes notices.</c>.</summary>
    public required string StoppedFailing { get; init; }

    /// <summary>A subscription the operators stopped. English: <c>The operators of {0} stopped this subscription, so there is nothing to change here. To hear from it again, subscribe again on the status page.</c>.</summary>
    public required string StoppedByOperator { get; init; }

    /// <summary>A subscription whose components were removed. English: <c>Every component this subscription followed was removed from {0}, so it ended and there is nothing to change here. To hear from the page again, subscribe again on the status page and choose what to follow.</c>.</summary>
    public required string EndedComponentsDeleted { get; init; }

    /// <summary>A subscription whose incident was removed. English: <c>The incident this subscription followed was removed from {0}, so it ended and there is nothing to change here. To hear from the page again, subscribe again on the status page.</c>.</summary>
    public required string EndedIncidentDeleted { get; init; }

    /// <summary>An unsubscribed subscription's manage link. English: <c>You no longer hear about {0}, so there is nothing to change. To hear from it again, subscribe again on the status page.</c>.</summary>
    public required string NoLongerHearNothingToChange { get; init; }

    /// <summary>The heading of the system metrics section. English: <c>System metrics</c>.</summary>
    public required string MetricsHeading { get; init; }

    /// <summary>Before the time of a metric's latest value: {0} the time. English: <c>at {0}</c>.</summary>
    public required string MetricLatestAt { get; init; }

    /// <summary>A metric without a value in the last 24 hours (the day's chart). English: <c>No data in the last 24 hours</c>.</summary>
    public required string MetricNoData { get; init; }

    /// <summary>The title of a metric's chart of the last 24 hours: {0} the metric's name. English: <c>{0}, last 24 hours</c>.</summary>
    public required string MetricChartTitle { get; init; }

    /// <summary>The description of a metric's chart of the last 24 hours: {0} the lowest, {1} the highest 5-minute average. English: <c>Average per 5 minutes over the last 24 hours: lowest {0}, highest {1}.</c></summary>
    public required string MetricChartDescription { get; init; }

    /// <summary>The left end of the time axis of a metric's chart of the last 24 hours. English: <c>24 hours ago</c>.</summary>
    public required string MetricAxisStart { get; init; }

    /// <summary>The right end of a metric chart's time axis. English: <c>Now</c>.</summary>
    public required string MetricAxisEnd { get; init; }

    /// <summary>The accessible name of the links that choose the range of the metric charts. English: <c>Chart range</c>.</summary>
    public required string MetricRanges { get; init; }

    /// <summary>The link to the metric charts of the last 24 hours. English: <c>Day</c>.</summary>
    public required string MetricRangeDay { get; init; }

    /// <summary>The link to the metric charts of the last 7 days. English: <c>Week</c>.</summary>
    public required string MetricRangeWeek { get; init; }

    /// <summary>The link to the metric charts of the last 30 days. English: <c>Month</c>.</summary>
    public required string MetricRangeMonth { get; init; }

    /// <summary>A metric without a value in the last 7 days. English: <c>No data in the last 7 days</c>.</summary>
    public required string MetricNoDataWeek { get; init; }

    /// <summary>A metric without a value in the last 30 days. English: <c>No data in the last 30 days</c>.</summary>
    public required string MetricNoDataMonth { get; init; }

    /// <summary>The title of a metric's chart of the last 7 days: {0} the metric's name. English: <c>{0}, last 7 days</c>.</summary>
    public required string MetricChartTitleWeek { get; init; }

    /// <summary>The title of a metric's chart of the last 30 days: {0} the metric's name. English: <c>{0}, last 30 days</c>.</summary>
    public required string MetricChartTitleMonth { get; init; }

    /// <summary>The description of a metric's chart of the last 7 days: {0} the lowest, {1} the highest hourly average. English: <c>Hourly average over the last 7 days: lowest {0}, highest {1}.</c>.</summary>
    public required string MetricChartDescriptionWeek { get; init; }

    /// <summary>The description of a metric's chart of the last 30 days: {0} the lowest, {1} the highest 6-hour average. English: <c>Average per 6 hours over the last 30 days: lowest {0}, highest {1}.</c>.</summary>
    public required string MetricChartDescriptionMonth { get; init; }

    /// <summary>The left end of the time axis of a metric's chart of the last 7 days. English: <c>7 days ago</c>.</summary>
    public required string MetricAxisStartWeek { get; init; }

    /// <summary>The left end of the time axis of a metric's chart of the last 30 days. English: <c>30 days ago</c>.</summary>
    public required string MetricAxisStartMonth { get; init; }

    /// <summary>The title of a request over its size limit. English: <c>Request too large</c>.</summary>
    public required string RequestTooLarge { get; init; }

    /// <summary>The text of a subscribe form over its size limit: {0} the limit in KiB. English: <c>A subscription request must be at most {0} KiB.</c>.</summary>
    public required string SubscribeTooLarge { get; init; }

    /// <summary>The text of a manage form over its size limit: {0} the limit in KiB. English: <c>A change of subscription must be at most {0} KiB.</c>.</summary>
    public required string ChangeTooLarge { get; init; }

    /// <summary>A refused form's reason: a channel the host does not take. English: <c>Updates cannot be sent by this channel here; choose one of the channels the form offers.</c>.</summary>
    public required string RefusedChannel { get; init; }

    /// <summary>A refused form's reason: no destination. English: <c>The destination is required.</c>.</summary>
    public required string RefusedDestinationRequired { get; init; }

    /// <summary>A refused form's reason: {0} the most characters a destination may have. English: <c>The destination must be at most {0} characters.</c>.</summary>
    public required string RefusedDestinationTooLong { get; init; }

    /// <summary>A refused form's reason: {0} what was typed. English: <c>'{0}' is not an email address (expected name@example.com).</c>.</summary>
    public required string RefusedEmail { get; init; }

    /// <summary>A refused form's reason (Slack, Teams): {0} what was typed. English: <c>'{0}' is not an absolute https URL without credentials.</c>.</summary>
    public required string RefusedHttpsUrl { get; init; }

    /// <summary>A refused form's reason (webhook): {0} what was typed. English: <c>'{0}' is not an absolute http or https URL without credentials.</c>.</summary>
    public required string RefusedHttpUrl { get; init; }

    /// <summary>A refused form's reason: a URL of the right shape the host may not send to (its address, its scheme). English: <c>Updates cannot be sent to this URL: its host must resolve to a public address (and take https).</c>.</summary>
    public required string RefusedUnreachable { get; init; }

    /// <summary>A refused form's reason (Discord; never formatted: its braces are literal). English: the service's own text, <c>The destination must be a Discord webhook URL such as …</c>.</summary>
    public required string RefusedDiscordUrl { get; init; }

    /// <summary>A refused form's reason (SMS). English: the service's own text, <c>The destination must be a mobile phone number in international form that its country gives out: …</c>.</summary>
    public required string RefusedPhoneNumber { get; init; }

    /// <summary>A refused form's reason: no event ticked. English: <c>Choose at least one of degraded, outage, maintenance, resolved.</c>.</summary>
    public required string RefusedEvents { get; init; }

    /// <summary>A refused form's reason: a component not (or no longer) on the page. English: <c>A component you chose is no longer on this page; go back to the status page and choose again.</c>.</summary>
    public required string RefusedComponents { get; init; }

    /// <summary>A refused form's reason: an incident not (or no longer) on the page. English: <c>This incident is no longer on this page.</c>.</summary>
    public required string RefusedIncident { get; init; }

    /// <summary>A refused form's reason without a text of its own (a form the page does not send); an English page shows the service's message instead. English: <c>The subscription could not be saved; go back to the status page and try again.</c>.</summary>
    public required string RefusedOther { get; init; }

    /// <summary>The title of a subscription link that matches no subscriber of a public page. English: <c>Link not valid</c>.</summary>
    public required string LinkNotValid { get; init; }

    /// <summary>An unknown confirmation link. English: <c>This confirmation link is unknown or was already used.</c>.</summary>
    public required string UnknownConfirmationLink { get; init; }

    /// <summary>An unknown unsubscribe link. English: <c>This unsubscribe link is unknown.</c>.</summary>
    public required string UnknownUnsubscribeLink { get; init; }

    /// <summary>An unknown link to manage a subscription. English: <c>This link to manage a subscription is unknown.</c>.</summary>
    public required string UnknownManageLink { get; init; }

    /// <summary>An uptime day's keyboard description (the page script's aria-description). English: <c>Left and right arrows, Home and End: other days.</c>.</summary>
    public required string KeysDays { get; init; }

    /// <summary>After KeysDays on a day with incidents. English: <c>Enter: this day's incidents.</c>.</summary>
    public required string KeysEnter { get; init; }

    /// <summary>A day's incident link's keyboard description. English: <c>Escape: back to the day.</c>.</summary>
    public required string KeysBack { get; init; }

    /// <summary>The visible hint under a focused day, after its arrows. English: <c>other days</c>.</summary>
    public required string HintDays { get; init; }

    /// <summary>The visible hint's second part on a day with incidents. English: <c>Enter: this day’s incidents</c>.</summary>
    public required string HintDayIncidents { get; init; }

    /// <summary>The visible hint under a focused incident link, after Tab and its arrows. English: <c>other incidents</c>.</summary>
    public required string HintOtherIncidents { get; init; }

    /// <summary>The visible hint's second part under a focused incident link. English: <c>Esc: back to the day</c>.</summary>
    public required string HintBack { get; init; }
}
