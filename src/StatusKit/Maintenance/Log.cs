using Microsoft.Extensions.Logging;

namespace StatusKit.Maintenance;

/// <summary>
/// The maintenance area's log events, with fixed ids (1200-1299). Every instant is rendered in one format, ISO 8601 in
/// UTC to the second with a fraction only when there is one (<c>2026-01-05T10:00:00Z</c>), whatever offset it carries
/// (a window's occurrences come on its zone's wall clock, the scheduler's times from the clock in UTC) and whatever the
/// host's culture; the structured values stay <see cref="DateTimeOffset"/>s, converted to UTC.
/// </summary>
internal static partial class Log
{
    public static void TransitionApplied(ILogger logger, Guid windowId, MaintenanceTransitionKind transition, DateTimeOffset occurrenceStartsAt, Model.MaintenanceState state) =>
        TransitionAppliedUtc(logger, windowId, transition, occurrenceStartsAt.ToUniversalTime(), state);

    public static void TransitionFailed(ILogger logger, Guid windowId, DateTimeOffset retryAt, Exception exception) =>
        TransitionFailedUtc(logger, windowId, retryAt.ToUniversalTime(), exception);

    public static void OccurrenceMissed(ILogger logger, Guid windowId, DateTimeOffset occurrenceStartsAt, DateTimeOffset occurrenceEndsAt) =>
        OccurrenceMissedUtc(logger, windowId, occurrenceStartsAt.ToUniversalTime(), occurrenceEndsAt.ToUniversalTime());

    public static void PassCompleted(ILogger logger, int applied, DateTimeOffset wakeUpAt) =>
        PassCompletedUtc(logger, applied, wakeUpAt.ToUniversalTime());

    public static void PassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) =>
        PassFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1200, LogLevel.Information, "Maintenance window {WindowId}: {Transition} applied for the occurrence starting {OccurrenceStartsAt:" + LogTime.Utc + "}; now {State}", EventName = "TransitionApplied")]
    private static partial void TransitionAppliedUtc(ILogger logger, Guid windowId, MaintenanceTransitionKind transition, DateTimeOffset occurrenceStartsAt, Model.MaintenanceState state);

    [LoggerMessage(1201, LogLevel.Debug, "Maintenance window {WindowId}: {Transition} was already applied by someone else (compare-and-set lost)")]
    public static partial void TransitionLost(ILogger logger, Guid windowId, MaintenanceTransitionKind transition);

    [LoggerMessage(1202, LogLevel.Warning, "Maintenance window {WindowId}: attempt {Attempt} failed; retrying in {Delay}")]
    public static partial void TransitionRetrying(ILogger logger, Guid windowId, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(1203, LogLevel.Error, "Maintenance window {WindowId}: the transition failed after every attempt; it is tried again at {RetryAt:" + LogTime.Utc + "}", EventName = "TransitionFailed")]
    private static partial void TransitionFailedUtc(ILogger logger, Guid windowId, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1204, LogLevel.Information, "Maintenance window {WindowId}: the occurrence {OccurrenceStartsAt:" + LogTime.Utc + "} - {OccurrenceEndsAt:" + LogTime.Utc + "} passed while the scheduler was not running; recorded without starting it", EventName = "OccurrenceMissed")]
    private static partial void OccurrenceMissedUtc(ILogger logger, Guid windowId, DateTimeOffset occurrenceStartsAt, DateTimeOffset occurrenceEndsAt);

    [LoggerMessage(1205, LogLevel.Debug, "Maintenance scheduler: {Applied} transition(s) applied; next wake-up at {WakeUpAt:" + LogTime.Utc + "}", EventName = "PassCompleted")]
    private static partial void PassCompletedUtc(ILogger logger, int applied, DateTimeOffset wakeUpAt);

    [LoggerMessage(1206, LogLevel.Error, "Maintenance scheduler: the pass failed; retrying at {RetryAt:" + LogTime.Utc + "}", EventName = "PassFailed")]
    private static partial void PassFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1207, LogLevel.Warning, "Maintenance window {WindowId}: its time zone '{TimeZoneId}' or recurrence '{Recurrence}' no longer parses; it is treated as a one-off window")]
    public static partial void InvalidSchedule(ILogger logger, Guid windowId, string timeZoneId, string? recurrence);

    [LoggerMessage(1208, LogLevel.Error, "Maintenance window {WindowId}: recomputing its components or queueing its notices failed; it is retried at the next wake-up")]
    public static partial void SettleFailed(ILogger logger, Guid windowId, Exception exception);

    [LoggerMessage(1209, LogLevel.Information, "Maintenance scheduler: the host registered its own IMaintenanceScheduler; the default timer loop stays idle")]
    public static partial void ReplacedByHost(ILogger logger);
}
