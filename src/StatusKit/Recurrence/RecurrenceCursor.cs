namespace StatusKit.Recurrence;

/// <summary>
/// Walks a <see cref="RecurrencePlan"/> period by period and yields candidate wall-clock times
/// (as <see cref="DateTime.Ticks"/>) in strictly ascending order, the way RFC 5545 expands a rule:
/// each period (a year, month, week, day, or an hour/minute/second lattice point INTERVAL units
/// apart) is expanded to its days and times, filtered by the BYxxx parts, and cut down by BYSETPOS.
/// DTSTART, COUNT and UNTIL are the caller's business. <see cref="Seek"/> jumps straight to the
/// period holding a given wall time, so finding the next occurrence never walks from DTSTART.
/// </summary>
internal sealed class RecurrenceCursor
{
    private const long TicksPerDay = RecurrencePlan.TicksPerDay;
    private const long TicksPerSecond = RecurrencePlan.TicksPerSecond;
    private const long MaxWallTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks

    private readonly RecurrencePlan plan;
    private readonly int[] offsets;
    private readonly int interval;
    private readonly int lastDay;
    private readonly bool subDaily;
    private readonly bool hasSetPos;

    private long periodIndex;
    private bool periodLoaded;
    private bool producedInPeriod;
    private bool exhausted;

    // Coarse periods (YEARLY .. DAILY): the candidate days of the loaded period.
    private int dayCursor;
    private int dayEnd;
    private bool dayActive;
    private int timeIndex;

    // Sub-daily periods: the current lattice point.
    private long lattice;

    // BYSETPOS: the selected occurrences of the loaded period.
    private long[]? selected;
    private int selectedCount;
    private int selectedIndex;
    private int[]? matchingDays;

    // A rule that can never occur again must end rather than scan to the year 9999. Every BYxxx
    // filter is periodic in the 400-year Gregorian cycle (146097 days, a whole number of weeks), so
    // once the periods visited without producing anything span a full cycle of INTERVAL steps
    // through that calendar, nothing will ever be produced.
    private readonly long emptyPeriodLimit;
    private readonly long emptySpanTicksLimit;
    private long emptyPeriods;
    private long lastProducedTicks;

    public RecurrenceCursor(RecurrencePlan plan, int lastDay)
    {
        this.plan = plan;
        offsets = plan.TimeOffsets;
        interval = plan.Parts.Interval;
        this.lastDay = Math.Min(lastDay, CivilCalendar.MaxDayNumber);
        subDaily = plan.Frequency >= RecurrenceFrequency.Hourly;
        hasSetPos = plan.SetPositions.Length > 0;
        lattice = plan.LatticeOrigin;
        lastProducedTicks = lattice;
        exhausted = plan.IsEmpty;
        (emptyPeriodLimit, emptySpanTicksLimit) = EmptyLimits(plan);
    }

    private const long CycleDays = 146_097;

    private static (long Periods, long SpanTicks) EmptyLimits(RecurrencePlan plan)
    {
        long interval = plan.Parts.Interval;
        var cycleUnits = plan.Frequency switch
        {
            RecurrenceFrequency.Yearly => 400L,
            RecurrenceFrequency.Monthly => 4800L,
            RecurrenceFrequency.Weekly => CycleDays / 7,
            RecurrenceFrequency.Daily => CycleDays,
            _ => 0L,
        };
        if (cycleUnits > 0)
        {
            return (cycleUnits / Gcd(interval, cycleUnits), long.MaxValue);
        }

        // Sub-daily: lattice points repeat their position in the cycle every lcm(step, cycle).
        var stepSeconds = plan.LatticeStep / TicksPerSecond;
        var cycleSeconds = CycleDays * 86_400;
        var multiple = stepSeconds / Gcd(stepSeconds, cycleSeconds);
        var span = multiple > long.MaxValue / cycleSeconds / TicksPerSecond ? long.MaxValue : multiple * cycleSeconds * TicksPerSecond;
        return (long.MaxValue, span);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    /// <summary>
    /// Positions the cursor at the start of the period that contains <paramref name="wallTicks"/>
    /// (or at the first period when that lies before DTSTART). Only whole periods are skipped, so
    /// BYSETPOS still sees complete periods.
    /// </summary>
    public void Seek(long wallTicks)
    {
        if (wallTicks <= plan.StartTicks)
        {
            return;
        }

        periodLoaded = false;
        emptyPeriods = 0;
        if (subDaily)
        {
            var steps = (wallTicks - plan.LatticeOrigin) / plan.LatticeStep;
            lattice = plan.LatticeOrigin + (steps * plan.LatticeStep);
            lastProducedTicks = lattice;
            return;
        }

        var targetDay = (int)(wallTicks / TicksPerDay);
        var start = plan.Start;
        long units = plan.Frequency switch
        {
            RecurrenceFrequency.Yearly => CivilCalendar.Year(targetDay) - start.Year,
            RecurrenceFrequency.Monthly => MonthIndex(targetDay) - ((start.Year * 12L) + start.Month - 1),
            RecurrenceFrequency.Weekly => (targetDay - WeekNumbering.WeekFirstDay(plan.StartDay, plan.WeekStart)) / 7,
            _ => targetDay - plan.StartDay,
        };
        periodIndex = Math.Max(0, units / interval);
    }

    /// <summary>The next candidate wall time in ticks, or -1 when the rule has no more.</summary>
    public long Next()
    {
        while (!exhausted)
        {
            if (!periodLoaded && !LoadPeriod())
            {
                exhausted = true;
                break;
            }

            if (hasSetPos)
            {
                if (selectedIndex < selectedCount)
                {
                    producedInPeriod = true;
                    return selected![selectedIndex++];
                }
            }
            else if (subDaily)
            {
                if (timeIndex < offsets.Length)
                {
                    var wall = lattice + (offsets[timeIndex++] * TicksPerSecond);
                    if (wall > MaxWallTicks)
                    {
                        break;
                    }

                    producedInPeriod = true;
                    return wall;
                }
            }
            else
            {
                while (dayCursor <= dayEnd)
                {
                    if (!dayActive)
                    {
                        if (!plan.MatchesDay(dayCursor))
                        {
                            dayCursor++;
                            continue;
                        }

                        dayActive = true;
                        timeIndex = 0;
                    }

                    if (timeIndex < offsets.Length)
                    {
                        producedInPeriod = true;
                        return (dayCursor * TicksPerDay) + (offsets[timeIndex++] * TicksPerSecond);
                    }

                    dayActive = false;
                    dayCursor++;
                }
            }

            // The loaded period is used up: move on by one INTERVAL.
            periodLoaded = false;
            if (subDaily)
            {
                if (producedInPeriod)
                {
                    lastProducedTicks = lattice;
                }

                lattice += plan.LatticeStep;
            }
            else
            {
                emptyPeriods = producedInPeriod ? 0 : emptyPeriods + 1;
                if (emptyPeriods >= emptyPeriodLimit)
                {
                    break;
                }

                periodIndex++;
            }

            producedInPeriod = false;
        }

        exhausted = true;
        return -1;
    }

    private bool LoadPeriod()
    {
        periodLoaded = true;
        timeIndex = 0;
        dayActive = false;
        selectedCount = 0;
        selectedIndex = 0;
        if (subDaily)
        {
            if (!FindLatticePoint())
            {
                return false;
            }

            if (hasSetPos)
            {
                SelectPositions(lattice, 1, null, offsets.Length, subDailyPeriod: true);
            }

            return true;
        }

        if (!TryGetPeriodDays(out var first, out var last))
        {
            return false;
        }

        dayCursor = first;
        dayEnd = Math.Min(last, CivilCalendar.MaxDayNumber);
        if (hasSetPos)
        {
            matchingDays ??= new int[373];
            var count = 0;
            for (var day = dayCursor; day <= dayEnd; day++)
            {
                if (plan.MatchesDay(day))
                {
                    matchingDays[count++] = day;
                }
            }

            SelectPositions(0, count, matchingDays, offsets.Length, subDailyPeriod: false);
        }

        return true;
    }

    private bool TryGetPeriodDays(out int first, out int last)
    {
        var start = plan.Start;
        var step = periodIndex * interval;
        first = last = 0;
        switch (plan.Frequency)
        {
            case RecurrenceFrequency.Yearly:
            {
                var year = start.Year + step;
                if (year > 9999)
                {
                    return false;
                }

                first = CivilCalendar.FirstDayOfYear((int)year);
                last = first + CivilCalendar.DaysInYear((int)year) - 1;
                break;
            }

            case RecurrenceFrequency.Monthly:
            {
                var monthIndex = (start.Year * 12L) + start.Month - 1 + step;
                var year = monthIndex / 12;
                if (year > 9999)
                {
                    return false;
                }

                var month = (int)(monthIndex % 12) + 1;
                first = CivilCalendar.DayNumber((int)year, month, 1);
                last = first + CivilCalendar.DaysInMonth((int)year, month) - 1;
                break;
            }

            case RecurrenceFrequency.Weekly:
            {
                var weekFirst = WeekNumbering.WeekFirstDay(plan.StartDay, plan.WeekStart) + (7 * step);
                if (weekFirst > lastDay)
                {
                    return false;
                }

                // python-dateutil's first weekly period starts at DTSTART, which matters for BYSETPOS.
                first = (int)Math.Max(weekFirst, plan.StartDay);
                last = (int)weekFirst + 6;
                break;
            }

            default:
            {
                var day = plan.StartDay + step;
                if (day > lastDay)
                {
                    return false;
                }

                first = last = (int)day;
                break;
            }
        }

        return first <= lastDay;
    }

    private bool FindLatticePoint()
    {
        var maxTicks = ((lastDay + 1L) * TicksPerDay) - 1;
        while (lattice <= maxTicks)
        {
            if (lattice - lastProducedTicks > emptySpanTicksLimit)
            {
                return false;
            }

            var day = (int)(lattice / TicksPerDay);
            if (!plan.MatchesDay(day))
            {
                lattice = AlignUp((day + 1L) * TicksPerDay);
                continue;
            }

            if (!plan.MatchesLatticeTime(lattice))
            {
                // Skip the rest of the hour (or minute) that failed its filter, not just one step.
                var secondOfDay = (int)(lattice % TicksPerDay / TicksPerSecond);
                long boundary;
                if (((plan.HourMask >> (secondOfDay / 3600)) & 1) == 0)
                {
                    boundary = lattice - (lattice % TimeSpan.TicksPerHour) + TimeSpan.TicksPerHour;
                }
                else if (plan.Frequency >= RecurrenceFrequency.Minutely && ((plan.MinuteMask >> (secondOfDay / 60 % 60)) & 1) == 0)
                {
                    boundary = lattice - (lattice % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute;
                }
                else
                {
                    boundary = lattice + 1;
                }

                lattice = AlignUp(boundary);
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>The first lattice point at or after <paramref name="wallTicks"/>.</summary>
    private long AlignUp(long wallTicks)
    {
        var step = plan.LatticeStep;
        var distance = wallTicks - plan.LatticeOrigin;
        var steps = (distance + step - 1) / step;
        var aligned = plan.LatticeOrigin + (steps * step);
        return aligned > lattice ? aligned : lattice + step;
    }

    private void SelectPositions(long baseTicks, int dayCount, int[]? days, int timeCount, bool subDailyPeriod)
    {
        var positions = plan.SetPositions;
        selected ??= new long[positions.Length];
        var total = (long)dayCount * timeCount;
        foreach (var position in positions)
        {
            var index = position > 0 ? position - 1 : total + position;
            if (index < 0 || index >= total)
            {
                continue;
            }

            var dayTicks = subDailyPeriod ? baseTicks : days![index / timeCount] * TicksPerDay;
            var value = dayTicks + (offsets[index % timeCount] * TicksPerSecond);
            if (value > MaxWallTicks)
            {
                continue;
            }

            InsertSorted(value);
        }
    }

    private void InsertSorted(long value)
    {
        var i = selectedCount;
        while (i > 0 && selected![i - 1] > value)
        {
            i--;
        }

        if (i > 0 && selected![i - 1] == value)
        {
            return;
        }

        Array.Copy(selected!, i, selected!, i + 1, selectedCount - i);
        selected![i] = value;
        selectedCount++;
    }

    private static long MonthIndex(int dayNumber)
    {
        CivilCalendar.ToCivil(dayNumber, out var year, out var month, out _);
        return (year * 12L) + month - 1;
    }
}
