using System.Text.RegularExpressions;

namespace StatusKit.Notifications.Discord;

/// <summary>
/// The shape of a Discord webhook URL: <c>https://discord.com/api/webhooks/{id}/{token}</c> (a numeric id and a
/// token of letters, digits, <c>-</c> and <c>_</c>), on <c>discord.com</c>, <c>discordapp.com</c>,
/// <c>ptb.discord.com</c> or <c>canary.discord.com</c> (Discord serves each), optionally with an API version
/// (<c>/api/v10/webhooks/…</c>) and a <c>?thread_id=…</c> to post into a thread of the channel.
/// </summary>
internal static partial class DiscordWebhookUrl
{
    /// <summary>What the validation error says is expected.</summary>
    public const string Expected =
        "The destination must be a Discord webhook URL such as https://discord.com/api/webhooks/{id}/{token} " +
        "(in Discord: the channel's settings, Integrations, Webhooks, Copy Webhook URL).";

    private static readonly string[] Hosts = ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"];

    /// <summary>Whether <paramref name="url"/> is a Discord webhook URL.</summary>
    public static bool Is(Uri url) =>
        url.IsAbsoluteUri
        && url.Scheme == Uri.UriSchemeHttps
        && url.IsDefaultPort
        && string.IsNullOrEmpty(url.UserInfo)
        && string.IsNullOrEmpty(url.Fragment)
        && Hosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase)
        && PathPattern().IsMatch(url.AbsolutePath)
        && (url.Query.Length == 0 || QueryPattern().IsMatch(url.Query));

    [GeneratedRegex("^/api(/v[0-9]{1,2})?/webhooks/[0-9]{1,20}/[A-Za-z0-9_-]{1,100}/?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex("^\\?thread_id=[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryPattern();
}
