using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.Recurrence;

/// <summary>
/// Parses cron expressions the way Cronos does: 5 fields (minute hour day-of-month month
/// day-of-week) or 6 with leading seconds; <c>*</c> <c>?</c> <c>,</c> <c>-</c> <c>/</c>, names,
/// reversed ranges (<c>22-2</c>), <c>L</c> <c>W</c> <c>#</c>, and the <c>@</c> macros.
/// </summary>
internal static class CronExpressionParser
{
    private static readonly (string Name, string Expression)[] Macros =
    [
        ("@yearly", "0 0 1 1 *"),
        ("@annually", "0 0 1 1 *"),
        ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"),
        ("@midnight", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
        ("@every_minute", "* * * * *"),
        ("@every_second", "* * * * * *"),
    ];

    public static CronMatcherSpec? TryParse(string? expression, out bool isInterval, out string? error)
    {
        isInterval = false;
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "The cron expression is empty.";
            return null;
        }

        var text = expression.AsSpan().Trim();
        if (text[0] == '@')
        {
            foreach (var (name, body) in Macros)
            {
                if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return TryParse(body, out isInterval, out error);
                }
            }

            error = $"Unknown macro '{QuotedValue.Of(text)}'; expected @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly.";
            return null;
        }

        Span<Range> ranges = stackalloc Range[8];
        var count = text.SplitAny(ranges, " \t", StringSplitOptions.RemoveEmptyEntries);
        if (count is not (5 or 6))
        {
            error = $"Expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with leading seconds), found {(count > 6 ? "more than 6" : count.ToString(CultureInfo.InvariantCulture))}.";
            return null;
        }

        var state = new State();
        var index = 0;
        ulong seconds = 1;
        if (count == 6)
        {
            if (!state.ParseField(CronField.Seconds, text[ranges[index++]], out seconds))
            {
                error = state.Error;
                return null;
            }
        }

        if (!state.ParseField(CronField.Minutes, text[ranges[index++]], out var minutes)
            || !state.ParseField(CronField.Hours, text[ranges[index++]], out var hours)
            || !state.ParseDayOfMonth(text[ranges[index++]], out var daysOfMonth)
            || !state.ParseField(CronField.Months, text[ranges[index++]], out var months)
            || !state.ParseDayOfWeek(text[ranges[index]], out var daysOfWeek))
        {
            error = state.Error;
            return null;
        }

        // 0 and 7 are both Sunday.
        if ((daysOfWeek & (1UL << 7)) != 0)
        {
            daysOfWeek = (daysOfWeek | 1) & 0x7F;
        }

        isInterval = state.IsInterval;
        return new CronMatcherSpec(
            seconds, minutes, hours, daysOfMonth, months, daysOfWeek,
            state.LastDayOffset, state.NearestWeekday, state.NthWeekday, state.LastWeekdayOfMonth);
    }

    private sealed class State
    {
        public string? Error { get; private set; }

        public bool IsInterval { get; private set; }

        public int LastDayOffset { get; private set; } = -1;

        public bool NearestWeekday { get; private set; }

        public int NthWeekday { get; private set; }

        public bool LastWeekdayOfMonth { get; private set; }

        public bool ParseDayOfMonth(ReadOnlySpan<char> text, out ulong bits)
        {
            var field = CronField.DaysOfMonth;
            bits = 0;
            if (text[0] is 'L' or 'l')
            {
                var rest = text[1..];
                var offset = 0;
                if (!rest.IsEmpty && rest[0] == '-')
                {
                    var digits = rest[1..];
                    var length = CountDigits(digits);
                    if (length == 0 || length > 2 || !int.TryParse(digits[..length], NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 30)
                    {
                        return Fail(field, $"'{QuotedValue.Of(text)}': the offset after 'L-' must be a number from 0 to 30.");
                    }

                    rest = digits[length..];
                }

                if (!rest.IsEmpty && rest[0] is 'W' or 'w')
                {
                    NearestWeekday = true;
                    rest = rest[1..];
                }

                if (!rest.IsEmpty)
                {
                    return Fail(field, $"'{QuotedValue.Of(text)}': unexpected '{QuotedValue.Of(rest)}' after 'L'.");
                }

                LastDayOffset = offset;
                bits = AllBits(field);
                return true;
            }

            if (text[^1] is 'W' or 'w')
            {
                if (!TryParseValue(field, text[..^1], out var day))
                {
                    return false;
                }

                NearestWeekday = true;
                bits = 1UL << day;
                return true;
            }

            return ParseField(field, text, out bits);
        }

        public bool ParseDayOfWeek(ReadOnlySpan<char> text, out ulong bits)
        {
            var field = CronField.DaysOfWeek;
            bits = 0;
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                if (!TryParseValue(field, text[..hash], out var weekday))
                {
                    return false;
                }

                var ordinal = text[(hash + 1)..];
                if (ordinal.Length != 1 || ordinal[0] is < '1' or > '5')
                {
                    return Fail(field, $"'{QuotedValue.Of(text)}': the number after '#' must be from 1 to 5.");
                }

                NthWeekday = ordinal[0] - '0';
                bits = 1UL << weekday;
                return true;
            }

            if (text.Length > 1 && text[^1] is 'L' or 'l')
            {
                if (!TryParseValue(field, text[..^1], out var weekday))
                {
                    return false;
                }

                LastWeekdayOfMonth = true;
                bits = 1UL << weekday;
                return true;
            }

            return ParseField(field, text, out bits);
        }

        public bool ParseField(CronField field, ReadOnlySpan<char> text, out ulong bits)
        {
            bits = 0;
            foreach (var range in text.Split(','))
            {
                var item = text[range];
                if (item.IsEmpty)
                {
                    return Fail(field, $"'{QuotedValue.Of(text)}': a list has an empty entry (dangling ',').");
                }

                if (!ParseItem(field, item, ref bits))
                {
                    return false;
                }
            }

            return true;
        }

        private bool ParseItem(CronField field, ReadOnlySpan<char> item, ref ulong bits)
        {
            var step = 1;
            var slash = item.IndexOf('/');
            var hasStep = slash >= 0;
            if (hasStep)
            {
                var stepText = item[(slash + 1)..];
                var length = CountDigits(stepText);
                if (length == 0 || length != stepText.Length || length > 2
                    || !int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step)
                    || step < 1 || step > field.Last)
                {
                    return Fail(field, $"'{QuotedValue.Of(item)}': the step after '/' must be a number from 1 to {field.Last}.");
                }

                item = item[..slash];
            }

            int low, high;
            var isStar = item is "*" or "?";
            if (isStar)
            {
                low = field.First;
                high = field == CronField.DaysOfWeek ? 6 : field.Last;
            }
            else
            {
                var dash = item.IndexOf('-');
                if (dash >= 0)
                {
                    if (!TryParseValue(field, item[..dash], out low) || !TryParseValue(field, item[(dash + 1)..], out high))
                    {
                        return false;
                    }
                }
                else
                {
                    if (!TryParseValue(field, item, out low))
                    {
                        return false;
                    }

                    high = hasStep ? field.Last : low;
                }

                if (dash >= 0 || hasStep)
                {
                    IsInterval |= field.CanDefineInterval;
                }
            }

            if (isStar)
            {
                IsInterval |= field.CanDefineInterval;
            }

            bits |= RangeBits(field, low, high, step);
            return true;
        }

        private static ulong RangeBits(CronField field, int low, int high, int step)
        {
            var bits = 0UL;
            if (low <= high)
            {
                for (var v = low; v <= high; v += step)
                {
                    bits |= 1UL << v;
                }

                return bits;
            }

            // A reversed range wraps around: 22-2 is 22,23,0,1,2 (Sunday counted once for weekdays),
            // and a step carries across the wrap.
            var last = field == CronField.DaysOfWeek ? 6 : field.Last;
            var value = low;
            for (; value <= last; value += step)
            {
                bits |= 1UL << value;
            }

            for (value = field.First + (value - last - 1); value <= high; value += step)
            {
                bits |= 1UL << value;
            }

            return bits;
        }

        private bool TryParseValue(CronField field, ReadOnlySpan<char> text, out int value)
        {
            value = -1;
            if (text.IsEmpty)
            {
                return Fail(field, "a value is missing (dangling '-', ',' or '/').");
            }

            var digits = CountDigits(text);
            if (digits == text.Length)
            {
                if (digits > 2 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    return Fail(field, $"'{QuotedValue.Of(text)}' is not a number from {field.First} to {field.Last}.");
                }
            }
            else
            {
                value = field.ValueOfName(text);
                if (value < 0)
                {
                    return Fail(field, $"'{QuotedValue.Of(text)}' is not a valid value.");
                }
            }

            if (value < field.First || value > field.Last)
            {
                return Fail(field, $"value {value} is out of range; allowed are {field.First} to {field.Last}.");
            }

            return true;
        }

        private static ulong AllBits(CronField field) => RangeBits(field, field.First, field.Last, 1);

        private static int CountDigits(ReadOnlySpan<char> text)
        {
            var i = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                i++;
            }

            return i;
        }

        private bool Fail(CronField field, string message)
        {
            Error = $"{field.Name}: {message}";
            return false;
        }
    }
}
