using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.Configuration;

/// <summary>Options of the core engine. Bound with <c>AddStatusPages(options =&gt; …)</c> and validated at start-up.</summary>
public sealed class StatusPagesOptions
{
    /// <summary>
    /// Incident priority → component status (keys case-insensitive). Default: Critical → MajorOutage,
    /// High → PartialOutage, Medium → DegradedPerformance, Low → Operational, Info → Operational.
    /// </summary>
    public IDictionary<string, ComponentStatus> PriorityMap { get; } =
        new Dictionary<string, ComponentStatus>(PriorityStatusMap.DefaultTable, StringComparer.OrdinalIgnoreCase);

    /// <summary>The status an unknown priority maps to (logged once per value). Default <see cref="ComponentStatus.DegradedPerformance"/>.</summary>
    public ComponentStatus UnknownPriorityStatus { get; set; } = ComponentStatus.DegradedPerformance;

    /// <summary>How long a page snapshot stays in <see cref="Abstractions.IStatusCache"/>. Default 5 minutes.</summary>
    public TimeSpan SnapshotTimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead a page shows upcoming maintenance. Default 7 days.</summary>
    public TimeSpan UpcomingMaintenanceHorizon { get; set; } = TimeSpan.FromDays(7);

    /// <summary>While the store fails, how often a reader retries it instead of serving the stale snapshot. Default 30 seconds.</summary>
    public TimeSpan FailSafeThrottle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The oldest stale snapshot served while the store fails. Default 1 day.</summary>
    public TimeSpan FailSafeMaxStaleness { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a failed recompute (a background one, or one a caller awaited and saw fail) waits before it is retried. Default 5 seconds.</summary>
    public TimeSpan RecomputeRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait before subscribing to the <see cref="Engine.IStatusChangeBackplane"/> again after it failed. Default 5 seconds.</summary>
    public TimeSpan BackplaneRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many events a change-feed subscriber may fall behind before its oldest are dropped (a page deletion never is).
    /// Default 256.
    /// </summary>
    public int ChangeFeedBufferSize { get; set; } = 256;

    /// <summary>Whether every page's snapshot is built in the background at start-up. Default true.</summary>
    public bool WarmSnapshotsOnStart { get; set; } = true;

    /// <summary>
    /// The public address of the status pages (for links in notifications), e.g. https://status.example.com/status: an
    /// absolute http or https address with a host, without user information, query or fragment (validated at start-up).
    /// Default null (no links).
    /// </summary>
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>
    /// A secret key (base64, at least 32 bytes) from which each subscriber's unsubscribe token is derived, so every
    /// notification can carry a one-click unsubscribe link. Required when <see cref="PublicBaseAddress"/> is set.
    /// Make one with <c>openssl rand -base64 32</c>, keep it with the host's other secrets (configuration, not source),
    /// give every host the same one and keep it: subscribers stored before a change of key are sent unsubscribe links
    /// that no longer work. Default null: tokens are random, returned once at subscription, and notifications carry no
    /// unsubscribe link.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>
    /// Whether the absolute links of a page with a <see cref="Model.StatusPage.CustomDomain"/> (in notifications, and the
    /// JSON API's, feeds' and iCalendar's links) point at <c>https://{customDomain}</c>; off, they point under
    /// <see cref="PublicBaseAddress"/> like any page's, so nobody is sent to a domain that does not serve the page.
    /// <c>AddStatusPageEndpoints</c> turns it on when its <c>ServeCustomDomains</c> is on; set it yourself only when
    /// another host or proxy serves the pages' domains. Default false.
    /// </summary>
    public bool LinkToCustomDomains { get; set; }

    /// <summary>
    /// How long a subscription's verification token (the confirmation link) works after it was issued; subscribing
    /// again issues a fresh one. Default 48 hours, the middle of the 24 to 72 hours mailing lists commonly allow, long
    /// enough for a message held back by greylisting or read after a weekend day.
    /// </summary>
    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How long a subscription that was never confirmed is kept after its verification token expired; then it is
    /// deleted, so anyone's unconfirmed requests do not pile up. <see cref="TimeSpan.Zero"/> deletes it as soon as the
    /// token expires. Default 5 days (7 days after the request with the default token lifetime).
    /// </summary>
    public TimeSpan UnverifiedSubscriberRetention { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// How long an audit log entry (<see cref="Audit.AuditLog"/>) is kept; older ones are deleted by an hourly pass, a
    /// deleted page's too. Between 1 day and 3,650 days. Default 365 days.
    /// </summary>
    public TimeSpan AuditLogRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a page metric's data points (<see cref="Model.MetricPoint"/>) are kept; older ones are deleted by an
    /// hourly pass. Between 30 days (the longest chart, <see cref="Metrics.MetricRange.Month"/>) and 3,650 days. Default
    /// 31 days.
    /// </summary>
    public TimeSpan MetricPointRetention { get; set; } = TimeSpan.FromDays(31);

    /// <summary>
    /// How long after a webhook subscriber's signing secret is rotated its deliveries are still signed with the old
    /// secret too (the <c>webhook-signature</c> header then holds two signatures, as Standard Webhooks provides for), so
    /// its receiver can switch to the new secret without refusing a delivery. <see cref="TimeSpan.Zero"/> signs with the
    /// new secret only, at once. Default 24 hours.
    /// </summary>
    public TimeSpan SigningSecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The channels this host takes new subscriptions by (the page's form, the public subscribe route and the admin API
    /// alike), of those that have a notifier: <c>[Email, Teams]</c> offers and accepts only those two, while Slack and
    /// webhook subscribers made before keep getting their notices. Null (the default) takes every channel that has a
    /// notifier (webhook, Slack, Microsoft Teams and Discord always; email and SMS once their notifier is added). When set it must name at
    /// least one channel, each a <see cref="SubscriberChannel"/>. From configuration: <c>"SubscriptionChannels": ["Email", "Teams"]</c>.
    /// </summary>
    public IReadOnlyList<SubscriberChannel>? SubscriptionChannels { get; set; }

    /// <summary>How much of the time in each status counts as downtime in uptime figures. Default: Major Outage 1.0, Partial Outage 0.3, others 0.</summary>
    public DowntimeWeights DowntimeWeights { get; set; } = DowntimeWeights.Default;

    /// <summary>
    /// How often each distinct upstream URL of a third-party component (<see cref="Model.Component.UpstreamUrl"/>) is
    /// read. Between 1 minute and 1 day. Default 5 minutes. A URL any host of the database read within the last
    /// nine tenths of the interval is not read again, so several hosts share the work instead of multiplying it.
    /// </summary>
    public TimeSpan UpstreamPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    internal PriorityStatusMap BuildPriorityMap() => new(PriorityMap, UnknownPriorityStatus);
}
