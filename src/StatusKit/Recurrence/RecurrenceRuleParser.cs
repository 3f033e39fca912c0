using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.Recurrence;

/// <summary>
/// Parses RRULE text (RFC 5545 section 3.3.10) into <see cref="RecurrenceRuleParts"/>, rejecting
/// everything the RFC forbids with a message that names the offending part.
/// </summary>
internal static class RecurrenceRuleParser
{
    private const string Prefix = "RRULE:";

    private static readonly string[] PartNames =
    [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
        "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ];

    public static RecurrenceRuleParts? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The rule is empty.";
            return null;
        }

        var body = text.AsSpan().Trim();
        if (body.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            body = body[Prefix.Length..];
        }

        if (body.EndsWith(";"))
        {
            body = body[..^1];
        }

        var builder = new Builder();
        var seen = 0;
        foreach (var range in body.Split(';'))
        {
            var part = body[range].Trim();
            if (part.IsEmpty)
            {
                error = "The rule contains an empty part (two ';' in a row).";
                return null;
            }

            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                error = $"Rule part '{QuotedValue.Of(part)}' is not of the form NAME=VALUE.";
                return null;
            }

            var nameText = part[..equals].Trim();
            var index = IndexOfPart(nameText);
            if (index < 0)
            {
                error = $"{nameText.ToString().ToUpperInvariant()}: unknown rule part.";
                return null;
            }

            var name = PartNames[index];
            var value = part[(equals + 1)..].Trim();
            if (value.IsEmpty)
            {
                error = $"{name}: the value is empty.";
                return null;
            }

            if ((seen & (1 << index)) != 0)
            {
                error = $"{name}: the part appears more than once.";
                return null;
            }

            seen |= 1 << index;

            error = builder.Apply(name, value);
            if (error is not null)
            {
                return null;
            }
        }

        return builder.Build(out error);
    }

    private static int IndexOfPart(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < PartNames.Length; i++)
        {
            if (name.Equals(PartNames[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Builder
    {
        private RecurrenceFrequency? frequency;
        private int interval = 1;
        private int? count;
        private DateTime? untilUtc;
        private DateOnly? untilDate;
        private int[] bySecond = [];
        private int[] byMinute = [];
        private int[] byHour = [];
        private WeekdayOrdinal[] byDay = [];
        private int[] byMonthDay = [];
        private int[] byYearDay = [];
        private int[] byWeekNo = [];
        private int[] byMonth = [];
        private int[] bySetPos = [];
        private DayOfWeek weekStart = DayOfWeek.Monday;
        private bool hasWeekStart;

        public string? Apply(string name, ReadOnlySpan<char> value)
        {
            switch (name)
            {
                case "FREQ":
                    return ParseFrequency(value);
                case "INTERVAL":
                    return ParsePositive(name, value, out interval, "INTERVAL must be an integer of at least 1");
                case "COUNT":
                    var countError = ParsePositive(name, value, out var c, "COUNT must be an integer of at least 1");
                    count = c;
                    return countError;
                case "UNTIL":
                    return ParseUntil(value);
                case "BYSECOND":
                    return ParseList(name, value, 0, 60, signed: false, out bySecond);
                case "BYMINUTE":
                    return ParseList(name, value, 0, 59, signed: false, out byMinute);
                case "BYHOUR":
                    return ParseList(name, value, 0, 23, signed: false, out byHour);
                case "BYMONTHDAY":
                    return ParseList(name, value, 1, 31, signed: true, out byMonthDay);
                case "BYYEARDAY":
                    return ParseList(name, value, 1, 366, signed: true, out byYearDay);
                case "BYWEEKNO":
                    return ParseList(name, value, 1, 53, signed: true, out byWeekNo);
                case "BYMONTH":
                    return ParseList(name, value, 1, 12, signed: false, out byMonth);
                case "BYSETPOS":
                    return ParseList(name, value, 1, 366, signed: true, out bySetPos);
                case "BYDAY":
                    return ParseByDay(value);
                case "WKST":
                    if (!WeekdayCodes.TryParse(value, out weekStart))
                    {
                        return $"WKST: '{QuotedValue.Of(value)}' is not a weekday (SU, MO, TU, WE, TH, FR, SA).";
                    }

                    hasWeekStart = true;
                    return null;
                default:
                    return $"{name}: unknown rule part.";
            }
        }

        public RecurrenceRuleParts? Build(out string? error)
        {
            error = Validate();
            if (error is not null)
            {
                return null;
            }

            return new RecurrenceRuleParts
            {
                Frequency = frequency!.Value,
                Interval = interval,
                Count = count,
                UntilUtc = untilUtc,
                UntilDate = untilDate,
                BySecond = bySecond,
                ByMinute = byMinute,
                ByHour = byHour,
                ByDay = byDay,
                ByMonthDay = byMonthDay,
                ByYearDay = byYearDay,
                ByWeekNo = byWeekNo,
                ByMonth = byMonth,
                BySetPos = bySetPos,
                WeekStart = weekStart,
                HasWeekStart = hasWeekStart,
            };
        }

        private string? Validate()
        {
            if (frequency is not { } freq)
            {
                return "FREQ: the part is required.";
            }

            if (count is not null && (untilUtc is not null || untilDate is not null))
            {
                return "COUNT: must not be used together with UNTIL.";
            }

            if (byMonthDay.Length > 0 && freq == RecurrenceFrequency.Weekly)
            {
                return "BYMONTHDAY: must not be used when FREQ=WEEKLY.";
            }

            if (byYearDay.Length > 0 && freq is RecurrenceFrequency.Daily or RecurrenceFrequency.Weekly or RecurrenceFrequency.Monthly)
            {
                return $"BYYEARDAY: must not be used when FREQ={FrequencyName(freq)}.";
            }

            if (byWeekNo.Length > 0 && freq != RecurrenceFrequency.Yearly)
            {
                return "BYWEEKNO: may only be used when FREQ=YEARLY.";
            }

            if (Array.Exists(byDay, d => d.Ordinal != 0))
            {
                if (freq is not (RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly))
                {
                    return "BYDAY: an ordinal weekday (such as 2TU) may only be used when FREQ=MONTHLY or FREQ=YEARLY.";
                }

                if (byWeekNo.Length > 0)
                {
                    return "BYDAY: an ordinal weekday (such as 2TU) must not be used together with BYWEEKNO.";
                }
            }

            var hasOtherBy = bySecond.Length + byMinute.Length + byHour.Length + byDay.Length + byMonthDay.Length
                + byYearDay.Length + byWeekNo.Length + byMonth.Length > 0;
            if (bySetPos.Length > 0 && !hasOtherBy)
            {
                return "BYSETPOS: must be used together with another BYxxx rule part.";
            }

            return null;
        }

        private string? ParseFrequency(ReadOnlySpan<char> value)
        {
            for (var f = RecurrenceFrequency.Yearly; f <= RecurrenceFrequency.Secondly; f++)
            {
                if (value.Equals(FrequencyName(f), StringComparison.OrdinalIgnoreCase))
                {
                    frequency = f;
                    return null;
                }
            }

            return $"FREQ: '{QuotedValue.Of(value)}' is not one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY.";
        }

        private static string? ParsePositive(string name, ReadOnlySpan<char> value, out int result, string message)
        {
            if (!IsDigits(value) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) || result < 1)
            {
                result = 1;
                return $"{name}: '{QuotedValue.Of(value)}' is invalid; {message}.";
            }

            return null;
        }

        private string? ParseUntil(ReadOnlySpan<char> value)
        {
            if (value.Length == 8 && IsDigits(value)
                && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                untilDate = date;
                return null;
            }

            if (value.Length == 16 && (value[15] == 'Z' || value[15] == 'z') && (value[8] == 'T' || value[8] == 't')
                && IsDigits(value[..8]) && IsDigits(value[9..15])
                && DateTime.TryParseExact(
                    string.Concat(value[..8], "T", value[9..15]),
                    "yyyyMMdd'T'HHmmss",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var instant))
            {
                untilUtc = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
                return null;
            }

            return $"UNTIL: '{QuotedValue.Of(value)}' is malformed; expected a date (YYYYMMDD) or a UTC date-time (YYYYMMDDTHHMMSSZ).";
        }

        private string? ParseByDay(ReadOnlySpan<char> value)
        {
            var result = new List<WeekdayOrdinal>();
            foreach (var range in value.Split(','))
            {
                var item = value[range].Trim();
                if (item.Length < 2)
                {
                    return item.IsEmpty ? "BYDAY: the list has an empty entry." : $"BYDAY: '{QuotedValue.Of(item)}' is not a weekday.";
                }

                if (!WeekdayCodes.TryParse(item[^2..], out var day))
                {
                    return $"BYDAY: '{item[^2..]}' is not a weekday (SU, MO, TU, WE, TH, FR, SA).";
                }

                var ordinal = 0;
                var prefix = item[..^2];
                if (!prefix.IsEmpty)
                {
                    if (!TryParseSigned(prefix, out ordinal) || ordinal == 0 || Math.Abs(ordinal) > 53)
                    {
                        return $"BYDAY: ordinal '{QuotedValue.Of(prefix)}' in '{QuotedValue.Of(item)}' is invalid; it must be 1 to 53 or -53 to -1.";
                    }
                }

                var entry = new WeekdayOrdinal(day, ordinal);
                if (!result.Contains(entry))
                {
                    result.Add(entry);
                }
            }

            result.Sort();
            byDay = [.. result];
            return null;
        }

        private static string? ParseList(string name, ReadOnlySpan<char> value, int min, int max, bool signed, out int[] result)
        {
            result = [];
            var items = new List<int>();
            foreach (var range in value.Split(','))
            {
                var item = value[range].Trim();
                if (item.IsEmpty)
                {
                    return $"{name}: the list has an empty entry.";
                }

                int number;
                bool parsed = signed ? TryParseSigned(item, out number) : TryParseUnsigned(item, out number);
                if (!parsed)
                {
                    return $"{name}: '{QuotedValue.Of(item)}' is not a valid number.";
                }

                var magnitude = Math.Abs(number);
                if (magnitude < min || magnitude > max || (!signed && number < 0))
                {
                    var allowed = signed ? $"{min} to {max} or -{max} to -{min}" : $"{min} to {max}";
                    return $"{name}: value {number} is out of range; allowed are {allowed}.";
                }

                if (!items.Contains(number))
                {
                    items.Add(number);
                }
            }

            items.Sort();
            result = [.. items];
            return null;
        }

        private static bool TryParseUnsigned(ReadOnlySpan<char> text, out int value)
        {
            value = 0;
            return IsDigits(text) && text.Length <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private static bool TryParseSigned(ReadOnlySpan<char> text, out int value)
        {
            value = 0;
            var negative = false;
            if (!text.IsEmpty && (text[0] == '+' || text[0] == '-'))
            {
                negative = text[0] == '-';
                text = text[1..];
            }

            if (!TryParseUnsigned(text, out value))
            {
                return false;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private static bool IsDigits(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }

    public static string FrequencyName(RecurrenceFrequency frequency) => frequency switch
    {
        RecurrenceFrequency.Yearly => "YEARLY",
        RecurrenceFrequency.Monthly => "MONTHLY",
        RecurrenceFrequency.Weekly => "WEEKLY",
        RecurrenceFrequency.Daily => "DAILY",
        RecurrenceFrequency.Hourly => "HOURLY",
        RecurrenceFrequency.Minutely => "MINUTELY",
        _ => "SECONDLY",
    };
}
