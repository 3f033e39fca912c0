using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<MaintenanceWindow?> GetMaintenanceWindowAsync(Guid windowId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<MaintenanceWindowEntity>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == windowId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>
    /// One query, <c>… WHERE page_id = @page [AND state = @state] ORDER BY occurrence_starts_at DESC, id DESC LIMIT @take
    /// OFFSET @skip</c>: with a state, a walk of the page + state + occurrence start + id index from its latest end;
    /// without one, of the page + occurrence start + id index. Either gives the order, so the read stops after the rows
    /// it returns.
    /// </remarks>
    public async Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceWindowsAsync(Guid pageId, MaintenanceWindowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, "query.Skip");
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
        await using var session = await OpenAsync(cancellationToken);
        var windows = session.Set<MaintenanceWindowEntity>().AsNoTracking().Where(w => w.PageId == pageId);
        if (query.State is { } state)
        {
            // A separate Where, not (@state IS NULL OR state = @state): the index seek needs the equality on its own.
            windows = windows.Where(w => w.State == state);
        }

        var rows = await windows
            .OrderByDescending(w => w.OccurrenceStartsAt)
            .ThenByDescending(w => w.Id)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>
    /// One query through the page + state + occurrence start + id index, a range per open state, sorted here: a page has
    /// few open windows, however many it closed. An <c>ORDER BY</c> in the query would tempt SQLite into walking the page
    /// + occurrence start index instead, past every closed window of the page, to save that sort.
    /// </remarks>
    public async Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<MaintenanceWindowEntity>().AsNoTracking()
            .Where(w => w.PageId == pageId && (w.State == MaintenanceState.Scheduled || w.State == MaintenanceState.InProgress))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(w => w.OccurrenceStartsAt).ThenBy(w => w.Id).Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>
    /// One query, <c>… WHERE page_id = @page AND state = Completed ORDER BY occurrence_starts_at DESC, id DESC LIMIT @take OFFSET @skip</c>,
    /// which walks the page + occurrence start index from its latest end (skipping the page's few open and its cancelled
    /// windows on the way) and stops after the rows it returns.
    /// </remarks>
    public async Task<IReadOnlyList<MaintenanceWindow>> ListCompletedMaintenanceWindowsAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<MaintenanceWindowEntity>().AsNoTracking()
            .Where(w => w.PageId == pageId && w.State == MaintenanceState.Completed)
            .OrderByDescending(w => w.OccurrenceStartsAt)
            .ThenByDescending(w => w.Id)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    public async Task<IReadOnlyList<MaintenanceWindow>> ListOpenMaintenanceWindowsAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<MaintenanceWindowEntity>().AsNoTracking()
            .Where(w => w.State == MaintenanceState.Scheduled || w.State == MaintenanceState.InProgress)
            .OrderBy(w => w.OccurrenceStartsAt)
            .ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>One transaction: the window's <c>INSERT</c>, then the notifications as <see cref="EnqueueNotificationsAsync"/> enqueues them.</remarks>
    public async Task<MaintenanceWindow> AddMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        OutboxStaging.Validate(notifications);
        var stored = window with { Version = 1 };
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        await EnsurePageExistsAsync(session, window.PageId, cancellationToken);
        session.Set<MaintenanceWindowEntity>().Add(MaintenanceWindowEntity.From(stored));
        await SaveAsync(session, "maintenance window", () => MissingPage(window.PageId), cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
        return stored;
    }

    /// <remarks>
    /// One transaction: <c>UPDATE … WHERE id = @id AND version = @expected</c> (of two hosts applying the same
    /// transition, exactly one updates a row), then, only for that one, the notifications as
    /// <see cref="EnqueueNotificationsAsync"/> enqueues them. The stored page id is kept.
    /// </remarks>
    public async Task<MaintenanceWindow?> TryUpdateMaintenanceWindowAsync(
        MaintenanceWindow window, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        OutboxStaging.Validate(notifications);
        var row = MaintenanceWindowEntity.From(window);
        var expected = window.Version;
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var updated = await session.Set<MaintenanceWindowEntity>()
            .Where(w => w.Id == window.Id && w.Version == expected)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(w => w.Title, row.Title)
                    .SetProperty(w => w.Description, row.Description)
                    .SetProperty(w => w.StartsAt, row.StartsAt)
                    .SetProperty(w => w.EndsAt, row.EndsAt)
                    .SetProperty(w => w.TimeZoneId, row.TimeZoneId)
                    .SetProperty(w => w.Recurrence, row.Recurrence)
                    .SetProperty(w => w.ExcludedOccurrences, row.ExcludedOccurrences)
                    .SetProperty(w => w.AutoUpdateStatus, row.AutoUpdateStatus)
                    .SetProperty(w => w.NotifySubscribers, row.NotifySubscribers)
                    .SetProperty(w => w.State, row.State)
                    .SetProperty(w => w.OccurrenceStartsAt, row.OccurrenceStartsAt)
                    .SetProperty(w => w.OccurrenceEndsAt, row.OccurrenceEndsAt)
                    .SetProperty(w => w.ReminderSentFor, row.ReminderSentFor)
                    .SetProperty(w => w.AnnouncedFor, row.AnnouncedFor)
                    .SetProperty(w => w.StatusSwitchedAt, row.StatusSwitchedAt)
                    .SetProperty(w => w.ComponentIds, row.ComponentIds)
                    .SetProperty(w => w.CreatedBy, row.CreatedBy)
                    .SetProperty(w => w.CreatedAt, row.CreatedAt)
                    .SetProperty(w => w.UpdatedAt, row.UpdatedAt)
                    .SetProperty(w => w.Version, expected + 1),
                cancellationToken);
        if (updated == 1)
        {
            var stored = await session.Set<MaintenanceWindowEntity>().AsNoTracking()
                .Where(w => w.Id == window.Id)
                .Select(w => w.PageId)
                .ToListAsync(cancellationToken);
            await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
            return window with { Version = expected + 1, PageId = stored.Count == 1 ? stored[0] : window.PageId };
        }

        if (!await session.Set<MaintenanceWindowEntity>().AnyAsync(w => w.Id == window.Id, cancellationToken))
        {
            throw new StatusKitNotFoundException("maintenance window", window.Id.ToString());
        }

        return null;
    }

    /// <remarks>
    /// One transaction: the conditional <c>DELETE</c> (<see cref="DeleteAtVersionAsync{T}"/>), then, only when it deleted
    /// the window, the notifications as <see cref="EnqueueNotificationsAsync"/> enqueues them.
    /// </remarks>
    public async Task<bool> DeleteMaintenanceWindowAsync(
        Guid windowId, long? expectedVersion, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        if (!await DeleteAtVersionAsync(
                session.Set<MaintenanceWindowEntity>().Where(w => w.Id == windowId), expectedVersion, "maintenance window", windowId, cancellationToken))
        {
            return false;
        }

        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
        return true;
    }
}
