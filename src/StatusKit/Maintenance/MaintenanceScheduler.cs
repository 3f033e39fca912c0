using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Health;
using StatusKit.Hosting;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// The default <see cref="IMaintenanceScheduler"/>: a hosted service that sleeps on one <see cref="TimeProvider"/>
/// timer until the next due transition (reminder, start, end) of any open window, wakes early when a window changes,
/// and applies every due transition as a compare-and-set on the window, followed by the recompute of its components
/// and its notices. The store is the source of truth: at start-up it applies whatever fell due while the host was
/// down, and two instances over one store apply each transition once.
/// </summary>
/// <remarks>
/// A transition that throws is retried with exponential backoff (<see cref="MaintenanceOptions.TransitionRetryAttempts"/>
/// attempts from <see cref="MaintenanceOptions.TransitionRetryBaseDelay"/>), then logged and tried again at a later
/// wake-up; one failing window never holds up the others. The timer never sleeps longer than
/// <see cref="MaintenanceOptions.RescanInterval"/> (1 minute), so windows changed by another host, or left by one that
/// stopped, are picked up even when nothing wakes this one. A pass that cannot read the windows at all (the store is
/// down) is tried again after <see cref="MaintenanceOptions.TransitionRetryBaseDelay"/>, doubling while it keeps
/// failing, up to the rescan interval.
/// </remarks>
public sealed class MaintenanceScheduler : BackgroundService, IMaintenanceScheduler
{
    /// <summary>The longest a failing window waits for its next try.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    private const int MaxTransitionsPerWindowAndPass = 16;
    private const string PassWork = "pass";
    private readonly IStatusStore _store;
    private readonly AuditTrail? _audit;
    private readonly MaintenanceEffects _effects;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger<MaintenanceScheduler> _logger;
    private readonly MaintenanceOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly Func<bool> _ownsPort;
    private readonly WorkFailures _health;
    private readonly SemaphoreSlim _passLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Failure> _failures = [];
    private readonly Dictionary<Guid, Unsettled> _unsettled = [];
    private ITimer? _timer;
    private readonly PassSignal _signal = new();
    private DateTimeOffset? _nextWakeUpAt;
    private int _passFailures;

    internal MaintenanceScheduler(
        IStatusStore store,
        MaintenanceEffects effects,
        TimeProvider time,
        IOptions<MaintenanceOptions> options,
        IHostApplicationLifetime? lifetime,
        ILogger<MaintenanceScheduler> logger,
        BackgroundWorkHealth health,
        Func<bool>? ownsPort = null,
        AuditTrail? audit = null)
    {
        _audit = audit;
        _ownsPort = ownsPort ?? (static () => true);
        _health = health.Maintenance;
        _store = store;
        _effects = effects;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        _options = options.Value;
        _retry = BuildRetry(_options, time, logger);
    }

    /// <summary>When the timer is set to wake the scheduler next (null before the first pass of the hosted loop).</summary>
    internal DateTimeOffset? NextWakeUpAt
    {
        get
        {
            lock (_gate)
            {
                return _nextWakeUpAt;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask WindowChangedAsync(Guid windowId, CancellationToken cancellationToken)
    {
        ClearFailure(windowId);
        _signal.Wake();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<int> RunDueTransitionsAsync(CancellationToken cancellationToken)
    {
        await _passLock.WaitAsync(cancellationToken);
        try
        {
            var applied = 0;
            await SettleLeftoversAsync(cancellationToken);
            var now = _time.GetUtcNow();
            var windows = await _store.ListOpenMaintenanceWindowsAsync(cancellationToken);
            DateTimeOffset? nextDue = null;
            foreach (var window in windows)
            {
                var (count, due) = await RunWindowAsync(window, now, cancellationToken);
                applied += count;
                nextDue = Earliest(nextDue, due);
            }

            Arm(nextDue, applied);
            ForgetClosedWindowsFailures(windows);
            _health.Succeeded(PassWork);
            return applied;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _health.Failed(PassWork, _time.GetUtcNow(), ex);
            throw;
        }
        finally
        {
            _passLock.Release();
        }
    }

    /// <summary>Completes when the hosted loop has finished its pending passes and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _signal.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        _passLock.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_ownsPort())
        {
            // The host backs IMaintenanceScheduler with its own implementation: the default stays idle.
            Log.ReplacedByHost(_logger);
            return;
        }

        if (_lifetime is not null && !await HostStartup.WaitForStartedAsync(_lifetime, stoppingToken))
        {
            return;
        }

        var timer = _time.CreateTimer(static state => ((PassSignal)state!).Wake(), _signal, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            _timer = timer;
        }

        try
        {
            while (true)
            {
                _signal.BeginPass();
                try
                {
                    await RunDueTransitionsAsync(stoppingToken);
                    _passFailures = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The store could not even list the windows: try again after the base delay, doubling while it
                    // keeps failing (a database outage), up to the rescan interval.
                    var retryAt = _time.GetUtcNow() + Backoff(_options.TransitionRetryBaseDelay, ++_passFailures, _options.RescanInterval);
                    Log.PassFailed(_logger, retryAt, ex);
                    Arm(retryAt, 0);
                }

                if (!_signal.TrySleep(out var woken))
                {
                    continue;
                }

                try
                {
                    await woken.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _timer = null;
            }

            await timer.DisposeAsync();
        }
    }

    private static ResiliencePipeline BuildRetry(MaintenanceOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.TransitionRetryAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.TransitionRetryAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.TransitionRetryBaseDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(static ex => ex is not OperationCanceledException and not StatusKitNotFoundException),
                OnRetry = args =>
                {
                    var windowId = args.Context.Properties.GetValue(WindowKey, Guid.Empty);
                    Log.TransitionRetrying(logger, windowId, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static readonly ResiliencePropertyKey<Guid> WindowKey = new("StatusKit.MaintenanceWindowId");

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);

    /// <summary>Applies every due transition of one window; returns how many this instance applied and when the window is due next.</summary>
    private async Task<(int Applied, DateTimeOffset? NextDue)> RunWindowAsync(MaintenanceWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_failures.TryGetValue(window.Id, out var failure) && failure.RetryAt > now)
            {
                return (0, failure.RetryAt);
            }
        }

        var applied = 0;
        var current = window;
        for (var i = 0; i < MaxTransitionsPerWindowAndPass; i++)
        {
            var transition = MaintenanceTransitions.Next(current, _options.ReminderLeadTime, now);
            if (transition is not { } t || !t.IsDueAt(now))
            {
                ClearFailure(window.Id);
                return (applied, transition?.DueAt);
            }

            var attempt = new TransitionAttempt(current, t.Kind);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(WindowKey, window.Id);
            try
            {
                await _retry.ExecuteAsync(static (ctx, state) => state.Scheduler.ApplyAsync(state.Attempt, state.Now, ctx.CancellationToken), context, (Scheduler: this, Attempt: attempt, Now: now));
            }
            catch (StatusKitNotFoundException)
            {
                ClearFailure(window.Id);
                return (applied, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt.Committed is { } committed)
                {
                    // The state change is stored; only its effects failed. Settle them at the next wake-up.
                    applied++;
                    lock (_gate)
                    {
                        _unsettled[committed.Id] = new Unsettled(attempt.Before, committed, attempt.Kind);
                    }

                    Log.SettleFailed(_logger, window.Id, ex);
                    _health.Failed(SettleWork(committed.Id), now, ex);
                    return (applied, now + _options.TransitionRetryBaseDelay);
                }

                var retryAt = RecordFailure(window.Id, now, ex);
                Log.TransitionFailed(_logger, window.Id, retryAt, ex);
                return (applied, retryAt);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (attempt.Committed is { } stored)
            {
                applied++;
                current = stored;
            }
            else if (attempt.Latest is { } latest)
            {
                current = latest;
            }
            else
            {
                return (applied, null);
            }
        }

        // More transitions than expected in one pass (a long-missed recurring window): continue right away.
        return (applied, now);
    }

    /// <summary>One attempt: (re)plans from the stored window, applies the transition by compare-and-set, then settles its effects.</summary>
    private async ValueTask ApplyAsync(TransitionAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var activity = StatusKitTracing.Source.StartActivity("statuskit.maintenance.transition");
        activity?.SetTag("statuskit.maintenance.window.id", attempt.Before.Id);
        activity?.SetTag("statuskit.maintenance.transition", attempt.Kind.ToString());
        activity?.SetTag("statuskit.maintenance.attempt", attempt.Tries + 1);
        try
        {
            await ApplyOnceAsync(attempt, now, cancellationToken);
            activity?.SetTag("statuskit.maintenance.outcome", attempt.Committed is not null ? "applied" : attempt.Latest is not null ? "moved" : "gone");
        }
        catch (Exception ex)
        {
            StatusKitTracing.Failed(activity, ex);
            throw;
        }
    }

    private async ValueTask ApplyOnceAsync(TransitionAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (attempt.Committed is null)
        {
            var current = attempt.Tries++ == 0 ? attempt.Before : await _store.GetMaintenanceWindowAsync(attempt.Before.Id, cancellationToken);
            if (current is null)
            {
                return;
            }

            if (current.Version != attempt.Before.Version)
            {
                // Someone else moved the window meanwhile: hand the fresh window back to the planner.
                attempt.Latest = current;
                return;
            }

            var schedule = ScheduleOf(current);
            var after = StatusSwitches.Marked(current, MaintenanceTransitions.Apply(current, attempt.Kind, schedule, _options.ReminderLeadTime, now), now);

            // The notice is stored with the transition, so a crash right after the compare-and-set cannot lose it.
            var notice = attempt.Kind == MaintenanceTransitionKind.End
                ? MaintenanceTransitions.CompletedNotice(current, after, _options.ReminderLeadTime, current.OccurrenceEndsAt)
                : NoticeOf(current, attempt.Kind);
            var notices = await _effects.PlanNoticeAsync(after, notice, cancellationToken);
            var stored = await _store.TryUpdateMaintenanceWindowAsync(after, notices, cancellationToken);
            if (stored is null)
            {
                Log.TransitionLost(_logger, current.Id, attempt.Kind);
                attempt.Latest = await _store.GetMaintenanceWindowAsync(current.Id, cancellationToken);
                return;
            }

            attempt.Committed = stored;
            if (attempt.Kind == MaintenanceTransitionKind.Skip)
            {
                Log.OccurrenceMissed(_logger, current.Id, current.OccurrenceStartsAt, current.OccurrenceEndsAt);
            }

            Log.TransitionApplied(_logger, current.Id, attempt.Kind, current.OccurrenceStartsAt, stored.State);
            await RecordAsync(current, stored, attempt.Kind);
        }

        await SettleAsync(attempt.Before, attempt.Committed, attempt.Kind, cancellationToken);
    }

    /// <summary>
    /// Records a start, an end or a missed occurrence in the audit log, made by <c>system</c>: once, by the instance
    /// whose compare-and-set stored it (a retry of the attempt only settles its effects; a lost compare-and-set records
    /// nothing). A reminder changes nothing an operator set, and is not recorded.
    /// </summary>
    private Task RecordAsync(MaintenanceWindow before, MaintenanceWindow after, MaintenanceTransitionKind kind)
    {
        var action = kind switch
        {
            MaintenanceTransitionKind.Start => AuditActions.MaintenanceStarted,
            MaintenanceTransitionKind.End => AuditActions.MaintenanceCompleted,
            MaintenanceTransitionKind.Skip => AuditActions.MaintenanceMissed,
            _ => null,
        };
        return action is null || _audit is null
            ? Task.CompletedTask
            : _audit.RecordByAsync(AuditTrail.System, after.PageId, action, "maintenance", after.Id, MaintenanceService.ChangedFields(before, after));
    }

    /// <summary>
    /// The notice a reminder or a start of <paramref name="before"/> sends (about the occurrence it moves); an end's is
    /// <see cref="MaintenanceTransitions.CompletedNotice"/>, a skip sends none.
    /// </summary>
    private static MaintenanceNotice? NoticeOf(MaintenanceWindow before, MaintenanceTransitionKind kind) => kind switch
    {
        MaintenanceTransitionKind.Remind => new MaintenanceNotice(NotificationKind.MaintenanceReminder, before.OccurrenceStartsAt, before.OccurrenceEndsAt),
        MaintenanceTransitionKind.Start => new MaintenanceNotice(NotificationKind.MaintenanceStarted, before.OccurrenceStartsAt, before.OccurrenceEndsAt),
        _ => null,
    };

    private Task SettleAsync(MaintenanceWindow before, MaintenanceWindow after, MaintenanceTransitionKind kind, CancellationToken cancellationToken)
    {
        var verb = kind switch
        {
            MaintenanceTransitionKind.Start => "started",
            MaintenanceTransitionKind.End => "ended",
            MaintenanceTransitionKind.Skip => "missed",
            _ => "reminder",
        };
        return _effects.SettleAsync(before, after, $"maintenance '{after.Title}' {verb}", cancellationToken, ended: kind == MaintenanceTransitionKind.End);
    }

    private async Task SettleLeftoversAsync(CancellationToken cancellationToken)
    {
        Unsettled[] leftovers;
        lock (_gate)
        {
            leftovers = [.. _unsettled.Values];
        }

        foreach (var leftover in leftovers)
        {
            try
            {
                await SettleAsync(leftover.Before, leftover.After, leftover.Kind, cancellationToken);
                lock (_gate)
                {
                    _unsettled.Remove(leftover.After.Id);
                }

                _health.Succeeded(SettleWork(leftover.After.Id));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SettleFailed(_logger, leftover.After.Id, ex);
                _health.Failed(SettleWork(leftover.After.Id), _time.GetUtcNow(), ex);
            }
        }
    }

    private OccurrenceSchedule? ScheduleOf(MaintenanceWindow window)
    {
        var schedule = OccurrenceSchedule.For(window);
        if (schedule is null)
        {
            Log.InvalidSchedule(_logger, window.Id, window.TimeZoneId, window.Recurrence);
        }

        return schedule;
    }

    private DateTimeOffset RecordFailure(Guid windowId, DateTimeOffset now, Exception error)
    {
        _health.Failed(TransitionWork(windowId), now, error);
        lock (_gate)
        {
            var count = _failures.TryGetValue(windowId, out var previous) ? previous.Count + 1 : 1;

            // Continue the exponential backoff where the in-pass retries stopped, capped at the longest sleep.
            var retryAt = now + Backoff(_options.TransitionRetryBaseDelay, _options.TransitionRetryAttempts + count - 1, MaxRetryDelay);
            _failures[windowId] = new Failure(count, retryAt);
            return retryAt;
        }
    }

    // The delay before try number `attempt` (1: the base delay), doubling with each, at most `cap`.
    private static TimeSpan Backoff(TimeSpan baseDelay, int attempt, TimeSpan cap) =>
        TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 31) - 1), cap.Ticks));

    private void ClearFailure(Guid windowId)
    {
        bool failed;
        lock (_gate)
        {
            failed = _failures.Remove(windowId);
        }

        // The health record of a transition is kept beside _failures (RecordFailure writes both): nothing to clear
        // for a window that was not failing, the usual case on every pass.
        if (failed)
        {
            _health.Succeeded(TransitionWork(windowId));
        }
    }

    // A window whose transition failed here and that was closed or deleted since (by another host, say) is no longer work
    // of this scheduler: its failure record goes, so it neither keeps the health check failing nor takes memory.
    private void ForgetClosedWindowsFailures(IReadOnlyList<MaintenanceWindow> open)
    {
        List<Guid> closed;
        lock (_gate)
        {
            if (_failures.Count == 0)
            {
                return;
            }

            var openIds = open.Select(w => w.Id).ToHashSet();
            closed = [.. _failures.Keys.Where(id => !openIds.Contains(id))];
        }

        foreach (var windowId in closed)
        {
            ClearFailure(windowId);
        }
    }

    // The keys of this scheduler's work in the health record: a window's transition, and the effects of one committed.
    private static string TransitionWork(Guid windowId) => $"transition {windowId}";

    private static string SettleWork(Guid windowId) => $"settle {windowId}";

    /// <summary>
    /// Sets the timer to the next due time (at most <see cref="MaintenanceOptions.RescanInterval"/> away), or loops at
    /// once when something is already due.
    /// </summary>
    private void Arm(DateTimeOffset? nextDue, int applied)
    {
        var now = _time.GetUtcNow();
        var latest = now + _options.RescanInterval;
        var wakeUpAt = nextDue is { } due && due < latest ? due : latest;
        lock (_gate)
        {
            if (_timer is null)
            {
                return;
            }

            _nextWakeUpAt = wakeUpAt;
            if (wakeUpAt <= now)
            {
                _signal.Wake();
            }
            else
            {
                _timer.Change(wakeUpAt - now, Timeout.InfiniteTimeSpan);
            }
        }

        Log.PassCompleted(_logger, applied, wakeUpAt);
    }

    private sealed class TransitionAttempt(MaintenanceWindow before, MaintenanceTransitionKind kind)
    {
        public MaintenanceWindow Before { get; } = before;

        public MaintenanceTransitionKind Kind { get; } = kind;

        public int Tries { get; set; }

        public MaintenanceWindow? Committed { get; set; }

        public MaintenanceWindow? Latest { get; set; }
    }

    private sealed record Failure(int Count, DateTimeOffset RetryAt);

    private sealed record Unsettled(MaintenanceWindow Before, MaintenanceWindow After, MaintenanceTransitionKind Kind);
}
