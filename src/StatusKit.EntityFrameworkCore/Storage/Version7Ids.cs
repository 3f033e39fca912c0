using System.Buffers.Binary;
using System.Security.Cryptography;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// Version 7 GUIDs (RFC 9562: 48-bit Unix milliseconds, version and variant bits, 74 random bits) for a batch of rows,
/// the same as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> but with the random bits of the whole batch drawn
/// from the cryptographic generator at once: one call per row costs a system call each (1.4 µs apiece, 1.4 ms for a
/// recompute of 1,000 components, on the benchmark machine).
/// </summary>
internal sealed class Version7Ids
{
    private const int RandomBytesPerId = 10;
    private readonly byte[] _random;
    private int _next;

    /// <summary>Prepares the random bits of <paramref name="count"/> ids.</summary>
    public Version7Ids(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _random = new byte[count * RandomBytesPerId];
        RandomNumberGenerator.Fill(_random);
    }

    /// <summary>The next id, stamped with <paramref name="timestamp"/> (between the Unix epoch and the year 10889, as for <see cref="Guid.CreateVersion7(DateTimeOffset)"/>).</summary>
    public Guid Next(DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds >> 48, 0, nameof(timestamp));
        if (_next + RandomBytesPerId > _random.Length)
        {
            throw new InvalidOperationException($"All {_random.Length / RandomBytesPerId} ids of the batch were taken.");
        }

        var random = _random.AsSpan(_next, RandomBytesPerId);
        _next += RandomBytesPerId;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16);
        bytes[6] = (byte)(0x70 | (random[0] & 0x0F));
        bytes[7] = random[1];
        bytes[8] = (byte)(0x80 | (random[2] & 0x3F));
        random[3..].CopyTo(bytes[9..]);
        return new Guid(bytes, bigEndian: true);
    }
}
