using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Health;
using StatusKit.Hosting;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.Engine;

/// <summary>
/// Ends operators' manual statuses at their expiry: a hosted service that sleeps on one <see cref="TimeProvider"/>
/// timer until the earliest known expiry, then recomputes the components whose manual status expired, so their status
/// (and their page) changes back by itself, and then clears the expired manual status from the stored component by
/// compare-and-set, recording that end in the audit log (actor <c>system</c>) once, on the host whose compare-and-set
/// stored it. It hears of an expiry set on this host at once
/// (<see cref="Expect"/>), and reads every stored expiry at start-up (one that passed while the host was down is
/// recomputed then) and again every <see cref="RescanInterval"/>, which is how it learns of expiries set on other hosts.
/// Its recomputes are time-driven (<see cref="TimeDrivenRecompute"/>), so an expiry ended late is still recorded at
/// the expiry.
/// </summary>
/// <remarks>
/// A recompute is idempotent, so two hosts ending the same expiry change the status once; the clear is a
/// compare-and-set on the component's version, so only one of them clears it and records it. A failing store read or
/// recompute is logged and tried again after <see cref="RetryDelay"/>.
/// </remarks>
internal sealed class ManualStatusExpiry : WokenPassLoop
{
    /// <summary>
    /// How often the store is read for expiries set elsewhere: an expiry set through a host that then stopped ends at
    /// most this late on the others. Each read lists every page's components, so it is not made every minute.
    /// </summary>
    internal static readonly TimeSpan RescanInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long after a failure the pass runs again.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private const string Cause = "manual status expired";
    private const string ScanWork = "manual status expiry scan";
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly AuditTrail _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<ManualStatusExpiry> _logger;
    private readonly BackgroundWorkHealth _health;
    private readonly Lock _gate = new();
    private readonly SortedSet<(DateTimeOffset At, Guid ComponentId)> _pending = [];
    private DateTimeOffset? _lastScanAt;
    private DateTimeOffset _nextScanAt = DateTimeOffset.MinValue;

    public ManualStatusExpiry(
        IStatusStore store,
        StatusEngine engine,
        AuditTrail audit,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<ManualStatusExpiry> logger,
        BackgroundWorkHealth health)
        : base(time, lifetime, RetryDelay)
    {
        _store = store;
        _engine = engine;
        _audit = audit;
        _time = time;
        _logger = logger;
        _health = health;
    }

    /// <summary>Remembers that <paramref name="componentId"/>'s manual status expires at <paramref name="expiresAt"/>.</summary>
    public void Expect(Guid componentId, DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            _pending.Add((expiresAt, componentId));
        }

        Wake();
    }

    /// <summary>
    /// One pass: reads the stored expiries when a rescan is due, recomputes the components whose expiry has passed,
    /// and returns when the next pass is due.
    /// </summary>
    protected override async Task<DateTimeOffset> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now >= _nextScanAt)
        {
            await ScanAsync(now, cancellationToken);
        }

        var due = TakeDue(now);
        if (due.Count > 0)
        {
            try
            {
                await _engine.RecomputeComponentsAsync(due, Cause, TimeDrivenRecompute.Expiries, cancellationToken);
                foreach (var id in due)
                {
                    await EndAsync(id, now, cancellationToken);
                }

                Log.ManualStatusesExpired(_logger, due.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var retryAt = now + RetryDelay;
                Log.ManualStatusExpiryFailed(_logger, retryAt, ex);
                lock (_gate)
                {
                    foreach (var id in due)
                    {
                        _pending.Add((retryAt, id));
                    }
                }
            }
        }

        lock (_gate)
        {
            return _pending.Count > 0 && _pending.Min.At < _nextScanAt ? _pending.Min.At : _nextScanAt;
        }
    }

    /// <summary>
    /// Ends <paramref name="componentId"/>'s manual status in the store when it has expired by <paramref name="now"/>:
    /// clears it and its expiry by compare-and-set on the component's version, and records that end in the audit log
    /// (<see cref="AuditActions.ComponentUpdated"/>, actor <see cref="AuditTrail.System"/>), so an auditor sees when the
    /// status went back and why. Only the host whose compare-and-set stored it records it: one that lost reads the
    /// component again and finds it ended (by another host) or set anew (by an operator), and writes nothing. Runs after
    /// the component's time-driven recompute, which still found the expiry stored and so stamped the status change at
    /// the expiry. A component deleted meanwhile has nothing to end.
    /// </summary>
    private async Task EndAsync(Guid componentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Component? ended = null;
        try
        {
            await OptimisticEdit.ApplyAsync(
                "component",
                componentId,
                expectedVersion: null,
                async () => await _store.GetComponentAsync(componentId, cancellationToken) ?? throw new StatusKitNotFoundException("component", componentId.ToString()),
                static c => c.Version,
                component => Task.FromResult(component is { ManualStatus: not null, ManualStatusExpiresAt: { } at } && at <= now
                    ? component with { ManualStatus = null, ManualStatusExpiresAt = null, UpdatedAt = _time.GetUtcNow() }
                    : component),
                async component => ended = await _store.UpdateComponentAsync(component, cancellationToken));
        }
        catch (StatusKitNotFoundException)
        {
            return;
        }

        if (ended is not null)
        {
            await _audit.RecordByAsync(
                AuditTrail.System, ended.PageId, AuditActions.ComponentUpdated, "component", componentId, ["manualStatus", "manualStatusExpiresAt"]);

            // The component's edit time moved: the page's snapshot (its updated_at) is rebuilt as after an operator's edit.
            await _engine.RefreshPageAsync(ended.PageId, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override void LogPassFailed(DateTimeOffset retryAt, Exception exception) => Log.ManualStatusExpiryFailed(_logger, retryAt, exception);

    // Every stored manual status with an expiry, except those that already expired before the previous scan (their
    // recompute ran then, or on the host that set them): at start-up that includes expiries that passed while down.
    private async Task ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var found = new List<(DateTimeOffset, Guid)>();
            foreach (var page in await _store.ListPagesAsync(null, cancellationToken))
            {
                foreach (var component in await _store.ListComponentsAsync(page.Id, cancellationToken))
                {
                    if (component is { ManualStatus: not null, ManualStatusExpiresAt: { } at } && (_lastScanAt is null || at > _lastScanAt))
                    {
                        found.Add((at, component.Id));
                    }
                }
            }

            lock (_gate)
            {
                _pending.UnionWith(found);
            }

            _lastScanAt = now;
            _nextScanAt = now + RescanInterval;
            _health.Statuses.Succeeded(ScanWork);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _nextScanAt = now + RetryDelay;
            Log.ManualStatusExpiryFailed(_logger, _nextScanAt, ex);
            _health.Statuses.Failed(ScanWork, now, ex);
        }
    }

    private List<Guid> TakeDue(DateTimeOffset now)
    {
        var due = new List<Guid>();
        lock (_gate)
        {
            while (_pending.Count > 0 && _pending.Min.At <= now)
            {
                var entry = _pending.Min;
                _pending.Remove(entry);
                if (!due.Contains(entry.ComponentId))
                {
                    due.Add(entry.ComponentId);
                }
            }
        }

        return due;
    }
}
