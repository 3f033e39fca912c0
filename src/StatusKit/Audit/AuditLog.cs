using StatusKit.Abstractions;
using StatusKit.Services;

namespace StatusKit.Audit;

/// <summary>
/// Reads a status page's audit log: who changed what on the page, and when, newest first, a page of entries at a time.
/// The services record the entries (<see cref="AuditActions"/>); entries older than
/// <see cref="Configuration.StatusPagesOptions.AuditLogRetention"/> are pruned.
/// </summary>
public sealed class AuditLog
{
    /// <summary>The largest <c>limit</c>.</summary>
    public const int MaxLimit = 200;
    private const int MaxActionPrefixLength = 100;
    private readonly IStatusStore _store;

    internal AuditLog(IStatusStore store) => _store = store;

    /// <summary>
    /// The entries of <paramref name="pageId"/>, newest first: at most <paramref name="limit"/> (1 to 200, default 50)
    /// after <paramref name="cursor"/> (the previous page's <see cref="AuditLogPage.NextCursor"/>), only those whose
    /// action starts with <paramref name="actionPrefix"/> and that are about <paramref name="targetId"/> when given. A
    /// limit out of range or a blank or overlong action prefix is a <see cref="StatusKitValidationException"/> naming
    /// <c>limit</c> or <c>action</c>. A deleted page's entries are still listed until they are pruned; a page id that
    /// names no page and has no entries (it never existed, or was deleted and its entries pruned) is a
    /// <see cref="StatusKitNotFoundException"/> naming <c>pageId</c>.
    /// </summary>
    public async Task<AuditLogPage> ListAsync(
        Guid pageId, int limit = 50, AuditLogCursor? cursor = null, string? actionPrefix = null, Guid? targetId = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Range(limit, "limit", 1, MaxLimit);
        if (actionPrefix is not null && (string.IsNullOrWhiteSpace(actionPrefix) || actionPrefix.Length > MaxActionPrefixLength))
        {
            throw new StatusKitValidationException("action", $"The action filter must be 1 to {MaxActionPrefixLength} characters, such as 'component.' or 'component.updated'.", ValidationCodes.ValueInvalid);
        }

        // One more than asked tells whether an older page exists, without a count.
        var rows = await _store.ListAuditEntriesAsync(
            pageId, new AuditLogQuery { After = cursor, ActionPrefix = actionPrefix, TargetId = targetId, Take = limit + 1 }, cancellationToken);
        if (rows.Count == 0 && await _store.GetPageAsync(pageId, cancellationToken) is null
            && (await _store.ListAuditEntriesAsync(pageId, new AuditLogQuery { Take = 1 }, cancellationToken)).Count == 0)
        {
            // Neither a page nor the log of a deleted one (its entries, page.deleted last, outlive it until pruned).
            throw new StatusKitNotFoundException("page", pageId.ToString(), "pageId");
        }

        return rows.Count > limit
            ? new AuditLogPage([.. rows.Take(limit)], AuditLogCursor.Of(rows[limit - 1]))
            : new AuditLogPage(rows, null);
    }
}
