using System.Security.Cryptography;
using System.Text;

namespace StatusKit.Services;

/// <summary>
/// Secrets handed to people (page access tokens, verification and unsubscribe tokens): 32 random bytes from a CSPRNG
/// as 64 lowercase hex characters; only their SHA-256 hash is stored, and comparisons take constant time.
/// </summary>
public static class SecretTokens
{
    /// <summary>The length of a token in characters.</summary>
    public const int Length = 64;

    /// <summary>A new token: 64 lowercase hex characters from <see cref="RandomNumberGenerator"/>.</summary>
    public static string Create() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>The SHA-256 hash of <paramref name="token"/> as 64 lowercase hex characters: what is stored.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string? token, string? storedHash)
    {
        if (token is null || storedHash is null || token.Length != Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
    }
}
