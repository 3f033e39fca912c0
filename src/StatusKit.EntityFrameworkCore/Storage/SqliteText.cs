namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The text shapes EF Core's SQLite provider stores <see cref="Guid"/>s (upper-case <c>D</c> format) and
/// <see cref="DateTime"/>s (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>) in, written to UTF-8 and read back without the
/// general-purpose <see cref="DateTime.Parse(string, IFormatProvider)"/> Microsoft.Data.Sqlite uses: set-based statements and the multi-result load
/// handle one value per component, so these run thousands of times per recompute.
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

    /// <summary>
    /// Reads an instant in the stored shape (<c>yyyy-MM-dd HH:mm:ss</c>, optionally <c>T</c> instead of the space and
    /// up to seven fraction digits) as UTC; false for any other text (the caller then asks the provider).
    /// </summary>
    public static bool TryParseInstant(string text, out DateTime value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseFixed(text, out value);
    }

    /// <summary>The same as <see cref="TryParseInstant(string, out DateTime)"/>, for UTF-8 text.</summary>
    public static bool TryParseInstant(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        if (utf8.Length > MaxInstantLength)
        {
            value = default;
            return false;
        }

        // Every byte of the shape is ASCII, so widening byte by byte keeps any other text unparseable.
        Span<char> text = stackalloc char[MaxInstantLength];
        for (var i = 0; i < utf8.Length; i++)
        {
            text[i] = (char)utf8[i];
        }

        return TryParseFixed(text[..utf8.Length], out value);
    }

    private static bool TryParseFixed(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > MaxInstantLength
            || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        var fraction = 0;
        if (s.Length > 19)
        {
            if (s[19] != '.' || !TryDigits(s, 20, s.Length - 20, out fraction))
            {
                return false;
            }

            for (var i = s.Length - 20; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
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
