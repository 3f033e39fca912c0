using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Diagnostics;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Processes the claimed rows of ONE subscriber, one after another (the store lets one dispatcher hold a subscriber's
/// rows at a time, so the hourly cap is counted exactly): supersede what is no longer worth sending, fold rows the cap
/// held back into a digest, defer rows past the cap, send the rest and record every outcome. Every claimed row ends
/// completed or released.
/// </summary>
internal sealed class SubscriberDelivery
{
    private readonly IStatusStore _store;
    private readonly AuditTrail? _audit;
    private readonly NotificationSender _sender;
    private readonly RetrySchedule _retries;
    private readonly DispatchResilience _resilience;
    private readonly SubscriberLinks _links;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly string _leaseOwner;
    private readonly ILogger _logger;
    private readonly StatusKitInstruments _instruments;

    public SubscriberDelivery(
        IStatusStore store,
        NotificationSender sender,
        RetrySchedule retries,
        DispatchResilience resilience,
        SubscriberLinks links,
        NotificationOptions options,
        TimeProvider time,
        string leaseOwner,
        ILogger logger,
        StatusKitInstruments instruments,
        AuditTrail? audit = null)
    {
        _audit = audit;
        _store = store;
        _sender = sender;
        _retries = retries;
        _resilience = resilience;
        _links = links;
        _options = options;
        _time = time;
        _leaseOwner = leaseOwner;
        _logger = logger;
        _instruments = instruments;
    }

    /// <summary>
    /// Processes <paramref name="rows"/> (all of one subscriber) and returns how many got an outcome; whether what a row
    /// is about still exists, and its reader's link, come from <paramref name="subjects"/>, shared by every subscriber
    /// of the dispatch pass.
    /// </summary>
    public async Task<int> ProcessAsync(IReadOnlyList<Notification> rows, NoticeSubjects subjects, CancellationToken cancellationToken)
    {
        var pass = new Pass(rows, subjects);
        try
        {
            await ProcessCoreAsync(pass, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the unsent rows are released below.
        }
        catch (Exception ex)
        {
            Log.SubscriberFailed(_logger, rows[0].SubscriberId, ex);
        }

        await ReleaseAsync(pass.Unsettled());
        return pass.Processed;
    }

    private async Task ProcessCoreAsync(Pass pass, CancellationToken cancellationToken)
    {
        var subscriberId = pass.Rows[0].SubscriberId;
        var subscriber = await Store(ct => _store.GetSubscriberAsync(subscriberId, ct), cancellationToken);
        var cap = _options.MaxNotificationsPerHour;
        var deliveredBefore = cap > 0 && subscriber is not null
            ? await Store(ct => _store.CountDeliveredNotificationsAsync(subscriberId, HourlyCap.StartOfHour(_time.GetUtcNow()), ct), cancellationToken)
            : 0;
        var recentRows = subscriber is null ? [] : await RecentRowsAsync(pass.Rows, cancellationToken);

        var toSend = new List<Notification>();
        var foldable = new List<Notification>();
        foreach (var row in pass.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((SupersedeRules.ForSubscriber(row, subscriber) ?? SupersedeRules.ForLaterRow(row, recentRows)) is { } reason)
            {
                await SupersedeAsync(pass, row, reason);
            }
            else if (await pass.Subjects.WhyNotSentAsync(row.Content, cancellationToken) is { } subjectReason)
            {
                await SupersedeAsync(pass, row, subjectReason);
            }
            else if (SupersedeRules.NeedsCurrentStatus(row, subscriber!)
                     && SupersedeRules.ForChangedSince(row, await pass.Subjects.CurrentStatusAsync(row.Content, cancellationToken), subscriber!) is { } changedReason)
            {
                await SupersedeAsync(pass, row, changedReason);
            }
            else if (HourlyCap.IsDeferred(row) && HourlyCap.Applies(row.Content.Kind, cap))
            {
                foldable.Add(row);
            }
            else
            {
                toSend.Add(row);
            }
        }

        if (foldable.Count > 1)
        {
            foldable = await WithoutFlapsAsync(pass, foldable, subscriber!, cancellationToken);
        }

        if (foldable.Count == 1)
        {
            toSend.Insert(0, foldable[0]);
        }
        else if (foldable.Count > 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The page's clock, as on the page and in maintenance notices; UTC when the page is gone.
            var page = await Store(ct => _store.GetPageAsync(subscriber!.PageId, ct), cancellationToken);
            var digest = DigestComposer.Compose(foldable, page?.TimeZoneId);
            Log.DigestComposed(_logger, foldable.Count, subscriberId, foldable[0].Id);
            subscriber = await SendAsync(pass, foldable, digest, subscriber!, cancellationToken);
        }

        // The flap check runs just before each send, so it sees what this pass delivered before.
        foreach (var row in toSend)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!subscriber!.IsActive)
            {
                await SupersedeAsync(pass, row, "the subscriber is inactive");
            }
            else if (await FlapReasonAsync(pass, row, subscriber, cancellationToken) is { } reason)
            {
                await SupersedeAsync(pass, row, reason);
            }
            else if (HourlyCap.Applies(row.Content.Kind, cap) && deliveredBefore + pass.Delivered >= cap)
            {
                var nextHour = HourlyCap.NextHour(_time.GetUtcNow());
                Log.Deferred(_logger, row.Id, subscriberId, cap, nextHour);
                await CompleteAsync(pass, [row], NotificationState.Pending, row.Attempts, HourlyCap.DeferredMarker, nextHour);
            }
            else
            {
                subscriber = await SendAsync(pass, [row], row.Content, subscriber, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The subscriber's rows written since the oldest claimed row that has a coalesce key (empty when none has one),
    /// newest first: where a later row of a claimed row's key is. Pages through
    /// <see cref="IStatusStore.ListNotificationsAsync"/> until it reaches an older row or the end.
    /// </summary>
    private async Task<IReadOnlyList<Notification>> RecentRowsAsync(IReadOnlyList<Notification> rows, CancellationToken cancellationToken)
    {
        var keyed = rows.Where(r => r.CoalesceKey is not null).ToArray();
        if (keyed.Length == 0)
        {
            return [];
        }

        var since = keyed.Min(r => r.CreatedAt);
        var query = new NotificationQuery { SubscriberId = rows[0].SubscriberId };
        while (true)
        {
            var listed = await Store(ct => _store.ListNotificationsAsync(query, ct), cancellationToken);
            if (listed.Count < query.Take || listed[^1].CreatedAt < since || query.Take == int.MaxValue)
            {
                return listed;
            }

            query = query with { Take = query.Take > int.MaxValue / 2 ? int.MaxValue : query.Take * 2 };
        }
    }

    /// <summary>The rows that are not flaps; the others are superseded.</summary>
    private async Task<List<Notification>> WithoutFlapsAsync(Pass pass, IReadOnlyList<Notification> rows, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var kept = new List<Notification>(rows.Count);
        foreach (var row in rows)
        {
            if (await FlapReasonAsync(pass, row, subscriber, cancellationToken) is { } reason)
            {
                await SupersedeAsync(pass, row, reason);
            }
            else
            {
                kept.Add(row);
            }
        }

        return kept;
    }

    /// <summary>
    /// Why a keyed row would repeat or undo what its key last notified: compared with the row of the key delivered
    /// last, in this pass or before it.
    /// </summary>
    private async Task<string?> FlapReasonAsync(Pass pass, Notification row, Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (!SupersedeRules.NeedsFlapCheck(row))
        {
            return null;
        }

        var last = pass.LastDelivered(row.CoalesceKey!)
            ?? await Store(ct => _store.GetLastDeliveredNotificationAsync(row.CoalesceKey!, ct), cancellationToken);
        return SupersedeRules.ForFlap(row, last, subscriber);
    }

    private async Task SupersedeAsync(Pass pass, Notification row, string reason)
    {
        Log.Superseded(_logger, row.Id, reason);
        await CompleteAsync(pass, [row], NotificationState.Superseded, row.Attempts, error: null, nextAttemptAt: null);
    }

    /// <summary>
    /// Sends <paramref name="content"/> for <paramref name="rows"/> (one row, or the rows a digest folds) and records
    /// the outcome on all of them. Returns the subscriber as it is afterwards (deactivated after a 410 Gone, or a dead
    /// letter that makes <see cref="NotificationOptions.DeactivateAfterDeadLetters"/> in a row).
    /// </summary>
    private async Task<Subscriber> SendAsync(Pass pass, IReadOnlyList<Notification> rows, NotificationContent content, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var lead = rows[0];
        var attempts = rows.Max(r => r.Attempts);
        if (!_sender.CanSend(lead.Channel))
        {
            Log.NoNotifier(_logger, lead.Channel, lead.Id);
            var later = _time.GetUtcNow() + _retries.MissingNotifierDelay(_options.PollInterval);
            var error = $"No notifier is registered for the {lead.Channel} channel.";
            await CompleteAsync(pass, rows, NotificationState.Pending, attempts, KeepDeferral(rows, error), later);
            return subscriber;
        }

        if (rows.Any(r => r.LeaseExpiresAt is { } expires && expires - _time.GetUtcNow() < _resilience.SendTimeout))
        {
            Log.LeaseTooShort(_logger, lead.Id);
            return subscriber;
        }

        var attempt = attempts + 1;
        // Every message but the verification (whose link is its confirmation link) points the reader at the page, or,
        // for a status incident or a maintenance window that still exists, at its own page.
        if (content.Link is null && content.Kind != NotificationKind.SubscriptionVerification && await pass.Subjects.LinkAsync(lead.PageId, content, cancellationToken) is { } page)
        {
            content = content with { Link = page.AbsoluteUri };
        }

        var domain = await pass.Subjects.CustomDomainAsync(lead.PageId, cancellationToken);
        var message = new NotificationMessage(lead.Id, attempt, subscriber, content, _links.UnsubscribeUrl(content.PageSlug, domain, subscriber.Id))
        {
            ManageUrl = _links.ManageUrl(content.PageSlug, domain, subscriber.Id),
        };
        var result = await _sender.SendAsync(lead.Channel, message, cancellationToken);
        if (result is null)
        {
            return subscriber;
        }

        var now = _time.GetUtcNow();
        switch (result.Kind)
        {
            case NotificationResultKind.Delivered:
                Log.Delivered(_logger, lead.Id, lead.Channel, attempt);
                await CompleteAsync(pass, rows, NotificationState.Delivered, attempt, error: null, nextAttemptAt: null);
                pass.RecordDelivered(rows);
                return subscriber;

            case NotificationResultKind.Retry when _retries.DelayAfter(attempt, result.RetryAfter) is { } delay:
                Log.RetryScheduled(_logger, lead.Id, attempt, result.Error, now + delay);
                await CompleteAsync(pass, rows, NotificationState.Pending, attempt, KeepDeferral(rows, result.Error), now + delay);
                return subscriber;

            case NotificationResultKind.Gone:
                LogDeadLetter(lead, attempt, subscriber, result);
                await CompleteAsync(pass, rows, NotificationState.DeadLettered, attempt, result.Error, nextAttemptAt: null);
                _instruments.NotificationsDeadLettered(lead.Channel, rows.Count);
                Log.SubscriberGone(_logger, subscriber.Id);
                return await DeactivateAsync(subscriber, SubscriberDeactivationReason.DestinationGone);

            default:
                LogDeadLetter(lead, attempt, subscriber, result);
                await CompleteAsync(pass, rows, NotificationState.DeadLettered, attempt, result.Error, nextAttemptAt: null);
                _instruments.NotificationsDeadLettered(lead.Channel, rows.Count);
                // A failure on the sending side (the host's mail server down for days) is no reason to stop anyone.
                return result.IsDestinationFailure ? await AfterDeadLetterAsync(subscriber, cancellationToken) : subscriber;
        }
    }

    /// <summary>
    /// After a dead letter at the destination, deactivates a confirmed subscriber whose last
    /// <see cref="NotificationOptions.DeactivateAfterDeadLetters"/> completed notices were all dead-lettered, as a 410
    /// Gone does at once (one never confirmed gets its verification message only, and starts over when it subscribes
    /// again). Read from the outbox after the dead letter is recorded:
    /// the newest dead letters, and the newest delivery, by creation (the order the outbox lists them). Superseded and
    /// pending rows are in neither list, and rows written before the subscriber was last activated do not count.
    /// </summary>
    private async Task<Subscriber> AfterDeadLetterAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (_options.DeactivateAfterDeadLetters is not { } limit || !subscriber.IsActive || !subscriber.IsVerified)
        {
            return subscriber;
        }

        try
        {
            if (!await OnlyDeadLettersAsync(subscriber, limit, cancellationToken))
            {
                return subscriber;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next dead letter asks again.
            Log.DeadLetterCountFailed(_logger, subscriber.Id, ex);
            return subscriber;
        }

        var after = await DeactivateAsync(subscriber, SubscriberDeactivationReason.DeadLetters);
        if (!after.IsActive)
        {
            Log.DeactivatedAfterDeadLetters(_logger, subscriber.Id, subscriber.Channel, limit);
        }

        return after;
    }

    /// <summary>
    /// Whether the subscriber's <paramref name="limit"/> newest completed rows written since it was last activated are
    /// all dead letters: there are that many dead letters since then, and no delivery written after the oldest of them
    /// (one written at the same instant counts as in between).
    /// </summary>
    private async Task<bool> OnlyDeadLettersAsync(Subscriber subscriber, int limit, CancellationToken cancellationToken)
    {
        var deadLetters = await Store(
            ct => _store.ListNotificationsAsync(new NotificationQuery { SubscriberId = subscriber.Id, State = NotificationState.DeadLettered, Take = limit }, ct),
            cancellationToken);
        if (deadLetters.Count < limit || (subscriber.ActivatedAt is { } since && deadLetters[^1].CreatedAt < since))
        {
            return false;
        }

        var delivered = await Store(
            ct => _store.ListNotificationsAsync(new NotificationQuery { SubscriberId = subscriber.Id, State = NotificationState.Delivered, Take = 1 }, ct),
            cancellationToken);
        return delivered.Count == 0 || delivered[0].CreatedAt < deadLetters[^1].CreatedAt;
    }

    /// <summary>
    /// A subscriber's endpoint or mailbox that keeps failing is the subscriber's problem, not the host's: a warning
    /// (1319), which must not page anyone. A failure on the sending side (the notifier, its configuration, the host's mail
    /// server) is an error (1306).
    /// </summary>
    private void LogDeadLetter(Notification lead, int attempt, Subscriber subscriber, NotificationResult result)
    {
        if (result.IsDestinationFailure)
        {
            Log.DeadLetteredAtDestination(_logger, lead.Id, attempt, subscriber.Id, result.Error);
        }
        else
        {
            Log.DeadLettered(_logger, lead.Id, attempt, result.Error);
        }
    }

    /// <summary>Rows of a digest that is retried stay marked as deferred, so they fold again when they come due.</summary>
    private static string? KeepDeferral(IReadOnlyList<Notification> rows, string? error) =>
        rows.Count > 1 ? $"{HourlyCap.DeferredMarker}; the digest attempt failed: {error}" : error;

    /// <summary>
    /// Stops the subscriber, saying why, and returns it as it now is: its rows still pending are superseded as they come
    /// due (it is inactive), and the rest of this pass's rows at once. A subscriber reactivated (or subscribed again)
    /// since <paramref name="subscriber"/> was read started afresh: dead letters do not stop it, a 410 still does.
    /// </summary>
    private async Task<Subscriber> DeactivateAsync(Subscriber subscriber, SubscriberDeactivationReason reason)
    {
        var inactive = subscriber with { IsActive = false, DeactivationReason = reason };
        try
        {
            // Not cancellable: the dead letter is already recorded and the subscriber must not be tried again. A
            // compare-and-set: a subscriber changed meanwhile (verified, a component deleted) is read again.
            return await OptimisticEdit.RetryAsync(async () =>
            {
                var current = await Store(ct => _store.GetSubscriberAsync(subscriber.Id, ct), CancellationToken.None);
                if (current is not { IsActive: true })
                {
                    return inactive;
                }

                if (reason == SubscriberDeactivationReason.DeadLetters && current.ActivatedAt != subscriber.ActivatedAt)
                {
                    return current;
                }

                var stored = await Store(
                    ct => _store.UpdateSubscriberAsync(current with { IsActive = false, DeactivationReason = reason }, [], ct), CancellationToken.None);
                // The compare-and-set stored it: this dispatcher stopped it, so this one records it, once.
                if (_audit is not null)
                {
                    await _audit.RecordByAsync(
                        AuditTrail.System, stored.PageId, AuditActions.SubscriberDeactivated, "subscriber", stored.Id, ["isActive"]);
                }

                return stored;
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.DeactivateFailed(_logger, subscriber.Id, reason, ex);
        }

        return inactive;
    }

    /// <summary>
    /// Records an outcome on every row. Never cancelled: an outcome after a send must be kept even during shutdown.
    /// A row counts as settled before the call, so a failing store is not followed by a release (which would resend
    /// at once); the lease runs out instead.
    /// </summary>
    private async Task CompleteAsync(Pass pass, IReadOnlyList<Notification> rows, NotificationState state, int attempts, string? error, DateTimeOffset? nextAttemptAt)
    {
        var at = _time.GetUtcNow();
        foreach (var row in rows)
        {
            pass.Settle(row);
            var outcome = new NotificationOutcome(row.Id, _leaseOwner, state, at, attempts, error, nextAttemptAt);
            if (await Store(ct => _store.CompleteNotificationAsync(outcome, ct), CancellationToken.None))
            {
                pass.Processed++;
            }
            else
            {
                Log.LeaseLost(_logger, _leaseOwner, row.Id);
            }
        }
    }

    private async Task ReleaseAsync(IReadOnlyList<Notification> rows)
    {
        var released = 0;
        foreach (var row in rows)
        {
            try
            {
                if (await Store(ct => _store.ReleaseNotificationAsync(row.Id, _leaseOwner, ct), CancellationToken.None))
                {
                    released++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SubscriberFailed(_logger, row.SubscriberId, ex);
            }
        }

        if (released > 0)
        {
            Log.Released(_logger, _leaseOwner, released);
        }
    }

    private ValueTask<T> Store<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _resilience.Store.ExecuteAsync(async ct => await call(ct), cancellationToken);

    private ValueTask Store(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        _resilience.Store.ExecuteAsync(async ct => await call(ct), cancellationToken);

    /// <summary>The rows of one subscriber in one pass and what became of them.</summary>
    private sealed class Pass(IReadOnlyList<Notification> rows, NoticeSubjects subjects)
    {
        private readonly HashSet<Guid> _settled = [];
        private readonly Dictionary<string, Notification> _lastDelivered = new(StringComparer.Ordinal);

        public IReadOnlyList<Notification> Rows { get; } = rows;

        /// <summary>What the notices of the dispatch pass are about: whether it still exists, and the reader's link.</summary>
        public NoticeSubjects Subjects { get; } = subjects;

        public int Processed { get; set; }

        /// <summary>How many rows this pass delivered (the hourly cap counts them).</summary>
        public int Delivered { get; private set; }

        public void Settle(Notification row) => _settled.Add(row.Id);

        /// <summary>Counts delivered rows and remembers the last one of each coalesce key, for the flap check.</summary>
        public void RecordDelivered(IReadOnlyList<Notification> rows)
        {
            Delivered += rows.Count;
            foreach (var row in rows)
            {
                if (row.CoalesceKey is { } key
                    && (!_lastDelivered.TryGetValue(key, out var previous) || !SupersedeRules.IsNotEarlier(previous, row)))
                {
                    _lastDelivered[key] = row;
                }
            }
        }

        /// <summary>The row of <paramref name="coalesceKey"/> this pass delivered last, or null.</summary>
        public Notification? LastDelivered(string coalesceKey) => _lastDelivered.GetValueOrDefault(coalesceKey);

        public IReadOnlyList<Notification> Unsettled() => [.. Rows.Where(r => !_settled.Contains(r.Id))];
    }
}
