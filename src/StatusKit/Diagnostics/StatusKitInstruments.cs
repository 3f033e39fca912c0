using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.Diagnostics;

/// <summary>
/// The instruments of the core package on the <see cref="StatusKitMetrics.MeterName"/> meter (docs/metrics.md), one
/// instance per service provider. The meter comes from the provider's <see cref="IMeterFactory"/>, which owns and
/// disposes it, so two hosts in one process never share instruments. Tags are low-cardinality only: never a page,
/// subscriber or destination.
/// </summary>
internal sealed class StatusKitInstruments
{
    /// <summary>Bucket boundaries in seconds for the duration histograms (OpenTelemetry's defaults suit milliseconds).</summary>
    private static readonly IReadOnlyList<double> DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];

    /// <summary>Bucket boundaries in seconds for how long a due notice waited: from within a poll to an hour behind.</summary>
    private static readonly IReadOnlyList<double> LagBuckets = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter<long> _signalsReceived;
    private readonly Histogram<double> _recomputeDuration;
    private readonly Counter<long> _componentStatusChanges;
    private readonly Histogram<double> _snapshotRebuildDuration;
    private readonly Counter<long> _notificationAttempts;
    private readonly Counter<long> _notificationsDeadLettered;
    private readonly Histogram<double> _notificationDeliveryDuration;
    private readonly Histogram<double> _outboxLag;
    private readonly TimeProvider _time;

    // The dispatcher's last count of the outbox's pending rows, which the gauge reports until it is no longer fresh.
    private PendingCount? _pending;

    public StatusKitInstruments(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(new MeterOptions(StatusKitMetrics.MeterName) { Version = Version });

        var durations = new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets };
        _signalsReceived = meter.CreateCounter<long>(
            "statuskit.signals.received", "{signal}", "Incident signals reported to the intake, by result (applied, stale, duplicate, conflict).");
        _recomputeDuration = meter.CreateHistogram<double>(
            "statuskit.recompute.duration", "s", "How long one recompute of a scope's component statuses took, its commits, snapshot rebuilds and feed events included.",
            tags: null, durations);
        _componentStatusChanges = meter.CreateCounter<long>(
            "statuskit.component.status_changes", "{change}", "Component status changes committed, by the new status.");
        _snapshotRebuildDuration = meter.CreateHistogram<double>(
            "statuskit.snapshot.rebuild.duration", "s", "How long one rebuild of a page's snapshot from the store took.", tags: null, durations);
        _notificationAttempts = meter.CreateCounter<long>(
            "statuskit.notifications.attempts", "{attempt}", "Sends of a notice through a notifier, by channel and result (delivered, retry, permanent, gone).");
        _notificationsDeadLettered = meter.CreateCounter<long>(
            "statuskit.notifications.dead_lettered", "{notification}", "Outbox rows dead-lettered after a permanent failure, a gone destination or the last retry, by channel.");
        _notificationDeliveryDuration = meter.CreateHistogram<double>(
            "statuskit.notifications.delivery.duration", "s", "How long one send through a notifier took, its timeout included, by channel.", tags: null, durations);
        _outboxLag = meter.CreateHistogram<double>(
            "statuskit.notifications.outbox.lag", "s", "How long an outbox row had been due when a dispatcher claimed it, by channel: grows when the outbox backs up.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        meter.CreateObservableGauge(
            "statuskit.notifications.pending", ObservePending, "{notification}",
            "Outbox rows pending (due or not yet due, leased or not) on every page, as a dispatcher of this process last counted them; not reported before its first count nor once that count is stale.");
    }

    /// <summary>The meter's version: the package's informational version without its source revision.</summary>
    private static string? Version { get; } =
        typeof(StatusKitInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion is { } version
            ? version.Split('+')[0]
            : null;

    /// <summary>An incident signal reached the intake with <paramref name="result"/>.</summary>
    public void SignalReceived(SignalApplyResult result) => _signalsReceived.Add(1, new KeyValuePair<string, object?>("result", result switch
    {
        SignalApplyResult.Applied => "applied",
        SignalApplyResult.Stale => "stale",
        _ => "duplicate",
    }));

    /// <summary>An incident signal reused a stored version with other content and was refused.</summary>
    public void SignalConflicted() => _signalsReceived.Add(1, new KeyValuePair<string, object?>("result", "conflict"));

    /// <summary>A recompute of <paramref name="scope"/> ended after <paramref name="elapsed"/>, done or failed.</summary>
    public void RecomputeEnded(StatusScope scope, TimeSpan elapsed, bool failed)
    {
        var tags = new TagList
        {
            { "scope", scope switch { { TeamId: not null } => "team", { PageId: not null } => "page", { ComponentIds: not null } => "components", _ => "all" } },
            { "outcome", failed ? "error" : "ok" },
        };
        _recomputeDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>A component's status change to <paramref name="status"/> was committed.</summary>
    public void ComponentStatusChanged(ComponentStatus status) =>
        _componentStatusChanges.Add(1, new KeyValuePair<string, object?>("status", status.ToApiName()));

    /// <summary>A page's snapshot was rebuilt (or the rebuild failed).</summary>
    public void SnapshotRebuilt(TimeSpan elapsed, bool failed) =>
        _snapshotRebuildDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", failed ? "error" : "ok"));

    /// <summary>One send through the notifier of <paramref name="channel"/> ended with <paramref name="result"/>.</summary>
    public void NotificationAttempted(SubscriberChannel channel, NotificationResultKind result, TimeSpan elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", ChannelName(channel));
        _notificationAttempts.Add(1, channelTag, new KeyValuePair<string, object?>("result", result switch
        {
            NotificationResultKind.Delivered => "delivered",
            NotificationResultKind.Retry => "retry",
            NotificationResultKind.Gone => "gone",
            _ => "permanent",
        }));
        _notificationDeliveryDuration.Record(elapsed.TotalSeconds, channelTag);
    }

    /// <summary>A dispatcher claimed an outbox row of <paramref name="channel"/> that had been due for <paramref name="lag"/>.</summary>
    public void NotificationClaimed(SubscriberChannel channel, TimeSpan lag) =>
        _outboxLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("channel", ChannelName(channel)));

    /// <summary><paramref name="rows"/> outbox rows of <paramref name="channel"/> were dead-lettered.</summary>
    public void NotificationsDeadLettered(SubscriberChannel channel, int rows) =>
        _notificationsDeadLettered.Add(rows, new KeyValuePair<string, object?>("channel", ChannelName(channel)));

    /// <summary>
    /// A dispatcher counted <paramref name="count"/> pending outbox rows; the gauge reports it until
    /// <paramref name="freshUntil"/>, or until a newer count.
    /// </summary>
    public void PendingNotificationsCounted(int count, DateTimeOffset freshUntil) =>
        Volatile.Write(ref _pending, new PendingCount(count, freshUntil));

    /// <summary>
    /// The channel as metrics and traces tag it (<see cref="ChannelNames.Of"/>), or <c>other</c> for a value no channel
    /// has (a custom store's), which must not make a send fail.
    /// </summary>
    internal static string ChannelName(SubscriberChannel channel) => Enum.IsDefined(channel) ? ChannelNames.Of(channel) : "other";

    // Read on each collection, without a store call: the last count while it is fresh, else nothing.
    private IEnumerable<Measurement<long>> ObservePending() =>
        Volatile.Read(ref _pending) is { } pending && _time.GetUtcNow() < pending.FreshUntil ? [new Measurement<long>(pending.Count)] : [];

    private sealed record PendingCount(long Count, DateTimeOffset FreshUntil);
}
