using System.Globalization;
using System.Text;

namespace StatusKit.Recurrence;

/// <summary>Writes <see cref="RecurrenceRuleParts"/> as canonical RRULE text: fixed part order, sorted lists, defaults left out.</summary>
internal static class RecurrenceRuleFormatter
{
    public static string Format(RecurrenceRuleParts parts)
    {
        var text = new StringBuilder("FREQ=").Append(RecurrenceRuleParser.FrequencyName(parts.Frequency));
        if (parts.Interval != 1)
        {
            text.Append(";INTERVAL=").Append(parts.Interval.ToString(CultureInfo.InvariantCulture));
        }

        if (parts.Count is { } count)
        {
            text.Append(";COUNT=").Append(count.ToString(CultureInfo.InvariantCulture));
        }

        if (parts.UntilUtc is { } untilUtc)
        {
            text.Append(";UNTIL=").Append(untilUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        }
        else if (parts.UntilDate is { } untilDate)
        {
            text.Append(";UNTIL=").Append(untilDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        AppendList(text, "BYMONTH", parts.ByMonth);
        AppendList(text, "BYWEEKNO", parts.ByWeekNo);
        AppendList(text, "BYYEARDAY", parts.ByYearDay);
        AppendList(text, "BYMONTHDAY", parts.ByMonthDay);
        if (parts.ByDay.Length > 0)
        {
            text.Append(";BYDAY=");
            for (var i = 0; i < parts.ByDay.Length; i++)
            {
                var day = parts.ByDay[i];
                if (i > 0)
                {
                    text.Append(',');
                }

                if (day.Ordinal != 0)
                {
                    text.Append(day.Ordinal.ToString(CultureInfo.InvariantCulture));
                }

                text.Append(WeekdayCodes.ToCode(day.Day));
            }
        }

        AppendList(text, "BYHOUR", parts.ByHour);
        AppendList(text, "BYMINUTE", parts.ByMinute);
        AppendList(text, "BYSECOND", parts.BySecond);
        AppendList(text, "BYSETPOS", parts.BySetPos);
        if (parts.WeekStart != DayOfWeek.Monday)
        {
            text.Append(";WKST=").Append(WeekdayCodes.ToCode(parts.WeekStart));
        }

        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string name, int[] values)
    {
        if (values.Length == 0)
        {
            return;
        }

        text.Append(';').Append(name).Append('=');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(values[i].ToString(CultureInfo.InvariantCulture));
        }
    }
}
