namespace StatusKit.Notifications.Http;

/// <summary>
/// Which outbound addresses the webhook, Slack, Teams and Discord notifiers may reach. The defaults are safe for a multi-tenant host:
/// HTTPS only, public addresses only.
/// </summary>
public sealed class WebhookAddressGuardOptions
{
    /// <summary>
    /// Whether destinations may resolve to loopback, private (RFC 1918), link-local, shared (CGNAT, 100.64/10) and IPv6
    /// unique-local addresses, and may use plain <c>http</c>. Meant for local testing and for hosts whose receivers live
    /// on an internal network. Multicast, broadcast, unspecified and reserved addresses and the cloud metadata and
    /// credential endpoints (<see cref="RestrictedAddressKind.CloudMetadata"/>) stay refused. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Whether plain <c>http</c> destinations are accepted even when <see cref="AllowPrivateNetworks"/> is off.
    /// Default: <see langword="false"/> (HTTPS required).
    /// </summary>
    public bool AllowHttp { get; set; }

    /// <summary>How long one TCP connect may take, across all the candidate addresses of a host. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a pooled connection is reused before it is closed, so a host's DNS changes are picked up (every new
    /// connection is checked again). Default: 2 minutes.
    /// </summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whether plain <c>http</c> is accepted, from <see cref="AllowHttp"/> and <see cref="AllowPrivateNetworks"/>.</summary>
    internal bool HttpAllowed => AllowHttp || AllowPrivateNetworks;
}
