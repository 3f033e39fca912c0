using System.Globalization;

namespace StatusKit.Maintenance;

/// <summary>
/// Validates the excluded occurrence starts an operator gives (<see cref="CreateMaintenanceWindow.ExcludedOccurrences"/>):
/// wall-clock date-times (no offset, no <c>Z</c>), whole seconds, no duplicates, at most <see cref="MaxCount"/>; returns
/// them ascending. Whether each matches an occurrence is not checked: as in RFC 5545, one that matches none is harmless.
/// </summary>
internal static class ExcludedOccurrenceList
{
    /// <summary>The field every error names.</summary>
    public const string Field = "excludedOccurrences";

    /// <summary>
    /// The most starts a window can exclude: years of holidays and freeze weeks. Past ones keep counting until they are
    /// removed.
    /// </summary>
    public const int MaxCount = 100;

    /// <summary>The starts, validated and ascending (empty for null).</summary>
    public static DateTime[] Validate(IReadOnlyList<DateTime>? starts)
    {
        if (starts is null || starts.Count == 0)
        {
            return [];
        }

        if (starts.Count > MaxCount)
        {
            throw new StatusKitValidationException(
                Field,
                $"At most {MaxCount} occurrences can be excluded, but {starts.Count} were given; remove the ones already past.");
        }

        var sorted = new DateTime[starts.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var start = starts[i];
            if (start.Kind != DateTimeKind.Unspecified)
            {
                throw new StatusKitValidationException(
                    Field,
                    $"'{Format(start)}' must be a wall-clock date-time of the window's time zone, such as '2026-12-24T02:00:00', without an offset or 'Z' (it is a {start.Kind} time).");
            }

            if (start.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new StatusKitValidationException(Field, $"'{start:O}' has a fraction of a second; occurrences start on whole seconds.");
            }

            sorted[i] = start;
        }

        Array.Sort(sorted);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw new StatusKitValidationException(Field, $"'{Format(sorted[i])}' is listed twice.");
            }
        }

        return sorted;
    }

    /// <summary>A wall-clock date-time as the errors and the API write it.</summary>
    public static string Format(DateTime start) => start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
