using System.Globalization;
using StatusKit.Services;
using StatusKit.Shared;

namespace StatusKit.Maintenance;

/// <summary>
/// Checks a window's timing: start and end from 1970 to before the year 9000, end after start, a known IANA zone, a
/// recurrence that parses and whose occurrences do not overlap (<see cref="OverlapCheck"/>), exclusions only on a
/// recurring window, and an occurrence still to come that is not excluded. Each failure names its field.
/// </summary>
internal static class ScheduleValidator
{
    /// <summary>The earliest start a window may have.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant a window may no longer start or end at.</summary>
    public static readonly DateTimeOffset Latest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The validated schedule and the occurrence the window should be at, given <paramref name="now"/>.</summary>
    public static (OccurrenceSchedule Schedule, OccurrenceSpan Current) Validate(
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string? timeZoneId,
        string? recurrence,
        IReadOnlyList<DateTime> excludedStarts,
        DateTimeOffset now)
    {
        ValidateSpan(startsAt, endsAt);
        var zone = Guard.TimeZone(timeZoneId);
        var text = string.IsNullOrWhiteSpace(recurrence) ? null : recurrence.Trim();
        if (!OccurrenceSchedule.TryCreate(startsAt, endsAt - startsAt, zone, text, excludedStarts, out var schedule, out var field, out var error))
        {
            throw new StatusKitValidationException(field, error);
        }

        if (text is null && excludedStarts.Count > 0)
        {
            throw new StatusKitValidationException(
                ExcludedOccurrenceList.Field,
                "Only a recurring window has occurrences to exclude; give it a recurrence, or cancel a one-off window instead.");
        }

        if (OverlapCheck.Find(schedule, now) is ({ } earlier, { } later))
        {
            throw new StatusKitValidationException(
                "recurrence",
                $"The occurrences of '{QuotedValue.Of(text)}' overlap: each lasts {schedule.Duration}, but the one at {Format(earlier.StartsAt, schedule.Zone)} is followed by one at {Format(later.StartsAt, schedule.Zone)}, only {later.StartsAt - earlier.StartsAt} later. Shorten the window or space the occurrences out.");
        }

        if (schedule.FirstEndingAfter(now) is not { } current)
        {
            throw schedule.HasExclusions && schedule.WithoutExclusions().FirstEndingAfter(now) is not null
                ? new StatusKitValidationException(ExcludedOccurrenceList.Field, $"Every occurrence of '{QuotedValue.Of(text)}' that ends after now ({Format(now)}) is excluded; cancel the window instead.")
                : text is null
                ? new StatusKitValidationException("endsAt", $"The window ends in the past ({Format(endsAt)}); it must end after now ({Format(now)}).")
                : new StatusKitValidationException("recurrence", $"The recurrence '{QuotedValue.Of(text)}' has no occurrence that ends after now ({Format(now)}).");
        }

        return (schedule, current);
    }

    /// <summary>
    /// Checks one occurrence's times alone: start and end from 1970 to before the year 9000, end after start. What a
    /// window that already happened must meet (<see cref="Services.MaintenanceImportService"/>), with nothing to come.
    /// </summary>
    public static void ValidateSpan(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        InRange(startsAt, "startsAt");
        InRange(endsAt, "endsAt");
        if (endsAt <= startsAt)
        {
            throw new StatusKitValidationException("endsAt", $"The end ({Format(endsAt)}) must be after the start ({Format(startsAt)}).");
        }
    }

    private static void InRange(DateTimeOffset instant, string field)
    {
        // Occurrences are walked on the zone's wall clock, a day or a year at a time; near the ends of DateTime that walk
        // (or the zone's offset) leaves the representable range, a server error for a window nobody means to schedule.
        if (instant < Earliest || instant >= Latest)
        {
            throw new StatusKitValidationException(
                field, $"The {field} ({Format(instant)}) must be on or after {Format(Earliest)} and before {Format(Latest)}.");
        }
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>An instant in UTC and, for another zone, on its wall clock too: overlaps often come from DST.</summary>
    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        ReferenceEquals(zone, TimeZoneInfo.Utc) || zone.Id == "UTC"
            ? Format(instant)
            : $"{Format(instant)} ({TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} {zone.Id})";
}
