using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Configuration;
using StatusKit.Diagnostics;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// Recomputes the components of a scope: load inputs (one store call), compute (pure), commit the changes with their
/// history and notifications (one atomic compare-and-set), then check again from fresh inputs until nothing changes,
/// so the last state of the inputs always wins even against another host. Finally refreshes the affected pages'
/// snapshots and publishes the changes to the feed.
/// </summary>
internal sealed class StatusRecomputer
{
    private const int MaxPasses = 5;
    private readonly IStatusStore _store;
    private readonly PageSnapshotReader _snapshots;
    private readonly BackplaneRelay _backplane;
    private readonly TimeProvider _time;
    private readonly StatusKitInstruments _instruments;
    private readonly ILogger<StatusRecomputer> _logger;
    private readonly PriorityStatusMap _priorities;
    private readonly NotificationOptions _notificationOptions;
    private readonly ConcurrentDictionary<string, bool> _reportedUnknownPriorities = new(StringComparer.OrdinalIgnoreCase);

    public StatusRecomputer(
        IStatusStore store,
        PageSnapshotReader snapshots,
        BackplaneRelay backplane,
        IOptions<StatusPagesOptions> options,
        IOptions<NotificationOptions> notificationOptions,
        TimeProvider time,
        StatusKitInstruments instruments,
        ILogger<StatusRecomputer> logger)
    {
        _store = store;
        _snapshots = snapshots;
        _backplane = backplane;
        _time = time;
        _instruments = instruments;
        _logger = logger;
        _priorities = options.Value.BuildPriorityMap();
        _notificationOptions = notificationOptions.Value;
    }

    /// <summary>Recomputes <paramref name="scope"/>; returns the changes that were committed.</summary>
    public Task<IReadOnlyList<ComponentStatusChange>> RecomputeAsync(StatusScope scope, string cause, bool causedByIncidents, CancellationToken cancellationToken) =>
        RecomputeAsync(scope, cause, causedByIncidents, null, null, cancellationToken);

    /// <summary>
    /// Recomputes <paramref name="scope"/>; returns the changes that were committed. With <paramref name="timing"/> (a
    /// recompute only time asked for), changes that what ended explains are stamped when it ended (<see cref="ChangeTimeline"/>).
    /// The components in <paramref name="windowTold"/> had a maintenance window start or end that told its subscribers
    /// itself: their change between Operational and Under Maintenance gets no component notice.
    /// </summary>
    public async Task<IReadOnlyList<ComponentStatusChange>> RecomputeAsync(
        StatusScope scope,
        string cause,
        bool causedByIncidents,
        TimeDrivenRecompute? timing,
        IReadOnlySet<Guid>? windowTold,
        CancellationToken cancellationToken)
    {
        var applied = new List<ComponentStatusChange>();
        var names = new Dictionary<Guid, string>();
        var touchedPages = new HashSet<Guid>();
        var held = causedByIncidents && _notificationOptions.SuppressIncidentNotificationsDuringMaintenance ? new CommittedHolds() : null;
        for (var pass = 1; ; pass++)
        {
            var inputs = await _store.LoadStatusInputsAsync(scope, cancellationToken);
            ReportUnknownPriorities(inputs.OpenSignals);
            var now = _time.GetUtcNow();
            var maintenanceEnds = MaintenanceHolds.Ends(inputs.InProgressWindows);
            var followed = await FollowHeldAsync(held, maintenanceEnds, scope, now, cancellationToken);
            var changes = Diff(inputs, cause, timing, now);
            if (changes.Count == 0)
            {
                if (!followed)
                {
                    break;
                }

                if (pass < MaxPasses)
                {
                    continue; // the moves are checked against the windows loaded next
                }

                await SettleHeldAsync(held, scope, cancellationToken);
                break;
            }

            var notifications = NotificationPlanner.PlanComponentChanges(
                AsNotified(changes, now), inputs, _notificationOptions, causedByIncidents, maintenanceEnds, windowTold);
            if (await _store.CommitStatusAsync(new StatusCommit(changes, notifications), cancellationToken))
            {
                held?.Add(notifications, maintenanceEnds);
                applied.AddRange(changes);
                RememberNames(inputs, changes, names);
                foreach (var change in changes)
                {
                    touchedPages.Add(change.PageId);
                    _instruments.ComponentStatusChanged(change.NewStatus);
                    Log.ComponentStatusChanged(_logger, change.ComponentId, change.PageId, change.OldStatus, change.NewStatus, cause);
                }
            }
            else
            {
                Log.RecomputeConflict(_logger, Describe(scope), pass);
            }

            if (pass == MaxPasses)
            {
                Log.RecomputeUnsettled(_logger, Describe(scope), pass);
                await SettleHeldAsync(held, scope, cancellationToken);

                // What this recompute committed is shown before it gives up: the retry may find nothing left to change,
                // and would then publish nothing, leaving the snapshot and the feed without these changes.
                await PublishAsync(applied, names, touchedPages, cause, cancellationToken);
                throw new StatusKitConcurrencyException($"The statuses of {Describe(scope)} kept changing during {MaxPasses} recomputes; it will be recomputed again.");
            }
        }

        await PublishAsync(applied, names, touchedPages, cause, cancellationToken);
        return applied;
    }

    /// <summary>
    /// Moves the notices this recompute committed held until the end of maintenance to the ends of the windows just
    /// loaded, when a window's change stored after the load they were planned from moved them (<see cref="CommittedHolds"/>);
    /// returns whether it moved any.
    /// </summary>
    private async Task<bool> FollowHeldAsync(
        CommittedHolds? held, IReadOnlyDictionary<Guid, DateTimeOffset>? maintenanceEnds, StatusScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (held is null || held.IsEmpty)
        {
            return false;
        }

        var moves = held.Follow(maintenanceEnds, now);
        foreach (var (move, keys) in moves)
        {
            await _store.RescheduleHeldNotificationsAsync(keys, move.HeldUntil, move.DueAt, _notificationOptions.DebounceWindow, _notificationOptions.MaxDebounceDelay, cancellationToken);
            Log.HeldNoticesFollowed(_logger, Describe(scope), move.ComponentIds.Count, move.HeldUntil, move.DueAt);
        }

        return moves.Count > 0;
    }

    // A recompute that gives up still brings the notices it held to the current ends, until a load shows them there.
    private async Task SettleHeldAsync(CommittedHolds? held, StatusScope scope, CancellationToken cancellationToken)
    {
        for (var check = 0; check < MaxPasses && held is { IsEmpty: false }; check++)
        {
            var inputs = await _store.LoadStatusInputsAsync(scope, cancellationToken);
            if (!await FollowHeldAsync(held, MaintenanceHolds.Ends(inputs.InProgressWindows), scope, _time.GetUtcNow(), cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Rebuilds the snapshots of pages whose content changed without a component status change.</summary>
    public Task RefreshPagesAsync(IEnumerable<Guid> pageIds, string cause, CancellationToken cancellationToken) =>
        PublishAsync([], new Dictionary<Guid, string>(), [.. pageIds], cause, cancellationToken);

    // The names as they were in the inputs the committed change was computed from.
    private static void RememberNames(StatusInputs inputs, List<ComponentStatusChange> changes, Dictionary<Guid, string> names)
    {
        var changed = changes.Select(c => c.ComponentId).ToHashSet();
        foreach (var component in inputs.Components)
        {
            if (changed.Contains(component.Id))
            {
                names[component.Id] = component.Name;
            }
        }
    }

    private List<ComponentStatusChange> Diff(StatusInputs inputs, string cause, TimeDrivenRecompute? timing, DateTimeOffset now)
    {
        var statuses = StatusCalculator.ComputeEffectiveStatuses(inputs, _priorities, now);
        var changes = new List<ComponentStatusChange>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var component = inputs.Components[i];
            if (component.Status != statuses[i])
            {
                ChangeTimeline.Append(changes, component, statuses[i], now, cause, timing);
            }
        }

        return changes;
    }

    // Subscribers hear of a change when it is committed (the debounce runs from then), once per component, from the
    // status before to the status after, even when the history records it at an earlier instant or in steps.
    private static List<ComponentStatusChange> AsNotified(List<ComponentStatusChange> changes, DateTimeOffset now)
    {
        if (changes.TrueForAll(c => c.At == now))
        {
            return changes;
        }

        var net = new List<ComponentStatusChange>(changes.Count);
        var indexes = new Dictionary<Guid, int>();
        foreach (var change in changes)
        {
            if (indexes.TryGetValue(change.ComponentId, out var i))
            {
                net[i] = net[i] with { NewStatus = change.NewStatus };
            }
            else
            {
                indexes[change.ComponentId] = net.Count;
                net.Add(change with { At = now });
            }
        }

        return net;
    }

    /// <summary>
    /// Rebuilds the touched pages' snapshots, then publishes the component changes to the feed (and a page status change
    /// the snapshots reveal), and hands each page's change to the backplane for the other hosts.
    /// </summary>
    private async Task PublishAsync(
        List<ComponentStatusChange> applied, Dictionary<Guid, string> names, HashSet<Guid> pages, string cause, CancellationToken cancellationToken)
    {
        // Kept only for a backplane: without one, a recompute allocates nothing more for it.
        var eventsByPage = _backplane.HasBackplane ? new Dictionary<Guid, List<StatusChanged>>() : null;
        void Told(StatusChanged change)
        {
            if (eventsByPage is null)
            {
                return;
            }

            if (!eventsByPage.TryGetValue(change.PageId, out var events))
            {
                eventsByPage[change.PageId] = events = [];
            }

            events.Add(change);
        }

        // The pages' snapshots first, so a consumer that reads the page on hearing an event (a live page refetching
        // its sections) reads one that shows it, as it does for another host's change.
        var refreshed = new Dictionary<Guid, string>(pages.Count);
        foreach (var pageId in pages)
        {
            try
            {
                if (await _snapshots.RefreshAsync(pageId, cancellationToken) is { } snapshot)
                {
                    refreshed[pageId] = snapshot.Version;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The status change is committed and still told; a stale snapshot expires with its TTL or the next change.
                Log.SnapshotRefreshFailed(_logger, pageId, ex);
            }
        }

        // Each event goes through what the feed told of its page, so a resync (or another host's change) that saw the
        // same commit first does not have it told twice.
        foreach (var change in applied)
        {
            var told = new StatusChanged
            {
                Kind = StatusChangeKind.Component,
                PageId = change.PageId,
                ComponentId = change.ComponentId,
                ComponentName = names.GetValueOrDefault(change.ComponentId),
                OldStatus = change.OldStatus,
                NewStatus = change.NewStatus,
                Cause = change.Cause,
                SnapshotVersion = refreshed.GetValueOrDefault(change.PageId),
                At = change.At,
            };
            if (_snapshots.Tell(told))
            {
                Told(told);
            }
        }

        foreach (var pageId in pages)
        {
            if (refreshed.ContainsKey(pageId))
            {
                // Components too: another host's change back that arrived between this commit and its telling
                // seemed told already then, and is told now from the snapshot that shows it.
                foreach (var change in _snapshots.TellNewest(pageId, cause))
                {
                    Told(change);
                }
            }

            if (eventsByPage is not null)
            {
                _backplane.Send(new PageChange { PageId = pageId, Changes = eventsByPage.GetValueOrDefault(pageId) ?? [] });
            }
        }
    }

    private void ReportUnknownPriorities(IReadOnlyList<IncidentSignal> signals)
    {
        foreach (var signal in signals)
        {
            if (!_priorities.IsKnown(signal.Priority) && _reportedUnknownPriorities.TryAdd(signal.Priority, true))
            {
                Log.UnknownPriority(_logger, signal.Priority, _priorities.UnknownPriorityStatus);
            }
        }
    }

    internal static string Describe(StatusScope scope) => scope switch
    {
        { TeamId: { } team } => $"team '{team}'",
        { PageId: { } page } => $"page {page}",
        { ComponentIds: { } ids } => $"{ids.Count} component(s)",
        _ => "all pages",
    };
}
