using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StatusKit.Notifications.Webhooks;

/// <summary>
/// Standard Webhooks signatures: <c>webhook-signature: v1,</c> followed by
/// base64(HMAC-SHA256(secret, <c>{webhook-id}.{webhook-timestamp}.{body}</c>)), where the secret is the subscriber's
/// base64 signing secret, decoded (an optional <c>whsec_</c> prefix, the form Standard Webhooks publishes secrets in,
/// is ignored). Receivers use <see cref="Verify(string, string, string, string, string)"/> or the
/// algorithm in docs/notifications.md.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature scheme prefix.</summary>
    public const string VersionPrefix = "v1,";

    /// <summary>The smallest accepted signing secret, in bytes.</summary>
    public const int MinSecretBytes = 24;

    /// <summary>The largest accepted signing secret, in bytes.</summary>
    public const int MaxSecretBytes = 64;

    private const int GeneratedSecretBytes = 32;

    /// <summary>The prefix of a secret in the form Standard Webhooks publishes it (<c>whsec_</c> + base64); ignored when decoding.</summary>
    private const string SecretPrefix = "whsec_";

    /// <summary>A new subscriber signing secret: 32 bytes from a CSPRNG, base64.</summary>
    public static string GenerateSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedSecretBytes));

    /// <summary>Whether <paramref name="signingSecret"/> is base64 of 24 to 64 bytes, optionally prefixed with <c>whsec_</c>.</summary>
    public static bool IsValidSecret(string? signingSecret) => TryDecodeSecret(signingSecret, out _);

    /// <summary>
    /// The <c>webhook-signature</c> header value (<c>v1,</c> + base64 HMAC) for one delivery.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="signingSecret"/> is not base64 of 24 to 64 bytes (optionally prefixed with <c>whsec_</c>).</exception>
    public static string Compute(string signingSecret, string webhookId, string webhookTimestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Compute(signingSecret, webhookId, webhookTimestamp, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>
    /// Whether <paramref name="webhookSignature"/> (one or more space-separated <c>v1,</c> signatures, as the header
    /// may carry several during a secret rotation) holds a valid signature of the delivery. Compares in constant time.
    /// Does not check the timestamp's age; use the overload with <c>now</c> to refuse replays.
    /// </summary>
    public static bool Verify(string signingSecret, string webhookId, string webhookTimestamp, string body, string webhookSignature)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!TryDecodeSecret(signingSecret, out var key) || string.IsNullOrEmpty(webhookId)
            || string.IsNullOrEmpty(webhookTimestamp) || string.IsNullOrEmpty(webhookSignature))
        {
            return false;
        }

        var expected = Hmac(key, webhookId, webhookTimestamp, Encoding.UTF8.GetBytes(body));
        var actual = new byte[expected.Length];
        foreach (var candidate in webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(candidate[VersionPrefix.Length..], actual, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Like <see cref="Verify(string, string, string, string, string)"/>, and also refuses a <paramref name="webhookTimestamp"/>
    /// (unix seconds) more than <paramref name="tolerance"/> away from <paramref name="now"/>, so a captured delivery
    /// cannot be replayed later. Five minutes is the usual tolerance.
    /// </summary>
    public static bool Verify(
        string signingSecret,
        string webhookId,
        string webhookTimestamp,
        string body,
        string webhookSignature,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        if (!long.TryParse(webhookTimestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        return Math.Abs(age) <= (long)tolerance.TotalSeconds
            && Verify(signingSecret, webhookId, webhookTimestamp, body, webhookSignature);
    }

    /// <summary>The signature header over the exact body bytes sent.</summary>
    internal static string Compute(string signingSecret, string webhookId, string webhookTimestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentException.ThrowIfNullOrEmpty(webhookTimestamp);
        if (!TryDecodeSecret(signingSecret, out var key))
        {
            throw new ArgumentException(
                $"The signing secret must be base64 of {MinSecretBytes} to {MaxSecretBytes} bytes, optionally prefixed with '{SecretPrefix}'.",
                nameof(signingSecret));
        }

        return VersionPrefix + Convert.ToBase64String(Hmac(key, webhookId, webhookTimestamp, body));
    }

    private static byte[] Hmac(byte[] key, string webhookId, string webhookTimestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        try
        {
            return HMACSHA256.HashData(key, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static bool TryDecodeSecret(string? signingSecret, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(signingSecret))
        {
            return false;
        }

        var base64 = signingSecret.AsSpan().Trim();
        if (base64.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            base64 = base64[SecretPrefix.Length..];
        }

        var buffer = new byte[MaxSecretBytes + 3];
        if (!Convert.TryFromBase64Chars(base64, buffer, out var written)
            || written is < MinSecretBytes or > MaxSecretBytes)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        key = buffer[..written];
        CryptographicOperations.ZeroMemory(buffer);
        return true;
    }
}
