using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.Maintenance;

/// <summary>
/// Schedules, changes, starts, completes and cancels maintenance windows. Every state change is a compare-and-set on
/// the window, followed by the recompute of its components, its notices and the page refresh; the scheduler is told
/// so it wakes up for the new due times. Bad input throws <see cref="StatusKitValidationException"/> naming the
/// field; a change the window's state refuses (cancelling a completed window, starting one in progress, changing a
/// cancelled one) throws <see cref="StatusKitConflictException"/> naming <c>state</c>. Either changes nothing.
/// </summary>
public sealed class MaintenanceService
{
    private const int MaxPageSize = 200;
    private readonly IStatusStore _store;
    private readonly MaintenanceEffects _effects;
    private readonly IMaintenanceScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly IOptions<MaintenanceOptions> _options;
    private readonly AuditTrail _audit;

    internal MaintenanceService(
        IStatusStore store, MaintenanceEffects effects, IMaintenanceScheduler scheduler, TimeProvider time, IOptions<MaintenanceOptions> options,
        AuditTrail audit)
    {
        _store = store;
        _effects = effects;
        _scheduler = scheduler;
        _time = time;
        _options = options;
        _audit = audit;
    }

    /// <summary>
    /// Schedules a window. Its current occurrence is the first one that has not ended yet. With
    /// <see cref="MaintenanceOptions.NotifyWhenScheduled"/> (the default) and <see cref="CreateMaintenanceWindow.NotifySubscribers"/>,
    /// its subscribers are told it is scheduled (<see cref="NotificationKind.MaintenanceScheduled"/>), stored with the window.
    /// </summary>
    public async Task<MaintenanceWindow> CreateAsync(CreateMaintenanceWindow request, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var window = await NewAsync(request, Guid.CreateVersion7(now), now, cancellationToken);
        var options = _options.Value;
        var (announced, notice) = ScheduleChangeNotices.Scheduled(window, options.NotifyWhenScheduled, options.ReminderLeadTime, now);
        var notices = await _effects.PlanNoticeAsync(announced, notice, cancellationToken);
        var stored = await _store.AddMaintenanceWindowAsync(announced, notices, cancellationToken);
        await _audit.RecordAsync(stored.PageId, AuditActions.MaintenanceCreated, "maintenance", stored.Id);
        await AfterChangeAsync(null, stored, "scheduled", cancellationToken);
        return stored;
    }

    /// <summary>
    /// Schedules a window brought over from another status page (<see cref="MaintenanceImportService"/>) under
    /// <paramref name="id"/>, created at <paramref name="createdAt"/>, with the rules of <see cref="CreateAsync"/>; its
    /// subscribers are not told it is scheduled (the other page told them), but the window is marked as announced
    /// when it notifies them, so a later move or cancellation is told, and its reminder, start and end go as for any
    /// window. Throws <see cref="StatusKitConflictException"/> when the id is taken (an import of it that won a race).
    /// The page is not refreshed: the import refreshes it once, after all its windows.
    /// </summary>
    internal async Task<MaintenanceWindow> ScheduleImportedAsync(
        CreateMaintenanceWindow request, Guid id, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var window = await NewAsync(request, id, now, cancellationToken);
        window = window with { CreatedAt = createdAt, AnnouncedFor = window.NotifySubscribers ? window.OccurrenceStartsAt : null };
        var stored = await _store.AddMaintenanceWindowAsync(window, [], cancellationToken);
        await _scheduler.WindowChangedAsync(stored.Id, cancellationToken);
        return stored;
    }

    /// <summary>A new Scheduled window of <paramref name="request"/>, validated (its page and components read), not stored.</summary>
    private async Task<MaintenanceWindow> NewAsync(CreateMaintenanceWindow request, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = Guard.Name(request.Title, "title");
        var description = Guard.OptionalText(request.Description, "description");
        var createdBy = Guard.OptionalText(request.CreatedBy, "createdBy", Guard.MaxNameLength) ?? _audit.CurrentActor();
        var excluded = ExcludedOccurrenceList.Validate(request.ExcludedOccurrences);
        var (schedule, current) = ScheduleValidator.Validate(request.StartsAt, request.EndsAt, request.TimeZoneId, request.Recurrence, excluded, now);
        var page = await _store.RequirePageAsync(request.PageId, cancellationToken);
        var componentIds = await _store.RequireComponentsOnPageAsync(page.Id, request.ComponentIds, cancellationToken);
        return new MaintenanceWindow
        {
            Id = id,
            PageId = page.Id,
            Title = title,
            Description = description,
            StartsAt = request.StartsAt.ToUniversalTime(),
            EndsAt = request.EndsAt.ToUniversalTime(),
            TimeZoneId = schedule.Zone.Id,
            Recurrence = NormalizeRecurrence(request.Recurrence),
            ExcludedOccurrences = excluded,
            AutoUpdateStatus = request.AutoUpdateStatus,
            NotifySubscribers = request.NotifySubscribers,
            State = MaintenanceState.Scheduled,
            OccurrenceStartsAt = current.StartsAt.ToUniversalTime(),
            OccurrenceEndsAt = current.EndsAt.ToUniversalTime(),
            ComponentIds = componentIds,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Changes a window. New times, zone or recurrence reschedule a Scheduled window; an InProgress window can only have
    /// its end moved (still after now and after its start) and its descriptive fields changed. When a reschedule moves an
    /// occurrence its subscribers were already told of (its reminder went out, or an earlier move was announced), they
    /// are told the old and the new times (<see cref="NotificationKind.MaintenanceRescheduled"/>), stored with the change.
    /// Moving the end of a window in progress tells the subscribers who were told it started its new end the same way.
    /// Excluding the occurrence they know of tells them it alone is cancelled; bringing back one they were told is
    /// cancelled tells them it is on again (<see cref="NotificationKind.MaintenanceScheduled"/>).
    /// With <see cref="UpdateMaintenanceWindow.ExpectedVersion"/>, the window must still be at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing); without, a concurrent change is read again. A
    /// request that changes nothing writes nothing: the window keeps its version and update time.
    /// </summary>
    public async Task<MaintenanceWindow> UpdateAsync(Guid windowId, UpdateMaintenanceWindow changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return await ChangeAsync(
            windowId,
            changes.ExpectedVersion,
            async (window, now) =>
            {
                var revised = Revise(window, changes, now);
                if (changes.ComponentIds is not null)
                {
                    revised = revised with { ComponentIds = await _store.RequireComponentsOnPageAsync(window.PageId, changes.ComponentIds, cancellationToken) };
                }

                // A request that changes nothing writes nothing: the window keeps its version, which other editors' If-Match holds.
                return ChangedFields(window, revised).Count == 0
                    ? (window, null)
                    : ScheduleChangeNotices.Rescheduled(window, revised, _options.Value.ReminderLeadTime, now);
            },
            "changed",
            AuditActions.MaintenanceUpdated,
            cancellationToken);
    }

    /// <summary>
    /// Cancels a Scheduled or InProgress window; cancelling a cancelled window changes nothing. Subscribers of one in
    /// progress are told it completed now when they were told it started; those of a Scheduled one are told it is cancelled when they were already
    /// reminded of its current occurrence (the next one, for a recurring window). Either notice is stored with the change.
    /// </summary>
    public Task<MaintenanceWindow> CancelAsync(Guid windowId, CancellationToken cancellationToken = default) =>
        CancelAsync(windowId, null, cancellationToken);

    /// <summary>
    /// Cancels a window like <see cref="CancelAsync(Guid, CancellationToken)"/>, when <paramref name="expectedVersion"/>
    /// is given only if the window is still at that version (else <see cref="StatusKitConcurrencyException"/>, changing
    /// nothing).
    /// </summary>
    public Task<MaintenanceWindow> CancelAsync(Guid windowId, long? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            windowId,
            expectedVersion,
            (window, now) =>
            {
                if (window.State == MaintenanceState.Cancelled)
                {
                    return Task.FromResult<(MaintenanceWindow, MaintenanceNotice?)>((window, null));
                }

                RequireState(window, "cancelled", MaintenanceState.Scheduled, MaintenanceState.InProgress);
                return Task.FromResult<(MaintenanceWindow, MaintenanceNotice?)>(
                    (window with { State = MaintenanceState.Cancelled, UpdatedAt = now }, ScheduleChangeNotices.TakenOff(window, now)));
            },
            "cancelled",
            AuditActions.MaintenanceCancelled,
            cancellationToken);

    /// <summary>Starts the current occurrence of a Scheduled window now (earlier than planned, or when it is late).</summary>
    public Task<MaintenanceWindow> StartNowAsync(Guid windowId, CancellationToken cancellationToken = default) =>
        StartNowAsync(windowId, null, cancellationToken);

    /// <summary>
    /// Starts a window now like <see cref="StartNowAsync(Guid, CancellationToken)"/>, when <paramref name="expectedVersion"/>
    /// is given only if the window is still at that version (else <see cref="StatusKitConcurrencyException"/>, changing
    /// nothing).
    /// </summary>
    public Task<MaintenanceWindow> StartNowAsync(Guid windowId, long? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            windowId,
            expectedVersion,
            (window, now) =>
            {
                RequireState(window, "started", MaintenanceState.Scheduled);
                if (now >= window.OccurrenceEndsAt)
                {
                    throw new StatusKitConflictException("state", "The window's current occurrence already ended; the scheduler records it as missed.");
                }

                var start = now < window.OccurrenceStartsAt ? now : window.OccurrenceStartsAt;
                var started = MaintenanceTransitions.Started(window, start, now);
                return Task.FromResult<(MaintenanceWindow, MaintenanceNotice?)>(
                    (started, new MaintenanceNotice(NotificationKind.MaintenanceStarted, start, window.OccurrenceEndsAt)));
            },
            "started by an operator",
            AuditActions.MaintenanceStarted,
            cancellationToken);

    /// <summary>
    /// Ends the current occurrence of an InProgress window now: a one-off window is Completed, a recurring one goes on
    /// to its next occurrence (or is Completed after its last). Its subscribers are told it completed when they were
    /// told it started.
    /// </summary>
    public Task<MaintenanceWindow> CompleteNowAsync(Guid windowId, CancellationToken cancellationToken = default) =>
        CompleteNowAsync(windowId, null, cancellationToken);

    /// <summary>
    /// Completes a window now like <see cref="CompleteNowAsync(Guid, CancellationToken)"/>, when <paramref name="expectedVersion"/>
    /// is given only if the window is still at that version (else <see cref="StatusKitConcurrencyException"/>, changing
    /// nothing).
    /// </summary>
    public Task<MaintenanceWindow> CompleteNowAsync(Guid windowId, long? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            windowId,
            expectedVersion,
            (window, now) =>
            {
                RequireState(window, "completed", MaintenanceState.InProgress);
                var end = now < window.OccurrenceEndsAt ? now : window.OccurrenceEndsAt;
                var ended = window with
                {
                    OccurrenceEndsAt = end,
                    EndsAt = window.Recurrence is null ? end : window.EndsAt,
                };
                var lead = _options.Value.ReminderLeadTime;
                var completed = MaintenanceTransitions.Advance(ended, OccurrenceSchedule.For(window), lead, now);
                return Task.FromResult<(MaintenanceWindow, MaintenanceNotice?)>(
                    (completed, MaintenanceTransitions.CompletedNotice(window, completed, lead, end)));
            },
            "completed by an operator",
            AuditActions.MaintenanceCompleted,
            cancellationToken);

    /// <summary>
    /// Deletes a window. One in progress gives its components back (they are recomputed) and its subscribers are told
    /// it completed now (when they were told it started); those of a Scheduled one are told it is cancelled when they were already reminded of its current
    /// occurrence (as <see cref="CancelAsync(Guid, CancellationToken)"/>). The notice is stored with the delete, marked as
    /// its deletion's (<see cref="NotificationContent.MaintenanceWindowDeleted"/>: it links to the status
    /// page, the window's own being gone). False when it did not exist.
    /// </summary>
    public Task<bool> DeleteAsync(Guid windowId, CancellationToken cancellationToken = default) =>
        DeleteAsync(windowId, null, cancellationToken);

    /// <summary>
    /// Deletes a window like <see cref="DeleteAsync(Guid, CancellationToken)"/>, when given only if it is still at
    /// <paramref name="expectedVersion"/> (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). The
    /// version is checked by the store's delete itself, so a change that lands after the window was read is never deleted
    /// unseen. Without it, the window is still deleted only at the version read (and read again when someone else
    /// changed it first), so its notice and the recompute of its components are those of the window deleted.
    /// </summary>
    public Task<bool> DeleteAsync(Guid windowId, long? expectedVersion, CancellationToken cancellationToken = default) =>
        expectedVersion is null
            ? OptimisticEdit.RetryAsync(() => DeleteOnceAsync(windowId, null, cancellationToken))
            : DeleteOnceAsync(windowId, expectedVersion, cancellationToken);

    // One read-then-delete at the version read (the store's delete is the compare-and-set).
    private async Task<bool> DeleteOnceAsync(Guid windowId, long? expectedVersion, CancellationToken cancellationToken)
    {
        var window = await _store.GetMaintenanceWindowAsync(windowId, cancellationToken);
        if (window is null)
        {
            return false;
        }

        OptimisticEdit.RequireVersion("maintenance window", windowId, expectedVersion, window.Version);
        var now = _time.GetUtcNow();
        var notices = await _effects.PlanNoticeAsync(window, ScheduleChangeNotices.Deleted(window, now), cancellationToken);
        await _store.BeforeRemovalAsync(window.PageId, now, window.UpdatedAt, cancellationToken);
        if (!await _store.DeleteMaintenanceWindowAsync(windowId, window.Version, notices, cancellationToken))
        {
            return false;
        }

        await _audit.RecordAsync(window.PageId, AuditActions.MaintenanceDeleted, "maintenance", windowId);
        await _scheduler.WindowChangedAsync(windowId, cancellationToken);
        await _effects.SettleDeletedAsync(window, cancellationToken);
        return true;
    }

    /// <summary>The window with <paramref name="windowId"/>, or null.</summary>
    public Task<MaintenanceWindow?> GetAsync(Guid windowId, CancellationToken cancellationToken = default) =>
        _store.GetMaintenanceWindowAsync(windowId, cancellationToken);

    /// <summary>
    /// One page of a page's windows, the latest first: by the start of their current, next or last occurrence, then by
    /// id, both descending (a stable order, so pages read one after another neither repeat nor miss a window); only those
    /// in <paramref name="state"/> when given. At most <paramref name="take"/> (1 to 200) after skipping
    /// <paramref name="skip"/> (0 or more); a value out of range is a <see cref="StatusKitValidationException"/> naming it.
    /// </summary>
    public Task<IReadOnlyList<MaintenanceWindow>> ListAsync(
        Guid pageId, MaintenanceState? state = null, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        if (state is { } s)
        {
            Guard.Defined(s, "state");
        }

        Guard.Range(skip, "skip", 0, int.MaxValue);
        Guard.Range(take, "take", 1, MaxPageSize);
        return _store.ListMaintenanceWindowsAsync(pageId, new MaintenanceWindowQuery { State = state, Skip = skip, Take = take }, cancellationToken);
    }

    /// <summary>The InProgress windows that cover <paramref name="componentId"/>.</summary>
    public async Task<IReadOnlyList<MaintenanceWindow>> ListActiveForComponentAsync(Guid componentId, CancellationToken cancellationToken = default)
    {
        var component = await _store.GetComponentAsync(componentId, cancellationToken)
            ?? throw new StatusKitNotFoundException("component", componentId.ToString(), "componentId");
        var windows = await _store.ListOpenMaintenanceWindowsAsync(component.PageId, cancellationToken);
        return [.. windows.Where(w => w.State == MaintenanceState.InProgress && w.ComponentIds.Contains(componentId))];
    }

    /// <summary>
    /// Whether <paramref name="instant"/> falls inside an occurrence of <paramref name="window"/>: its current occurrence
    /// as stored (which may have been started early, extended or shortened) or any occurrence of its plan (the first
    /// one, then its recurrence). Always false for a Cancelled window.
    /// </summary>
    public static bool IsActiveAt(MaintenanceWindow window, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.State == MaintenanceState.Cancelled)
        {
            return false;
        }

        var current = new OccurrenceSpan(window.OccurrenceStartsAt, window.OccurrenceEndsAt);
        if (window.State == MaintenanceState.InProgress && current.Contains(instant))
        {
            return true;
        }

        return OccurrenceSchedule.For(window) is { } schedule
            ? schedule.Containing(instant) is not null
            : new OccurrenceSpan(window.StartsAt, window.EndsAt).Contains(instant);
    }

    /// <summary>
    /// The window's current (InProgress) or next (Scheduled) occurrence as stored, then, for a recurring window, the
    /// occurrences that follow it and end after <paramref name="now"/> (excluded ones skipped), as Scheduled: at most
    /// <paramref name="count"/> in all, fewer when the recurrence ends sooner, none for a Completed or Cancelled window.
    /// What the page's maintenance lists and a window's own page show.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<MaintenanceOccurrence> NextOccurrences(MaintenanceWindow window, DateTimeOffset now, int count)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. MaintenanceOccurrences.From(window, now).Take(count)];
    }

    /// <summary>The window with <paramref name="changes"/> applied (what subscribers are told of it: <see cref="ScheduleChangeNotices"/>).</summary>
    private static MaintenanceWindow Revise(MaintenanceWindow window, UpdateMaintenanceWindow changes, DateTimeOffset now)
    {
        RequireState(window, "changed", MaintenanceState.Scheduled, MaintenanceState.InProgress);
        var revised = window with
        {
            Title = changes.Title is null ? window.Title : Guard.Name(changes.Title, "title"),
            Description = changes.Description is null ? window.Description : Guard.OptionalText(changes.Description, "description"),
            AutoUpdateStatus = changes.AutoUpdateStatus ?? window.AutoUpdateStatus,
            NotifySubscribers = changes.NotifySubscribers ?? window.NotifySubscribers,
            UpdatedAt = now,
        };
        var startsAt = changes.StartsAt?.ToUniversalTime() ?? window.StartsAt;
        var zone = changes.TimeZoneId is null ? window.TimeZoneId : Guard.TimeZone(changes.TimeZoneId);
        var recurrence = changes.Recurrence is null ? window.Recurrence : NormalizeRecurrence(changes.Recurrence);
        IReadOnlyList<DateTime> excluded = changes.ExcludedOccurrences is { } given
            ? ExcludedOccurrenceList.Validate(given)
            : recurrence is null ? [] : window.ExcludedOccurrences;
        var rescheduling = startsAt != window.StartsAt || zone != window.TimeZoneId || recurrence != window.Recurrence;
        var excluding = !excluded.SequenceEqual(window.ExcludedOccurrences);
        if (window.State == MaintenanceState.InProgress)
        {
            if (rescheduling)
            {
                var field = startsAt != window.StartsAt ? "startsAt" : zone != window.TimeZoneId ? "timeZoneId" : "recurrence";
                throw new StatusKitValidationException(
                    field,
                    $"The {field} of a window in progress cannot change; move its endsAt to extend or shorten it, or complete it first.");
            }

            if (excluding)
            {
                revised = Exclude(revised, excluded);
                if (changes.EndsAt is null && NextStartAfterCurrent(revised) is { } next && revised.OccurrenceEndsAt > next)
                {
                    // An occurrence brought back that the one in progress, extended while it was excluded, runs into.
                    throw new StatusKitValidationException(
                        ExcludedOccurrenceList.Field,
                        $"The occurrence in progress ends at {revised.OccurrenceEndsAt:u}, after the start of the next one ({next:u}); move its end first, or keep that occurrence excluded.");
                }
            }

            return changes.EndsAt is { } end ? MoveCurrentEnd(revised, end.ToUniversalTime(), now) : revised;
        }

        var endsAt = changes.EndsAt?.ToUniversalTime() ?? HeldInstant.Plus(startsAt, window.Duration);
        if (!rescheduling && !excluding && endsAt == window.EndsAt)
        {
            return revised;
        }

        var (_, current) = ScheduleValidator.Validate(startsAt, endsAt, zone, recurrence, excluded, now);
        return revised with
        {
            StartsAt = startsAt,
            EndsAt = endsAt,
            TimeZoneId = zone,
            Recurrence = recurrence,
            ExcludedOccurrences = excluded,
            OccurrenceStartsAt = current.StartsAt.ToUniversalTime(),
            OccurrenceEndsAt = current.EndsAt.ToUniversalTime(),
        };
    }

    /// <summary>
    /// A window in progress with new exclusions: they apply to its later occurrences; the one in progress (its planned
    /// start) cannot be excluded.
    /// </summary>
    private static MaintenanceWindow Exclude(MaintenanceWindow window, IReadOnlyList<DateTime> excluded)
    {
        if (window.Recurrence is null && excluded.Count > 0)
        {
            throw new StatusKitValidationException(
                ExcludedOccurrenceList.Field, "Only a recurring window has occurrences to exclude; a one-off window in progress can be completed now.");
        }

        var revised = window with { ExcludedOccurrences = excluded };
        if (OccurrenceSchedule.For(window) is { } before && OccurrenceSchedule.For(revised) is { } after)
        {
            var planned = before.PlannedStartOf(window.OccurrenceStartsAt);
            if (after.IsExcluded(planned))
            {
                var local = TimeZoneInfo.ConvertTime(planned, after.Zone).DateTime;
                throw new StatusKitValidationException(
                    ExcludedOccurrenceList.Field,
                    $"The occurrence in progress ({ExcludedOccurrenceList.Format(local)}) cannot be excluded; complete it now instead.");
            }
        }

        return revised;
    }

    private static MaintenanceWindow MoveCurrentEnd(MaintenanceWindow window, DateTimeOffset end, DateTimeOffset now)
    {
        if (end <= now || end <= window.OccurrenceStartsAt)
        {
            throw new StatusKitValidationException("endsAt", "The new end of a window in progress must be after now and after its start; to end it now, complete it.");
        }

        if (window.Recurrence is null)
        {
            return window with { EndsAt = end, OccurrenceEndsAt = end };
        }

        if (NextStartAfterCurrent(window) is { } next && end > next)
        {
            throw new StatusKitValidationException("endsAt", $"The current occurrence cannot run into the next one, which starts at {next:u}.");
        }

        return window with { OccurrenceEndsAt = end };
    }

    // The start of the occurrence after the one in progress of a recurring window (the first after its planned start,
    // excluded ones skipped), or null.
    private static DateTimeOffset? NextStartAfterCurrent(MaintenanceWindow window) =>
        window.Recurrence is not null
        && OccurrenceSchedule.For(window) is { } schedule
        && schedule.NextStartingAfter(schedule.PlannedStartOf(window.OccurrenceStartsAt)) is { } next
            ? next.StartsAt
            : null;

    private static void RequireState(MaintenanceWindow window, string verb, params MaintenanceState[] allowed)
    {
        if (!allowed.Contains(window.State))
        {
            throw new StatusKitConflictException(
                "state", $"The window is {Words(window.State)}; only a window that is {string.Join(" or ", allowed.Select(Words))} can be {verb}.");
        }
    }

    // The state as the sentence says it, not as the enum spells it (the admin API's JSON spells it camelCase).
    private static string Words(MaintenanceState state) => state switch
    {
        MaintenanceState.Scheduled => "scheduled",
        MaintenanceState.InProgress => "in progress",
        MaintenanceState.Completed => "completed",
        _ => "cancelled",
    };

    private static string? NormalizeRecurrence(string? recurrence) =>
        string.IsNullOrWhiteSpace(recurrence) ? null : recurrence.Trim();

    /// <summary>
    /// Applies <paramref name="change"/> by compare-and-set, re-reading and re-validating when someone else changed the
    /// window first; with <paramref name="expectedVersion"/>, the window must be at it and a lost compare-and-set is a
    /// <see cref="StatusKitConcurrencyException"/>.
    /// </summary>
    private async Task<MaintenanceWindow> ChangeAsync(
        Guid windowId,
        long? expectedVersion,
        Func<MaintenanceWindow, DateTimeOffset, Task<(MaintenanceWindow After, MaintenanceNotice? Notice)>> change,
        string verb,
        string action,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var window = await _store.GetMaintenanceWindowAsync(windowId, cancellationToken)
                ?? throw new StatusKitNotFoundException("maintenance window", windowId.ToString(), "windowId");
            OptimisticEdit.RequireVersion("maintenance window", windowId, expectedVersion, window.Version);
            var now = _time.GetUtcNow();
            var (changed, notice) = await change(window, now);
            if (ReferenceEquals(changed, window))
            {
                return window;
            }

            var after = StatusSwitches.Marked(window, changed, now);
            var notices = await _effects.PlanNoticeAsync(after, notice, cancellationToken);
            var stored = await _store.TryUpdateMaintenanceWindowAsync(after, notices, cancellationToken);
            if (stored is not null)
            {
                var fields = ChangedFields(window, stored);
                if (fields.Count > 0 || action != AuditActions.MaintenanceUpdated)
                {
                    await _audit.RecordAsync(stored.PageId, action, "maintenance", windowId, fields);
                }

                await AfterChangeAsync(window, stored, verb, cancellationToken);
                return stored;
            }

            if (expectedVersion is { } expected)
            {
                // The caller's version was current when read, but someone else changed the window before the write.
                throw StaleVersion.Of("maintenance window", windowId, expected);
            }

            if (attempt == OptimisticEdit.MaxAttempts)
            {
                throw new StatusKitConcurrencyException($"The maintenance window '{windowId}' kept changing while it was being {verb}; reload it and retry.");
            }
        }
    }

    // The operator's fields a change moved (the scheduler's own bookkeeping, such as announcement marks, left out); the
    // scheduler's transitions name theirs with it too.
    internal static IReadOnlyList<string> ChangedFields(MaintenanceWindow before, MaintenanceWindow after) =>
        new AuditFields()
            .Add("title", before.Title, after.Title)
            .Add("description", before.Description, after.Description)
            .Add("startsAt", (before.StartsAt, before.OccurrenceStartsAt), (after.StartsAt, after.OccurrenceStartsAt))
            .Add("endsAt", (before.EndsAt, before.OccurrenceEndsAt), (after.EndsAt, after.OccurrenceEndsAt))
            .Add("timeZoneId", before.TimeZoneId, after.TimeZoneId)
            .Add("recurrence", before.Recurrence, after.Recurrence)
            .AddList("excludedOccurrences", before.ExcludedOccurrences, after.ExcludedOccurrences)
            .Add("autoUpdateStatus", before.AutoUpdateStatus, after.AutoUpdateStatus)
            .Add("notifySubscribers", before.NotifySubscribers, after.NotifySubscribers)
            .AddList("componentIds", before.ComponentIds, after.ComponentIds)
            .Add("state", before.State, after.State)
            .Names;

    private async Task AfterChangeAsync(MaintenanceWindow? before, MaintenanceWindow after, string verb, CancellationToken cancellationToken)
    {
        await _scheduler.WindowChangedAsync(after.Id, cancellationToken);
        await _effects.SettleAsync(before, after, $"maintenance '{after.Title}' {verb}", cancellationToken);
    }
}
