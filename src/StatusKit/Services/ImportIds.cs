using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StatusKit.Services;

/// <summary>
/// The ids of what an import records (<see cref="IncidentImportService"/>, <see cref="MaintenanceImportService"/>):
/// derived from the page and the source's id, so importing the same thing again, or twice at once, yields the same id
/// and the store refuses the second.
/// </summary>
internal static class ImportIds
{
    /// <summary>
    /// A version 7 id stamped with <paramref name="stamp"/> whose 74 random bits are the start of a SHA-256 of
    /// <paramref name="pageId"/> and <paramref name="name"/> (the source's id with a prefix of its kind).
    /// </summary>
    public static Guid For(Guid pageId, string name, DateTimeOffset stamp)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        pageId.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(input, bytes);
        BinaryPrimitives.WriteInt64BigEndian(bytes, stamp.ToUnixTimeMilliseconds() << 16);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes[..16], bigEndian: true);
    }
}
