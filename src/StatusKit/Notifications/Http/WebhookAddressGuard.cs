using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Shared;

namespace StatusKit.Notifications.Http;

/// <summary>
/// Keeps webhook, Slack, Teams and Discord deliveries away from the host's own network (SSRF protection). A destination is checked when
/// a subscriber is created (<see cref="ValidateDestinationAsync"/>) and again on every connection the notifiers open
/// (<see cref="CreateHandler"/>), against the address actually dialled, so a DNS answer that changes after subscribing
/// (DNS rebinding) cannot get around it. Redirects are never followed.
/// </summary>
public sealed class WebhookAddressGuard
{
    /// <summary>The field named by the validation errors this guard throws.</summary>
    public const string DestinationField = "destination";

    private readonly WebhookAddressGuardOptions _options;
    private readonly ILogger<WebhookAddressGuard> _logger;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <summary>Creates the guard.</summary>
    public WebhookAddressGuard(IOptions<WebhookAddressGuardOptions> options, ILogger<WebhookAddressGuard> logger)
        : this(options, logger, static (host, ct) => Dns.GetHostAddressesAsync(host, ct))
    {
    }

    /// <summary>Creates the guard with a DNS resolver of the caller's choosing (tests).</summary>
    internal WebhookAddressGuard(
        IOptions<WebhookAddressGuardOptions> options,
        ILogger<WebhookAddressGuard> logger,
        Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(resolve);
        _options = options.Value;
        _logger = logger;
        _resolve = resolve;
    }

    /// <summary>
    /// Whether a connection to <paramref name="address"/> is allowed: public unicast addresses always; loopback,
    /// private, link-local, shared and unique-local addresses only with
    /// <see cref="WebhookAddressGuardOptions.AllowPrivateNetworks"/>; multicast, broadcast, unspecified, reserved and
    /// cloud metadata addresses never. IPv4-mapped IPv6 forms are judged by the IPv4 address they carry.
    /// </summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var kind = IPAddressClassifier.Classify(address);
        return kind == RestrictedAddressKind.None
            || (_options.AllowPrivateNetworks && IPAddressClassifier.IsPrivateNetwork(kind));
    }

    /// <summary>
    /// Checks a subscriber's destination URL: absolute, <c>https</c> (or <c>http</c> when the options allow it), no
    /// user info, and a host whose every resolved address <see cref="IsAllowed">is allowed</see>.
    /// </summary>
    /// <exception cref="StatusKitValidationException">
    /// The URL is refused; <see cref="StatusKitException.Field"/> is <c>destination</c>, the message says why and
    /// <see cref="StatusKitValidationException.Code"/> is <see cref="ValidationCodes.DestinationHttpsRequired"/> (plain
    /// http, not allowed), <see cref="ValidationCodes.DestinationInvalidUrl"/> (another shape) or
    /// <see cref="ValidationCodes.DestinationUnreachableHost"/> (its addresses).
    /// </exception>
    public async Task ValidateDestinationAsync(Uri destination, CancellationToken cancellationToken)
    {
        if (Check(destination) is { } error)
        {
            throw new StatusKitValidationException(DestinationField, error.Message, error.Code);
        }

        var host = destination.IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            throw Unreachable(host);
        }

        if (addresses.Length == 0)
        {
            throw Unreachable(host);
        }

        foreach (var address in addresses)
        {
            if (!IsAllowed(address))
            {
                throw RefusedWhenSubscribing(host, address);
            }
        }
    }

    /// <summary>
    /// The shape checks of <see cref="ValidateDestinationAsync"/> without DNS: the reason <paramref name="destination"/>
    /// is refused, or null when it is acceptable.
    /// </summary>
    internal string? CheckUri(Uri? destination) => Check(destination)?.Message;

    // The shape checks, with the reason's code.
    private (string Message, string Code)? Check(Uri? destination)
    {
        if (destination is null || !destination.IsAbsoluteUri)
        {
            return ("The destination must be an absolute http(s) URL.", ValidationCodes.DestinationInvalidUrl);
        }

        if (destination.Scheme != Uri.UriSchemeHttps && destination.Scheme != Uri.UriSchemeHttp)
        {
            return ($"The destination's scheme '{destination.Scheme}' is not supported; use https.", ValidationCodes.DestinationInvalidUrl);
        }

        if (destination.Scheme == Uri.UriSchemeHttp && !_options.HttpAllowed)
        {
            return ("The destination must use https." + WebhookAddressAdvice.Http, ValidationCodes.DestinationHttpsRequired);
        }

        if (!string.IsNullOrEmpty(destination.UserInfo))
        {
            return ("The destination must not contain a user name or password.", ValidationCodes.DestinationInvalidUrl);
        }

        return string.IsNullOrEmpty(destination.Host) ? ("The destination has no host.", ValidationCodes.DestinationInvalidUrl) : null;
    }

    /// <summary>
    /// Creates the primary handler for the notifiers' HTTP clients: its connect callback resolves the host, drops every
    /// candidate address that <see cref="IsAllowed">is not allowed</see> and connects only to an allowed one. A refused
    /// connection fails the request with an <see cref="HttpRequestException"/> whose inner exception is a
    /// <see cref="StatusKitValidationException"/> for <c>destination</c>; the notifiers report it as a permanent
    /// failure. Redirects are not followed, proxies are not used (a proxy would be the address dialled) and cookies
    /// are not kept.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = _options.ConnectTimeout,
        PooledConnectionLifetime = _options.PooledConnectionLifetime,
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        IPAddress? firstRefused = null;
        List<Exception>? failures = null;
        foreach (var address in addresses)
        {
            if (!IsAllowed(address))
            {
                firstRefused ??= address;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                (failures ??= []).Add(ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (failures is not null)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }

        throw firstRefused is null
            ? new StatusKitValidationException(DestinationField, $"The host '{host}' has no addresses.", ValidationCodes.DestinationUnreachableHost)
            : Refused(host, firstRefused);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var literal))
        {
            return [literal];
        }

        return await _resolve(bare, cancellationToken);
    }

    // The address and its kind go to the log only (event 4102 when subscribing, 4101 when delivering): anyone may
    // subscribe a webhook, and a refusal that named the address, or told a host on the internal network from one that
    // does not resolve, would map the host's network for them.
    private StatusKitValidationException Refused(string host, IPAddress address)
    {
        Log.AddressRefused(_logger, host, address, IPAddressClassifier.Classify(address));
        return Unreachable(host);
    }

    private StatusKitValidationException RefusedWhenSubscribing(string host, IPAddress address)
    {
        var kind = IPAddressClassifier.Classify(address);
        Log.SubscriptionAddressRefused(_logger, host, address, kind);
        return Unreachable(host);
    }

    private static StatusKitValidationException Unreachable(string host) => new(
        DestinationField,
        $"The host '{host}' does not resolve to a public address. Webhooks may not reach loopback, private, link-local, shared, " +
        "unique-local, multicast, reserved or cloud metadata addresses." + WebhookAddressAdvice.PrivateNetworks,
        ValidationCodes.DestinationUnreachableHost);
}
