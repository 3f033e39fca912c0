using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using StatusKit.Model;

namespace StatusKit.Audit;

/// <summary>
/// A position in a page's audit log, newest first: the last entry a client read. Its text form
/// (<see cref="ToString"/>) is the opaque <c>cursor</c> the admin API hands out and takes back.
/// </summary>
/// <param name="OccurredAt">The entry's <see cref="AuditEntry.OccurredAt"/>.</param>
/// <param name="Id">The entry's <see cref="AuditEntry.Id"/>.</param>
public sealed record AuditLogCursor(DateTimeOffset OccurredAt, Guid Id)
{
    private const int Length = 24;

    /// <summary>The position just after <paramref name="entry"/>.</summary>
    public static AuditLogCursor Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditLogCursor(entry.OccurredAt, entry.Id);
    }

    /// <summary>Reads a cursor's text form; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AuditLogCursor? cursor)
    {
        cursor = null;
        Span<byte> bytes = stackalloc byte[Length + 2];
        if (string.IsNullOrEmpty(text) || text.Length != 32
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new AuditLogCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(8, 16), bigEndian: true));
        return true;
    }

    /// <summary>The opaque text form: 32 URL-safe characters.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, OccurredAt.UtcTicks);
        Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }
}
