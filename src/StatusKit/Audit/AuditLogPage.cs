using StatusKit.Model;

namespace StatusKit.Audit;

/// <summary>One page of a status page's audit log, newest first.</summary>
/// <param name="Entries">The entries, newest first.</param>
/// <param name="NextCursor">Where the next (older) page starts, or null when these are the last entries.</param>
public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Entries, AuditLogCursor? NextCursor);
