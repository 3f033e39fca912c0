using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StatusKit.AspNetCore;

/// <summary>
/// Stable ids for things StatusKit has no row for (component groups, the synthetic updates of a maintenance window),
/// and the creation time hidden in a version 7 id.
/// </summary>
internal static class DerivedIds
{
    /// <summary>A deterministic version 8 <see cref="Guid"/> from an owner id and a name.</summary>
    public static Guid For(Guid owner, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        owner.TryWriteBytes(input, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The id of a component group of a page: the group's id in the JSON API, and its element on the HTML page.</summary>
    public static Guid ForGroup(Guid pageId, string groupName) => For(pageId, "group:" + groupName);

    /// <summary>The creation time of a version 7 id, or <paramref name="fallback"/> for any other id.</summary>
    public static DateTimeOffset CreatedAt(Guid id, DateTimeOffset fallback)
    {
        if (id.Version != 7)
        {
            return fallback;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> millis = stackalloc byte[8];
        bytes[..6].CopyTo(millis[2..]);
        return DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(millis));
    }
}
