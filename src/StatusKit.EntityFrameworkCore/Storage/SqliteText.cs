namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The text shapes EF Core's SQLite provider stores <see cref="Guid"/>s (upper-case <c>D</c> format) and
/// <see cref="DateTime"/>s (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>) in, written to UTF-8 without intermediate strings:
/// set-based statements carry one value per component in their JSON parameter, so these run thousands of times per
/// recompute.
/// </summary>
internal static class SqliteText
{
    /// <summary>The longest instant: <c>yyyy-MM-dd HH:mm:ss.fffffff</c>.</summary>
    public const int MaxInstantLength = 27;

    /// <summary>The length of a GUID in <c>D</c> format.</summary>
    public const int GuidLength = 36;

    /// <summary>Writes <paramref name="value"/> upper-case in <c>D</c> format; returns the bytes written (36).</summary>
    public static int FormatGuid(Guid value, Span<byte> destination)
    {
        if (!value.TryFormat(destination, out var written, "D"))
        {
            throw new ArgumentException("The destination is too small for a GUID.", nameof(destination));
        }

        for (var i = 0; i < written; i++)
        {
            if (destination[i] is >= (byte)'a' and <= (byte)'f')
            {
                destination[i] -= 'a' - 'A';
            }
        }

        return written;
    }

    /// <summary>
    /// Writes <paramref name="utc"/> as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (trailing zeros of the fraction, and the
    /// point when the fraction is zero, left out), exactly as <see cref="DateTime.ToString(string, IFormatProvider)"/>
    /// with that format; returns the bytes written.
    /// </summary>
    public static int FormatInstant(DateTime utc, Span<byte> destination)
    {
        if (destination.Length < MaxInstantLength)
        {
            throw new ArgumentException("The destination is too small for an instant.", nameof(destination));
        }

        Digits(destination[..4], utc.Year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), utc.Month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), utc.Day);
        destination[10] = (byte)' ';
        Digits(destination.Slice(11, 2), utc.Hour);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), utc.Minute);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), utc.Second);
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 7), fraction);
        var length = MaxInstantLength;
        while (destination[length - 1] == (byte)'0')
        {
            length--;
        }

        return length;
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
