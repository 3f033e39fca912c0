using StatusKit.Audit;

namespace StatusKit.Abstractions;

/// <summary>A filter for listing a page's audit entries, newest first (by occurrence time, then id).</summary>
public sealed record AuditLogQuery
{
    /// <summary>Only entries after this position in the newest-first order (that is, older than it): the next page of a list. Default null, from the newest.</summary>
    public AuditLogCursor? After { get; init; }

    /// <summary>Only entries whose action starts with this text (ordinal): <c>component.</c>, or a whole action. Default null, every action.</summary>
    public string? ActionPrefix { get; init; }

    /// <summary>Only entries about this record. Default null, every record.</summary>
    public Guid? TargetId { get; init; }

    /// <summary>At most this many entries. Default 50.</summary>
    public int Take { get; init; } = 50;
}
