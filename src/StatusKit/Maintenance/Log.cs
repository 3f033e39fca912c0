using Microsoft.Extensions.Logging;

namespace StatusKit.Maintenance;

/// <summary>The maintenance area's log events, with fixed ids (1200-1299).</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "Maintenance window {WindowId}: {Transition} applied for the occurrence starting {OccurrenceStartsAt}; now {State}")]
    public static partial void TransitionApplied(ILogger logger, Guid windowId, MaintenanceTransitionKind transition, DateTimeOffset occurrenceStartsAt, Model.MaintenanceState state);

    [LoggerMessage(1201, LogLevel.Debug, "Maintenance window {WindowId}: {Transition} was already applied by someone else (compare-and-set lost)")]
    public static partial void TransitionLost(ILogger logger, Guid windowId, MaintenanceTransitionKind transition);

    [LoggerMessage(1202, LogLevel.Warning, "Maintenance window {WindowId}: attempt {Attempt} failed; retrying in {Delay}")]
    public static partial void TransitionRetrying(ILogger logger, Guid windowId, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(1203, LogLevel.Error, "Maintenance window {WindowId}: the transition failed after every attempt; it is tried again at {RetryAt}")]
    public static partial void TransitionFailed(ILogger logger, Guid windowId, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1204, LogLevel.Information, "Maintenance window {WindowId}: the occurrence {OccurrenceStartsAt} - {OccurrenceEndsAt} passed while the scheduler was not running; recorded without starting it")]
    public static partial void OccurrenceMissed(ILogger logger, Guid windowId, DateTimeOffset occurrenceStartsAt, DateTimeOffset occurrenceEndsAt);

    [LoggerMessage(1205, LogLevel.Debug, "Maintenance scheduler: {Applied} transition(s) applied; next wake-up at {WakeUpAt}")]
    public static partial void PassCompleted(ILogger logger, int applied, DateTimeOffset wakeUpAt);

    [LoggerMessage(1206, LogLevel.Error, "Maintenance scheduler: the pass failed; retrying at {RetryAt}")]
    public static partial void PassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1207, LogLevel.Warning, "Maintenance window {WindowId}: its time zone '{TimeZoneId}' or recurrence '{Recurrence}' no longer parses; it is treated as a one-off window")]
    public static partial void InvalidSchedule(ILogger logger, Guid windowId, string timeZoneId, string? recurrence);

    [LoggerMessage(1208, LogLevel.Error, "Maintenance window {WindowId}: recomputing its components or queueing its notices failed; it is retried at the next wake-up")]
    public static partial void SettleFailed(ILogger logger, Guid windowId, Exception exception);

    [LoggerMessage(1209, LogLevel.Information, "Maintenance scheduler: the host registered its own IMaintenanceScheduler; the default timer loop stays idle")]
    public static partial void ReplacedByHost(ILogger logger);
}
