using Microsoft.Extensions.Logging;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>The services' log events (ids 1025-1031). Destinations, bodies and tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1025, LogLevel.Information, "Test notification {NotificationId} queued for subscriber {SubscriberId} by {Channel}")]
    public static partial void TestNotificationQueued(ILogger logger, Guid notificationId, Guid subscriberId, SubscriberChannel channel);

    [LoggerMessage(1026, LogLevel.Information, "Imported {ImportedCount} Statuspage incidents onto page {PageId}; {SkippedCount} skipped, {UnknownComponentCount} component names unknown to the page")]
    public static partial void IncidentsImported(ILogger logger, Guid pageId, int importedCount, int skippedCount, int unknownComponentCount);

    [LoggerMessage(1027, LogLevel.Information, "Imported {ImportedCount} Statuspage components onto page {PageId}; {SkippedCount} skipped")]
    public static partial void ComponentsImported(ILogger logger, Guid pageId, int importedCount, int skippedCount);

    [LoggerMessage(1028, LogLevel.Information, "Incident template {TemplateId} of page {PageId} saved at version {Version}")]
    public static partial void IncidentTemplateSaved(ILogger logger, Guid templateId, Guid pageId, long version);

    [LoggerMessage(1029, LogLevel.Information, "Incident template {TemplateId} of page {PageId} deleted")]
    public static partial void IncidentTemplateDeleted(ILogger logger, Guid templateId, Guid pageId);

    [LoggerMessage(1030, LogLevel.Information, "Imported {ImportedCount} Statuspage scheduled maintenances onto page {PageId}; {SkippedCount} skipped, {UnknownComponentCount} component names unknown to the page")]
    public static partial void MaintenancesImported(ILogger logger, Guid pageId, int importedCount, int skippedCount, int unknownComponentCount);

    [LoggerMessage(1031, LogLevel.Information, "Imported {ImportedCount} subscribers onto page {PageId} (pre-verified: {PreVerified}); {SkippedCount} rows skipped, {UnknownComponentCount} component names unknown to the page")]
    public static partial void SubscribersImported(ILogger logger, Guid pageId, int importedCount, bool preVerified, int skippedCount, int unknownComponentCount);
}
