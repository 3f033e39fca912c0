using System.Diagnostics;
using System.Transactions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Diagnostics;
using StatusKit.Health;
using StatusKit.Notifications;

namespace StatusKit.Engine;

/// <summary>
/// The default <see cref="IStatusEngine"/>: a single in-process pump that drains a coalescing queue of scopes, so a
/// burst of signals for one team costs a handful of recomputes. Requests that fail are retried in the background after
/// <see cref="StatusPagesOptions.RecomputeRetryDelay"/>; awaited requests also see the failure. The pump is handed to the
/// thread pool, but a caller that waits for the queue before a pool thread has picked it up runs it itself.
/// </summary>
internal sealed class StatusEngine : IStatusEngine, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly StatusRecomputer _recomputer;
    private readonly PageSnapshotReader _snapshots;
    private readonly BackplaneRelay _backplane;
    private readonly TimeProvider _time;
    private readonly StatusKitInstruments _instruments;
    private readonly ILogger<StatusEngine> _logger;
    private readonly BackgroundWorkHealth _health;
    private readonly TimeSpan _retryDelay;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, WorkItem> _pending = new(StringComparer.Ordinal);

    // Whether a pump owns the queue, changed only under _gate. Not the pump task's completion: a pump that found the
    // queue empty has returned but its task may not have completed yet, and an item queued in that gap would be stranded.
    private bool _pumping;

    // Whether the pump that _pumping announces has started. A pump is handed to the thread pool when work arrives, and
    // whoever gets here first runs it: that pool thread, or a caller that is about to wait for the queue anyway
    // (which then runs the recompute itself instead of sleeping until a pool thread has woken up and done it).
    private bool _pumpStarted;

    // Completed whenever no pump owns the queue; DisposeAsync waits on it for the pump to stop. Completed outside _gate
    // by the pump that ends, so waiters' continuations run right there instead of taking one more thread-pool hop.
    private TaskCompletionSource _idle = Idle;
    private long _recomputeCount;
    private int _disposed;

    public StatusEngine(
        StatusRecomputer recomputer,
        PageSnapshotReader snapshots,
        BackplaneRelay backplane,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        StatusKitInstruments instruments,
        ILogger<StatusEngine> logger,
        BackgroundWorkHealth health,
        IHostApplicationLifetime? lifetime = null)
    {
        _lifetime = lifetime;
        _recomputer = recomputer;
        _snapshots = snapshots;
        _backplane = backplane;
        _time = time;
        _instruments = instruments;
        _logger = logger;
        _health = health;
        _retryDelay = options.Value.RecomputeRetryDelay;
    }

    /// <summary>How many recomputes ran (for tests and diagnostics).</summary>
    public long RecomputeCount => Interlocked.Read(ref _recomputeCount);

    public Task RecomputePageAsync(Guid pageId, CancellationToken cancellationToken) =>
        WaitAsync(Enqueue($"page:{pageId:N}", StatusScope.ForPage(pageId), "operator recompute", false, background: false), cancellationToken);

    public Task RecomputeAllAsync(CancellationToken cancellationToken) =>
        WaitAsync(Enqueue("all", StatusScope.All, "operator recompute", false, background: false), cancellationToken);

    public Task RecomputeComponentsAsync(IReadOnlyList<Guid> componentIds, string cause, CancellationToken cancellationToken) =>
        RecomputeComponentsAsync(componentIds, cause, null, cancellationToken);

    /// <summary>
    /// Recomputes components; with <paramref name="timing"/> (only time asked for it: an expiry, a maintenance end),
    /// a change that what ended explains is stamped when it ended rather than now.
    /// </summary>
    public Task RecomputeComponentsAsync(IReadOnlyList<Guid> componentIds, string cause, TimeDrivenRecompute? timing, CancellationToken cancellationToken) =>
        RecomputeComponentsAsync(componentIds, cause, timing, null, cancellationToken);

    /// <summary>
    /// Recomputes components like <see cref="RecomputeComponentsAsync(IReadOnlyList{Guid}, string, TimeDrivenRecompute?, CancellationToken)"/>;
    /// <paramref name="windowTold"/> names the components whose maintenance window started or ended and told its
    /// subscribers so itself: their change between Operational and Under Maintenance is not told again as a component
    /// change (<see cref="NotificationPlanner.PlanComponentChanges"/>).
    /// </summary>
    public Task RecomputeComponentsAsync(
        IReadOnlyList<Guid> componentIds, string cause, TimeDrivenRecompute? timing, IReadOnlySet<Guid>? windowTold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(componentIds);
        if (componentIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var key = "components:" + string.Join(',', componentIds.Order());
        return WaitAsync(
            Enqueue(key, StatusScope.ForComponents([.. componentIds]), cause, false, background: false, timing: timing, windowTold: windowTold),
            cancellationToken);
    }

    /// <summary>Rebuilds a page's snapshot after a change that moves no status (a name, an incident update), in queue order.</summary>
    public Task RefreshPageAsync(Guid pageId, CancellationToken cancellationToken) =>
        WaitAsync(Enqueue($"refresh:{pageId:N}", StatusScope.ForPage(pageId), "page changed", false, background: false, refreshOnly: true), cancellationToken);

    /// <summary>Forgets a deleted page's snapshot, and tells the other hosts (which find the page gone and forget it too).</summary>
    public async Task ForgetPageAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await _snapshots.ForgetAsync(pageId, cancellationToken);
        _backplane.Send(new PageChange { PageId = pageId });
    }

    /// <summary>Queues the recompute of a team after one of its incidents changed; never throws for recompute failures.</summary>
    public void RecomputeTeamInBackground(string teamId, string cause) =>
        _ = Enqueue($"team:{teamId}", StatusScope.ForTeam(teamId), cause, causedByIncidents: true, background: true);

    /// <summary>
    /// Queues the recompute of every component (at start-up: what the store holds wins over what the previous run left,
    /// and a manual status that expired while the host was down is recorded as ending at its expiry); never throws for
    /// recompute failures, which are retried.
    /// </summary>
    public void RecomputeAllInBackground(string cause) =>
        _ = Enqueue("all", StatusScope.All, cause, causedByIncidents: true, background: true, timing: TimeDrivenRecompute.Expiries);

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        return WaitAsync(idle, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        // A pump that has been handed to the thread pool but not started yet is run here, and finds the engine stopping.
        RunPumpInlineIfNotStarted();
        await idle;
    }

    /// <summary>
    /// Waits for <paramref name="task"/> (queued work, or the queue's idleness), first running the pump on this thread
    /// if it has not started yet: the caller would only sleep until a pool thread has done the same work.
    /// </summary>
    private Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        if (!task.IsCompleted)
        {
            RunPumpInlineIfNotStarted();
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs a pump that has not started on the calling thread, unless the caller carries state the pump must not
    /// inherit: a synchronization context or a task scheduler (the pump's awaits would resume there, and a caller
    /// that blocks on it would deadlock) or an ambient transaction (the store calls would enlist in it). Then the pool
    /// thread it was handed to runs it.
    /// </summary>
    private void RunPumpInlineIfNotStarted()
    {
        if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default && Transaction.Current is null)
        {
            StartPumpIfNotStarted();
        }
    }

    private void StartPumpIfNotStarted()
    {
        lock (_gate)
        {
            if (!_pumping || _pumpStarted)
            {
                return;
            }

            _pumpStarted = true;
        }

        _ = PumpAsync();
    }

    private Task Enqueue(
        string key,
        StatusScope scope,
        string cause,
        bool causedByIncidents,
        bool background,
        bool refreshOnly = false,
        TimeDrivenRecompute? timing = null,
        IReadOnlySet<Guid>? windowTold = null)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return Task.FromCanceled(_stopping.Token);
            }

            if (_pending.TryGetValue(key, out var existing))
            {
                existing.LinkCaller();
                existing.Cause = cause;
                existing.CausedByIncidents |= causedByIncidents;
                existing.Background |= background;
                existing.Timing = TimeDrivenRecompute.Merge(existing.Timing, timing);
                existing.WindowTold = Union(existing.WindowTold, windowTold);
                return existing.Completion.Task;
            }

            var item = new WorkItem(key, scope, cause, causedByIncidents, background, refreshOnly) { Timing = timing, WindowTold = windowTold };
            item.LinkCaller();
            _pending.Add(key, item);
            if (!_pumping)
            {
                _pumping = true;
                _pumpStarted = false;
                if (_idle.Task.IsCompleted)
                {
                    _idle = new TaskCompletionSource();
                }

                ThreadPool.UnsafeQueueUserWorkItem(static engine => engine.StartPumpIfNotStarted(), this, preferLocal: false);
            }

            return item.Completion.Task;
        }
    }

    private async Task PumpAsync()
    {
        // Each recompute is a trace of its own, linked to every span that asked for it: not the child of whichever
        // caller happened to run the pump (this async flow only; the caller's own span stays current for it).
        Activity.Current = null;
        while (true)
        {
            Dictionary<string, WorkItem>? batch = null;
            TaskCompletionSource? idle = null;
            lock (_gate)
            {
                if (_pending.Count == 0 || _stopping.IsCancellationRequested)
                {
                    foreach (var item in _pending.Values)
                    {
                        item.Completion.TrySetCanceled();
                    }

                    _pending.Clear();
                    _pumping = false;

                    // Swapped for a completed one under the gate, so work queued from here on gets a new one; the
                    // waiters of this one are released below, outside the gate.
                    idle = _idle;
                    _idle = Idle;
                }
                else
                {
                    batch = _pending;
                    _pending = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
                }
            }

            if (batch is null)
            {
                idle!.TrySetResult();
                return;
            }

            // One at a time, each to its end: a recompute tells the feed its component changes from its commits, so two
            // that overlap on a component (a team and a window's components, say) must not interleave, or the later
            // commit could be told first and a live page end on the earlier status.
            foreach (var item in batch.Values)
            {
                await RunAsync(item);
            }
        }
    }

    private async Task RunAsync(WorkItem item)
    {
        using var activity = StatusKitTracing.Source.StartActivity("statuskit.recompute", ActivityKind.Internal, parentContext: default, links: item.Links);
        activity?.SetTag("statuskit.recompute.scope", StatusRecomputer.Describe(item.Scope));
        activity?.SetTag("statuskit.recompute.cause", item.Cause);
        var started = _time.GetTimestamp();
        try
        {
            Interlocked.Increment(ref _recomputeCount);
            if (item.RefreshOnly)
            {
                await _recomputer.RefreshPagesAsync([item.Scope.PageId!.Value], item.Cause, _stopping.Token);
            }
            else
            {
                await _recomputer.RecomputeAsync(item.Scope, item.Cause, item.CausedByIncidents, item.Timing, item.WindowTold, _stopping.Token);
                _instruments.RecomputeEnded(item.Scope, _time.GetElapsedTime(started), failed: false);
            }

            _health.Statuses.Succeeded(item.Key);
            item.Completion.TrySetResult();
        }
        catch (Exception ex) when (StoppedByShutdown(ex))
        {
            item.Completion.TrySetCanceled();
        }
        catch (Exception ex)
        {
            if (!item.RefreshOnly)
            {
                _instruments.RecomputeEnded(item.Scope, _time.GetElapsedTime(started), failed: true);
            }

            // Awaited requests are retried too: their caller sees the failure, but the change that asked for the
            // recompute (an incident posted, a component changed) is already stored, and its status must follow it.
            Log.RecomputeFailed(_logger, StatusRecomputer.Describe(item.Scope), _retryDelay, ex);
            StatusKitTracing.Failed(activity, ex);
            _health.Statuses.Failed(item.Key, _time.GetUtcNow(), ex);
            ScheduleRetry(item);

            // Observed here so a background request's failure never becomes an unobserved task exception.
            _ = item.Completion.Task.ContinueWith(
                static t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            item.Completion.TrySetException(ex);
        }
    }

    /// <summary>
    /// Whether a recompute failed because the host is going away: cancelled by the engine's disposal, or, once the host
    /// is stopping, finding a service already disposed (the container marks itself disposed before it disposes the
    /// engine). Neither is a failure to log, count or retry.
    /// </summary>
    private bool StoppedByShutdown(Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return _stopping.IsCancellationRequested;
        }

        var stopping = _stopping.IsCancellationRequested || _lifetime?.ApplicationStopping.IsCancellationRequested == true;
        for (var inner = ex; stopping && inner is not null; inner = inner.InnerException)
        {
            if (inner is ObjectDisposedException)
            {
                return true;
            }
        }

        return false;
    }

    private void ScheduleRetry(WorkItem item)
    {
        ITimer? timer = null;
        timer = _time.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                _ = Enqueue(item.Key, item.Scope, item.Cause, item.CausedByIncidents, background: true, item.RefreshOnly, item.Timing, item.WindowTold);
            },
            null,
            _retryDelay,
            Timeout.InfiniteTimeSpan);
    }

    // What two requests merged into one recompute know together: every component a window told of.
    private static IReadOnlySet<Guid>? Union(IReadOnlySet<Guid>? a, IReadOnlySet<Guid>? b) =>
        a is null ? b : b is null ? a : new HashSet<Guid>([.. a, .. b]);

    /// <summary>The idle signal while no pump owns the queue: completed, shared, never set again.</summary>
    private static TaskCompletionSource Idle { get; } = NewCompleted();

    private static TaskCompletionSource NewCompleted()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }

    private sealed class WorkItem(string key, StatusScope scope, string cause, bool causedByIncidents, bool background, bool refreshOnly)
    {
        public bool RefreshOnly { get; } = refreshOnly;

        public string Key { get; } = key;

        public StatusScope Scope { get; } = scope;

        public string Cause { get; set; } = cause;

        public bool CausedByIncidents { get; set; } = causedByIncidents;

        public bool Background { get; set; } = background;

        /// <summary>Set while every request merged into this item was asked for by time alone.</summary>
        public TimeDrivenRecompute? Timing { get; set; }

        /// <summary>The components whose change into or out of Under Maintenance a window's own notice told, if any.</summary>
        public IReadOnlySet<Guid>? WindowTold { get; set; }

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The spans that asked for this recompute (a signal, an operator's request), at most <see cref="MaxLinks"/>.</summary>
        public List<ActivityLink>? Links { get; private set; }

        private const int MaxLinks = 16;

        /// <summary>Links the caller's current span, if it has one (called under the engine's gate).</summary>
        public void LinkCaller()
        {
            if (Activity.Current is { } caller && (Links?.Count ?? 0) < MaxLinks)
            {
                (Links ??= []).Add(new ActivityLink(caller.Context));
            }
        }
    }
}
