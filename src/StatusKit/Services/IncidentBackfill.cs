using System.Globalization;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// The dates of a backfilled incident (<see cref="CreateStatusIncident.StartedAt"/>, <see cref="CreateStatusIncident.ResolvedAt"/>):
/// a past problem created Resolved, begun at or after 1970-01-01 UTC (as maintenance windows are bounded, and every
/// store keeps it), not in the future, ended at or after it began (when it began, unless told). Each refusal names its field.
/// </summary>
internal static class IncidentBackfill
{
    /// <summary>The earliest instant a backfilled incident may begin at.</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// The incident's start and end given <paramref name="now"/>, or null when the request dates nothing (an incident
    /// of now). Throws <see cref="StatusKitValidationException"/> for dates on an open incident, an end without a
    /// start, a time in the future or before <see cref="Earliest"/>, or an end before the start.
    /// </summary>
    public static (DateTimeOffset StartedAt, DateTimeOffset ResolvedAt)? Dates(
        StatusIncidentState state, DateTimeOffset? startedAt, DateTimeOffset? resolvedAt, DateTimeOffset now)
    {
        if (startedAt is null && resolvedAt is null)
        {
            return null;
        }

        if (state != StatusIncidentState.Resolved)
        {
            var field = startedAt is null ? "resolvedAt" : "startedAt";
            throw new StatusKitValidationException(
                field, $"Only an incident created Resolved (a backfill of a past problem) can be dated; this one is {state}: leave {field} out, or create it Resolved.");
        }

        if (startedAt is not { } start)
        {
            throw new StatusKitValidationException(
                "startedAt", "A backfilled incident needs its start (startedAt) with its resolution time (resolvedAt); give startedAt, or both.");
        }

        if (start < Earliest)
        {
            throw new StatusKitValidationException("startedAt", $"The startedAt ({Format(start)}) must be on or after {Format(Earliest)}.");
        }

        if (start > now)
        {
            throw new StatusKitValidationException("startedAt", $"The startedAt ({Format(start)}) is in the future; a backfill records a past problem (now is {Format(now)}).");
        }

        var end = resolvedAt ?? start;
        if (end > now)
        {
            throw new StatusKitValidationException("resolvedAt", $"The resolvedAt ({Format(end)}) is in the future; a backfill records a past problem (now is {Format(now)}).");
        }

        if (end < start)
        {
            throw new StatusKitValidationException("resolvedAt", $"The resolvedAt ({Format(end)}) must be at or after the startedAt ({Format(start)}).");
        }

        return (start, end);
    }

    private static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
