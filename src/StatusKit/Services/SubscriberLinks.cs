using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.Services;

/// <summary>
/// Unsubscribe tokens and the public links built from them. With <see cref="StatusPagesOptions.LinkSigningKey"/> a
/// subscriber's token is HMAC-SHA256(key, subscriber id), so any message can carry the link; without it tokens are random.
/// </summary>
internal sealed class SubscriberLinks
{
    private readonly byte[]? _key;
    private readonly Uri? _baseAddress;
    private readonly bool _linkToCustomDomains;

    public SubscriberLinks(IOptions<StatusPagesOptions> options)
    {
        _key = options.Value.LinkSigningKey is { } key ? Convert.FromBase64String(key) : null;
        _baseAddress = options.Value.PublicBaseAddress;
        _linkToCustomDomains = options.Value.LinkToCustomDomains;
    }

    /// <summary>The unsubscribe token for a new subscriber.</summary>
    public string CreateUnsubscribeToken(Guid subscriberId) => _key is null ? SecretTokens.Create() : Derive(subscriberId);

    /// <summary>The one-click unsubscribe link of a subscriber, when links can be built.</summary>
    public Uri? UnsubscribeUrl(string pageSlug, string? customDomain, Guid subscriberId) =>
        _key is null || !CanLink(customDomain) ? null : Link(pageSlug, customDomain, "subscriptions/unsubscribe", Derive(subscriberId));

    /// <summary>
    /// The link where a subscriber changes its events and components (<c>subscriptions/manage</c>, served by
    /// <c>MapStatusPages</c>), with the same token as <see cref="UnsubscribeUrl"/>, when links can be built.
    /// </summary>
    public Uri? ManageUrl(string pageSlug, string? customDomain, Guid subscriberId) =>
        _key is null || !CanLink(customDomain) ? null : Link(pageSlug, customDomain, "subscriptions/manage", Derive(subscriberId));

    /// <summary>The verification link for <paramref name="token"/>, when a public address is configured.</summary>
    public Uri? VerifyUrl(string pageSlug, string? customDomain, string token) =>
        CanLink(customDomain) ? Link(pageSlug, customDomain, "subscriptions/verify", token) : null;

    /// <summary>The public status page, when a public address is configured.</summary>
    public Uri? PageUrl(string pageSlug, string? customDomain) =>
        CanLink(customDomain) ? new Uri(Root(pageSlug, customDomain)) : null;

    /// <summary>
    /// A public status incident's own page (<c>{page}/incidents/{id}</c>, served by <c>MapStatusPages</c>), when a public
    /// address is configured.
    /// </summary>
    public Uri? IncidentUrl(string pageSlug, string? customDomain, Guid incidentId) =>
        CanLink(customDomain) ? new Uri($"{Root(pageSlug, customDomain)}/incidents/{incidentId}") : null;

    /// <summary>
    /// A maintenance window's own page (<c>{page}/maintenance/{id}</c>, served by <c>MapStatusPages</c>), when a public
    /// address is configured.
    /// </summary>
    public Uri? MaintenanceUrl(string pageSlug, string? customDomain, Guid windowId) =>
        CanLink(customDomain) ? new Uri($"{Root(pageSlug, customDomain)}/maintenance/{windowId}") : null;

    /// <summary>
    /// The absolute URL of a page without a trailing slash, which every absolute link to it (messages here, and the
    /// feeds and JSON API of <c>MapStatusPages</c>) is built on: <c>https://{customDomain}</c> for a page with its own
    /// domain (passed only with <see cref="StatusPagesOptions.LinkToCustomDomains"/> on), else <paramref name="baseAddress"/><c>/{slug}</c>. Never a request's Host header: a custom domain is
    /// operator-set data, a Host header anyone's.
    /// </summary>
    /// <remarks>
    /// The custom domain's page is at its root, and the root's URL is <c>https://{domain}/</c>; links under it append
    /// <c>/history</c> and the like, so the root alone is written <c>https://{domain}</c> (what browsers show as the same).
    /// </remarks>
    public static string PageRoot(Uri? baseAddress, string pageSlug, string? customDomain) =>
        customDomain is not null
            ? $"https://{customDomain}"
            : $"{(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress))).AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(pageSlug)}";

    private bool CanLink(string? customDomain) => Served(customDomain) is not null || _baseAddress is not null;

    // The page's domain when links go there (StatusPagesOptions.LinkToCustomDomains), else null: links under the base address.
    private string? Served(string? customDomain) => _linkToCustomDomains ? customDomain : null;

    private string Root(string pageSlug, string? customDomain) => PageRoot(_baseAddress, pageSlug, Served(customDomain));

    private Uri Link(string pageSlug, string? customDomain, string path, string token) =>
        new($"{Root(pageSlug, customDomain)}/{path}?token={token}");

    private string Derive(Guid subscriberId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key!, Encoding.ASCII.GetBytes(subscriberId.ToString("N"))));
}
