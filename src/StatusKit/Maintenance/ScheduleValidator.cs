using System.Globalization;
using StatusKit.Services;

namespace StatusKit.Maintenance;

/// <summary>
/// Checks a window's timing: end after start, a known IANA zone, a recurrence that parses and whose first occurrences
/// do not overlap, and an occurrence still to come. Each failure names its field.
/// </summary>
internal static class ScheduleValidator
{
    /// <summary>How many of the first occurrences are checked for overlap.</summary>
    public const int OverlapCheckCount = 10;

    /// <summary>The validated schedule and the occurrence the window should be at, given <paramref name="now"/>.</summary>
    public static (OccurrenceSchedule Schedule, OccurrenceSpan Current) Validate(
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string? timeZoneId,
        string? recurrence,
        DateTimeOffset now)
    {
        if (endsAt <= startsAt)
        {
            throw new StatusKitValidationException("endsAt", $"The end ({Format(endsAt)}) must be after the start ({Format(startsAt)}).");
        }

        var zone = Guard.TimeZone(timeZoneId);
        var text = string.IsNullOrWhiteSpace(recurrence) ? null : recurrence.Trim();
        if (!OccurrenceSchedule.TryCreate(startsAt, endsAt - startsAt, zone, text, out var schedule, out var field, out var error))
        {
            throw new StatusKitValidationException(field, error);
        }

        OccurrenceSpan? previous = null;
        foreach (var occurrence in schedule.Take(OverlapCheckCount))
        {
            if (previous is { } p && occurrence.StartsAt < p.EndsAt)
            {
                throw new StatusKitValidationException(
                    "recurrence",
                    $"The occurrences of '{text}' overlap: each lasts {schedule.Duration}, but the one at {Format(p.StartsAt)} is followed by one at {Format(occurrence.StartsAt)}, only {occurrence.StartsAt - p.StartsAt} later. Shorten the window or space the occurrences out.");
            }

            previous = occurrence;
        }

        if (schedule.FirstEndingAfter(now) is not { } current)
        {
            throw text is null
                ? new StatusKitValidationException("endsAt", $"The window ends in the past ({Format(endsAt)}); it must end after now ({Format(now)}).")
                : new StatusKitValidationException("recurrence", $"The recurrence '{text}' has no occurrence that ends after now ({Format(now)}).");
        }

        return (schedule, current);
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("u", CultureInfo.InvariantCulture);
}
