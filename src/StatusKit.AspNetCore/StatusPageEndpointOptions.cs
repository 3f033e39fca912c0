using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore;

/// <summary>
/// Options of the StatusKit endpoints (<c>app.MapStatusPages()</c>). Bound with
/// <c>services.AddStatusPages().AddStatusPageEndpoints(options =&gt; …)</c> and validated at start-up.
/// </summary>
public sealed class StatusPageEndpointOptions
{
    /// <summary>
    /// The name of the authorization policy that protects the admin API (<c>{prefix}/admin/…</c>). Default null: the
    /// admin API is open in the Development environment and the application refuses to start in any other. A name that
    /// is not a registered authorization policy fails the start.
    /// </summary>
    public string? AdminAuthorizationPolicy { get; set; }

    /// <summary>
    /// Whether a page with a <see cref="Model.StatusPage.CustomDomain"/> is served on that domain: a request whose
    /// <c>Host</c> (port ignored) is a page's custom domain gets the page's public routes at the root (<c>/</c>,
    /// <c>/history</c>, <c>/api/v2/summary.json</c>, <c>/events</c>, …), the same endpoints <c>MapStatusPages</c> maps
    /// under <c>{prefix}/{slug}</c>; nothing else answers there (the admin API and the host's own routes are 404, but for
    /// <see cref="CustomDomainPassThroughPaths"/>). A
    /// Host that is no page's domain goes through untouched. The middleware that does it runs first in the pipeline, and
    /// so reads the Host header as received, unless the host places it with <c>app.UseStatusPageCustomDomains()</c> (after
    /// <c>UseForwardedHeaders</c>, behind a reverse proxy that sends the page's domain in <c>X-Forwarded-Host</c>). Turns
    /// on <see cref="Configuration.StatusPagesOptions.LinkToCustomDomains"/>. Read when the app starts. Default false: the
    /// Host header plays no part in routing, and links point under <c>PublicBaseAddress</c>.
    /// </summary>
    public bool ServeCustomDomains { get; set; }

    /// <summary>
    /// Paths of the host's own that a page's custom domain passes through untouched, to the host's routes, rather than
    /// to the page: each a path starting with <c>/</c> (not <c>/</c> alone), matched by whole segments and ignoring case
    /// (<c>/healthz</c> takes <c>/healthz</c> and <c>/healthz/ready</c>, not <c>/healthzz</c>). Add a health-check path
    /// a load balancer probes with a page's domain as its Host. Default <c>/favicon.ico</c>, which every browser asks
    /// of every site: the page gets the icon it has on the host's own address. Read when the app starts.
    /// </summary>
    public IList<string> CustomDomainPassThroughPaths { get; } = ["/favicon.ico"];

    /// <summary>
    /// How long shared caches and browsers may keep a public page's documents (<c>Cache-Control: public, max-age</c>),
    /// and how long each host keeps a public page's HTML, and the JSON documents that read the store, with their Brotli
    /// and gzip forms, while the page's snapshot is the one they were made from: a status change shows at once, metric
    /// points, uptime and edits to resolved incidents within this age (at once after a write through that host's admin
    /// API). Zero keeps nothing. Default 10 seconds.
    /// </summary>
    public TimeSpan PublicCacheMaxAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after <see cref="PublicCacheMaxAge"/> a CDN or reverse proxy may still send a public page's answer while
    /// it fetches a fresh one in the background (<c>stale-while-revalidate</c>, RFC 5861): readers are answered at once
    /// when the copy expires, and the host gets one request for it, at the cost of a reader seeing a copy up to this much
    /// older. Zero (the default) sends no such directive.
    /// </summary>
    public TimeSpan PublicStaleWhileRevalidate { get; set; }

    /// <summary>
    /// How long after <see cref="PublicCacheMaxAge"/> a CDN or reverse proxy may send a public page's last answer when
    /// the host fails or cannot be reached (<c>stale-if-error</c>, RFC 5861), so the page stays up while the hosts are
    /// down: it then shows what it showed last, which may be older than the outage. Zero (the default) sends no such
    /// directive.
    /// </summary>
    public TimeSpan PublicStaleIfError { get; set; }

    /// <summary>
    /// Whether scripts on other sites may read a public page's machine-readable routes (the <c>api/v2</c> documents,
    /// <c>badge.svg</c>, <c>events</c>, <c>history.atom</c>, <c>history.rss</c> and <c>maintenance.ics</c>), as
    /// Statuspage allows: their answers carry <c>Access-Control-Allow-Origin: *</c> and CORS preflight requests are
    /// answered. Never for a private page, the HTML pages, the subscription routes or the admin API. Off, the status
    /// embed (<c>embed.js</c>) is not mapped either: it reads <c>api/v2/summary.json</c> from other sites. Read when
    /// <c>MapStatusPages</c> runs. Default true.
    /// </summary>
    public bool AllowCrossOriginReads { get; set; } = true;

    /// <summary>How often an idle Server-Sent Events stream gets a keep-alive comment. Default 15 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many Server-Sent Events streams one client address (an IPv4 address, or an IPv6 /64 prefix) may hold open at
    /// once, over all pages; one more gets 429. Generous, since a whole office behind one NAT address may watch a page
    /// during an outage. Default 100.
    /// </summary>
    public int MaxEventStreamsPerClient { get; set; } = 100;

    /// <summary>How many recent events per page are kept for <c>Last-Event-ID</c> resumption. Default 128.</summary>
    public int ReplayBufferSize { get; set; } = 128;

    /// <summary>
    /// How long a page's replay buffer is kept after its last Server-Sent Events stream closed, so a browser that
    /// reconnects after a dropped connection resumes from its <c>Last-Event-ID</c>; then it is freed, and a client that
    /// comes back later with an older <c>Last-Event-ID</c> gets <c>reload</c>. A longer time lets clients resume after
    /// longer outages of their connection (a laptop waking from sleep) at the cost of holding up to
    /// <see cref="ReplayBufferSize"/> events of each page nobody watches for that long. Default 1 minute; greater than
    /// zero and at most 24 hours.
    /// </summary>
    public TimeSpan ReplayBufferRetention { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many days of resolved incidents the HTML page shows (the history feeds list the 50 most recent incidents,
    /// whatever their age). Default 14.
    /// </summary>
    public int HistoryDays { get; set; } = 14;

    /// <summary>
    /// How many days the uptime bar of each component covers. Default 90. Fewer than 90 also bound the uptime badge's
    /// <c>days</c> (<c>badge.svg?show=uptime</c>), and are its default.
    /// </summary>
    public int UptimeDays { get; set; } = 90;

    /// <summary>
    /// Whether the HTML page offers a "Subscribe to updates" form (posting to <c>subscriptions</c>) for the channels
    /// that have a notifier: email and SMS once theirs is added, Slack, Microsoft Teams, Discord and webhook always. Default true.
    /// </summary>
    public bool ShowSubscribeForm { get; set; } = true;

    /// <summary>
    /// The colours of the HTML pages (the status page, its incident, maintenance and history pages, and the subscription
    /// pages): <see cref="PageColorScheme.Auto"/> follows the reader's browser or system (light, or dark where it prefers
    /// dark); <see cref="PageColorScheme.Light"/> or <see cref="PageColorScheme.Dark"/> gives every reader the one look.
    /// Either way every text keeps WCAG AA contrast, a page's accent colour included (in dark, the accent is lightened
    /// as far as it takes). One setting for every page. Default <see cref="PageColorScheme.Auto"/>.
    /// </summary>
    public PageColorScheme ColorScheme { get; set; } = PageColorScheme.Auto;

    /// <summary>
    /// How many subscription requests one client address (an IPv4 address, or an IPv6 /64 prefix) may make per
    /// <see cref="SubscriptionWindow"/>. Default 5.
    /// </summary>
    public int SubscriptionPermitLimit { get; set; } = 5;

    /// <summary>The window of the subscription rate limit. Default 1 minute.</summary>
    public TimeSpan SubscriptionWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many subscription requests may name one destination (an email address or URL, ignoring case, on any page)
    /// per <see cref="SubscriptionDestinationWindow"/>, from whatever addresses, so nobody can flood a mailbox or an
    /// endpoint with confirmation messages. Default 5.
    /// </summary>
    public int SubscriptionDestinationPermitLimit { get; set; } = 5;

    /// <summary>The window of the per-destination subscription rate limit. Default 1 hour.</summary>
    public TimeSpan SubscriptionDestinationWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many requests one client address (an IPv4 address, or an IPv6 /64 prefix) may make per
    /// <see cref="TokenLinkWindow"/>, together, to the subscription routes whose URL holds a token:
    /// <c>subscriptions/verify</c>, <c>subscriptions/unsubscribe</c> and <c>subscriptions/manage</c>, GET, HEAD and POST
    /// alike, on any page. Beyond it they answer 429 with <c>Retry-After</c>, so nobody can guess tokens, or load the
    /// store, at the speed of the network. A budget of its own, apart from <see cref="SubscriptionPermitLimit"/>; a
    /// person following one link makes two or three requests. Default 30.
    /// </summary>
    public int TokenLinkPermitLimit { get; set; } = 30;

    /// <summary>The window of the token routes' rate limit (<see cref="TokenLinkPermitLimit"/>). Default 1 minute.</summary>
    public TimeSpan TokenLinkWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The name of the cookie that carries a private page's access token after its HTML page was opened with
    /// <c>?access_token=</c> (the other routes take such a token for one request and set no cookie). Default <c>statuskit_access</c>.
    /// </summary>
    public string AccessCookieName { get; set; } = "statuskit_access";

    /// <summary>
    /// How often the page's script fetches its "System metrics" section again while the page is in view, so the charts
    /// stay current (docs/metrics-on-pages.md). Not an option a host sets: the day chart's 5-minute averages make a minute
    /// enough. Internal, so tests of the script can shorten it. Default 1 minute.
    /// </summary>
    internal TimeSpan MetricsRefreshInterval { get; set; } = MetricsSection.DefaultRefreshInterval;
}
