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

    public SubscriberLinks(IOptions<StatusPagesOptions> options)
    {
        _key = options.Value.LinkSigningKey is { } key ? Convert.FromBase64String(key) : null;
        _baseAddress = options.Value.PublicBaseAddress;
    }

    /// <summary>The unsubscribe token for a new subscriber.</summary>
    public string CreateUnsubscribeToken(Guid subscriberId) => _key is null ? SecretTokens.Create() : Derive(subscriberId);

    /// <summary>The one-click unsubscribe link of a subscriber, when links can be built.</summary>
    public Uri? UnsubscribeUrl(string pageSlug, Guid subscriberId) =>
        _key is null || _baseAddress is null ? null : Link(pageSlug, "subscriptions/unsubscribe", Derive(subscriberId));

    /// <summary>
    /// The link where a subscriber changes its events and components (<c>subscriptions/manage</c>, served by
    /// <c>MapStatusPages</c>), with the same token as <see cref="UnsubscribeUrl"/>, when links can be built.
    /// </summary>
    public Uri? ManageUrl(string pageSlug, Guid subscriberId) =>
        _key is null || _baseAddress is null ? null : Link(pageSlug, "subscriptions/manage", Derive(subscriberId));

    /// <summary>The verification link for <paramref name="token"/>, when a public address is configured.</summary>
    public Uri? VerifyUrl(string pageSlug, string token) =>
        _baseAddress is null ? null : Link(pageSlug, "subscriptions/verify", token);

    /// <summary>The public status page, when a public address is configured.</summary>
    public Uri? PageUrl(string pageSlug) =>
        _baseAddress is null ? null : new Uri(PagePath(pageSlug));

    /// <summary>
    /// A public status incident's own page (<c>{page}/incidents/{id}</c>, served by <c>MapStatusPages</c>), when a public
    /// address is configured.
    /// </summary>
    public Uri? IncidentUrl(string pageSlug, Guid incidentId) =>
        _baseAddress is null ? null : new Uri($"{PagePath(pageSlug)}/incidents/{incidentId}");

    /// <summary>
    /// A maintenance window's own page (<c>{page}/maintenance/{id}</c>, served by <c>MapStatusPages</c>), when a public
    /// address is configured.
    /// </summary>
    public Uri? MaintenanceUrl(string pageSlug, Guid windowId) =>
        _baseAddress is null ? null : new Uri($"{PagePath(pageSlug)}/maintenance/{windowId}");

    private Uri Link(string pageSlug, string path, string token) => new($"{PagePath(pageSlug)}/{path}?token={token}");

    private string PagePath(string pageSlug) => $"{_baseAddress!.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(pageSlug)}";

    private string Derive(Guid subscriberId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key!, Encoding.ASCII.GetBytes(subscriberId.ToString("N"))));
}
