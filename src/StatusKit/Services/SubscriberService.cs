using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Texts;
using StatusKit.Notifications.Webhooks;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// Subscriptions: subscribe (double opt-in), verify, change what a subscriber hears about, unsubscribe by token,
/// deactivate, reactivate, list, and send one subscriber a test notice.
/// </summary>
public sealed class SubscriberService
{
    private const int MaxPageSize = 200;
    private readonly IStatusStore _store;
    private readonly IDestinationValidator _destinations;
    private readonly SubscriberLinks _links;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tokenLifetime;
    private readonly TimeSpan _rotationOverlap;
    private readonly ILogger<SubscriberService> _logger;
    private readonly AuditTrail _audit;

    internal SubscriberService(
        IStatusStore store,
        IDestinationValidator destinations,
        SubscriberLinks links,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        ILogger<SubscriberService> logger,
        AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _destinations = destinations;
        _links = links;
        _tokenLifetime = options.Value.VerificationTokenLifetime;
        _rotationOverlap = options.Value.SigningSecretRotationOverlap;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The channels new subscriptions may use, in their enum order: those with a notifier on this host, limited to
    /// <see cref="StatusPagesOptions.SubscriptionChannels"/> when it is set. <see cref="SubscribeAsync"/> refuses any
    /// other with a <see cref="StatusKitValidationException"/> naming <c>channel</c>.
    /// </summary>
    public IReadOnlyList<SubscriberChannel> Channels => _destinations.Channels;

    /// <summary>
    /// Subscribes a destination to a page. Unless pre-verified, a verification message goes to the destination through
    /// its own channel and the subscription stays inactive until verified. Re-subscribing a destination that had
    /// unsubscribed, or never verified, starts over with new tokens (a fresh verification token, valid for
    /// <see cref="StatusPagesOptions.VerificationTokenLifetime"/>, whether or not the previous one expired); one that is
    /// subscribed and verified is a <see cref="StatusKitConflictException"/>, and so is a
    /// <see cref="Subscribe.PreVerified"/> request for a destination that unsubscribed itself (or stopped for a reason
    /// not recorded): only it can subscribe again, by confirming.
    /// </summary>
    /// <remarks>
    /// With <see cref="Subscribe.StatusIncidentId"/> the destination follows that incident of the page (resolved or
    /// not) and nothing else; the incident must be on the page (else a <see cref="StatusKitValidationException"/> naming
    /// <c>incidentId</c>), and neither components nor events may be chosen (naming <c>componentIds</c> or
    /// <c>notifyOn</c>). The rules above then apply per incident: a destination may follow the page and an incident
    /// separately, each confirmed by itself, and the verification message says it is for the incident's updates.
    /// </remarks>
    public async Task<Subscription> SubscribeAsync(Subscribe request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Starting over replaces a stored subscriber by compare-and-set: one changed meanwhile is read again.
        var subscription = await OptimisticEdit.RetryAsync(() => SubscribeOnceAsync(request, cancellationToken));
        await _audit.RecordAsync(subscription.Subscriber.PageId, AuditActions.SubscriberCreated, "subscriber", subscription.Subscriber.Id);
        return subscription;
    }

    private async Task<Subscription> SubscribeOnceAsync(Subscribe request, CancellationToken cancellationToken)
    {
        var channel = Guard.Defined(request.Channel, "channel", ValidationCodes.ChannelUnknown);
        RequireEvents(request.NotifyOn);

        var page = await _store.RequirePageAsync(request.PageId, cancellationToken);
        var incident = await RequireIncidentAsync(page, request, cancellationToken);
        var componentIds = await _store.RequireComponentsOnPageAsync(page.Id, request.ComponentIds, cancellationToken);
        var destination = await _destinations.ValidateAsync(channel, request.Destination, cancellationToken);
        var now = _time.GetUtcNow();
        var existing = incident is null
            ? await _store.FindSubscriberByDestinationAsync(page.Id, channel, destination, cancellationToken)
            : (await _store.ListStatusIncidentSubscribersAsync(incident.Id, cancellationToken))
                .FirstOrDefault(s => s.Channel == channel && SubscriberDestinations.Same(channel, s.Destination, destination));
        // A verified, active subscription is a conflict; one still waiting for verification starts over, so someone
        // whose verification message got lost can ask for a new one (the old token stops working).
        if (existing is { IsActive: true, IsVerified: true })
        {
            throw new StatusKitConflictException(
                "destination",
                incident is null ? $"'{QuotedValue.Of(destination)}' is already subscribed to this page." : $"'{QuotedValue.Of(destination)}' already follows this incident.");
        }

        // Someone who unsubscribed is subscribed again only by confirming it (RFC 8058): never pre-verified by an operator.
        if (request.PreVerified && existing is { IsActive: false } && !MayBeTurnedBackOn(existing))
        {
            throw new StatusKitConflictException(
                "destination",
                $"'{QuotedValue.Of(destination)}' unsubscribed from this page (or stopped before StatusKit recorded why); subscribe it without pre-verifying, so that it confirms the subscription itself.");
        }

        var (subscriber, unsubscribeToken, verificationToken, verification) =
            Build(page, incident, channel, destination, componentIds, request.NotifyOn, request.PreVerified, existing, now);
        if (existing is null)
        {
            await _store.AddSubscriberAsync(subscriber, verification, cancellationToken);
        }
        else
        {
            try
            {
                await _store.UpdateSubscriberAsync(subscriber, verification, cancellationToken);
            }
            catch (StatusKitNotFoundException)
            {
                // Deleted since it was read (the clean-up of unconfirmed subscriptions, an operator): start again.
                throw new StatusKitConcurrencyException($"The subscriber '{subscriber.Id}' was deleted while this subscription was being saved; subscribe again.");
            }
        }

        return new Subscription(subscriber, unsubscribeToken, verificationToken);
    }

    /// <summary>
    /// A new follower of <paramref name="page"/> exactly as <see cref="SubscribeAsync"/> creates one for a destination
    /// the page does not have (its tokens, a webhook's signing secret), with its verification message unless
    /// pre-verified; nothing is stored or checked (an import's rows, checked already and stored in batches).
    /// </summary>
    internal (Subscriber Subscriber, Notification? Verification) NewSubscriber(
        StatusPage page, SubscriberChannel channel, string destination, IReadOnlyList<Guid> componentIds, NotificationEvents notifyOn, bool preVerified, DateTimeOffset now)
    {
        var (subscriber, _, _, verification) = Build(page, null, channel, destination, componentIds, notifyOn, preVerified, null, now);
        return (subscriber, verification.Count > 0 ? verification[0] : null);
    }

    /// <summary>Whether <paramref name="events"/> is a choice a subscription may make, or a <see cref="StatusKitValidationException"/> naming <c>notifyOn</c>.</summary>
    internal static void RequireEvents(NotificationEvents events)
    {
        if ((events & ~NotificationEvents.All) != 0 || events == NotificationEvents.None)
        {
            throw new StatusKitValidationException(
                "notifyOn",
                "Choose at least one of degraded, outage, maintenance, resolved.",
                events == NotificationEvents.None ? ValidationCodes.NotifyOnEmpty : ValidationCodes.NotifyOnUnknown);
        }
    }

    // The subscriber a subscription stores: new, or the one that starts over (existing), with its tokens and its
    // verification message (stored with the subscriber, so a subscription never waits for one that was lost).
    private (Subscriber Subscriber, string UnsubscribeToken, string? VerificationToken, IReadOnlyList<Notification> Verification) Build(
        StatusPage page,
        StatusIncident? incident,
        SubscriberChannel channel,
        string destination,
        IReadOnlyList<Guid> componentIds,
        NotificationEvents notifyOn,
        bool preVerified,
        Subscriber? existing,
        DateTimeOffset now)
    {
        var id = existing?.Id ?? Guid.CreateVersion7(now);
        var unsubscribeToken = _links.CreateUnsubscribeToken(id);
        var verificationToken = preVerified ? null : SecretTokens.Create();
        var subscriber = new Subscriber
        {
            Id = id,
            PageId = page.Id,
            Channel = channel,
            Destination = destination,
            ComponentIds = componentIds,
            NotifyOn = notifyOn,
            StatusIncidentId = incident?.Id,
            IsVerified = preVerified,
            VerifyTokenHash = verificationToken is null ? null : SecretTokens.Hash(verificationToken),
            VerifyTokenIssuedAt = verificationToken is null ? null : now,
            UnsubscribeTokenHash = SecretTokens.Hash(unsubscribeToken),
            // A new secret whenever the subscription starts over; its owner gets it by confirming (see VerifyAsync).
            SigningSecret = channel == SubscriberChannel.Webhook ? WebhookSignature.GenerateSecret() : null,
            IsActive = true,
            DeactivationReason = null,
            ActivatedAt = now,
            CreatedAt = existing?.CreatedAt ?? now,
            Version = existing?.Version ?? 1,
        };

        IReadOnlyList<Notification> verification = verificationToken is null ? [] : [VerificationMessage(page, incident, subscriber, verificationToken, now)];
        return (subscriber, unsubscribeToken, verificationToken, verification);
    }

    /// <summary>The destination as <see cref="SubscribeAsync"/> stores it, or a <see cref="StatusKitValidationException"/> (its check, for an import's rows).</summary>
    internal ValueTask<string> ValidateDestinationAsync(SubscriberChannel channel, string destination, CancellationToken cancellationToken) =>
        _destinations.ValidateAsync(Guard.Defined(channel, "channel", ValidationCodes.ChannelUnknown), destination, cancellationToken);

    // The incident a subscription follows, checked to be on the page; one follows it as a whole, choosing nothing.
    private async Task<StatusIncident?> RequireIncidentAsync(StatusPage page, Subscribe request, CancellationToken cancellationToken)
    {
        if (request.StatusIncidentId is not { } incidentId)
        {
            return null;
        }

        if (request.ComponentIds.Count > 0)
        {
            throw new StatusKitValidationException(
                "componentIds",
                "A subscription to one incident follows all of its updates; it has no choice of components. Leave them out.",
                ValidationCodes.IncidentFollowsAllUpdates);
        }

        if (request.NotifyOn != NotificationEvents.All)
        {
            throw new StatusKitValidationException(
                "notifyOn",
                "A subscription to one incident follows all of its updates; it has no choice of events. Leave them out.",
                ValidationCodes.IncidentFollowsAllUpdates);
        }

        var incident = await _store.GetStatusIncidentAsync(incidentId, cancellationToken);
        return incident is not null && incident.PageId == page.Id
            ? incident
            : throw new StatusKitValidationException(
                "incidentId", $"The incident '{incidentId}' is not an incident of this page.", ValidationCodes.IncidentNotOnPage);
    }

    /// <summary>
    /// Activates the subscription whose verification token this is. Null, changing nothing, when the token is unknown,
    /// used, or expired (<see cref="StatusPagesOptions.VerificationTokenLifetime"/>).
    /// </summary>
    public Task<Subscriber?> VerifyAsync(string token, CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(null, token, cancellationToken);

    /// <summary>
    /// Activates the subscription to <paramref name="pageId"/> whose verification token this is. Null, changing
    /// nothing, when the token is unknown, used, expired, or belongs to another page's subscriber
    /// (<see cref="IsVerificationTokenExpiredAsync"/> tells which is expired). The subscriber returned carries a
    /// webhook's <see cref="Subscriber.SigningSecret"/>: the token went only to the webhook URL, so its holder is the
    /// endpoint's owner, and this is where the public routes hand it the secret (once: the token stops working).
    /// </summary>
    public Task<Subscriber?> VerifyAsync(Guid pageId, string token, CancellationToken cancellationToken = default) =>
        VerifyCoreAsync(pageId, token, cancellationToken);

    /// <summary>
    /// The unverified subscriber of <paramref name="pageId"/> whose verification token this is, or null when the token
    /// is unknown, used, expired, or belongs to another page's subscriber. Changes nothing (for a page that asks before
    /// confirming, so a link scanner that fetches the link confirms nothing).
    /// </summary>
    public async Task<Subscriber?> FindByVerificationTokenAsync(Guid pageId, string token, CancellationToken cancellationToken = default)
    {
        if (!IsTokenShaped(token))
        {
            return null;
        }

        var subscriber = await _store.FindSubscriberByVerifyTokenHashAsync(SecretTokens.Hash(token), cancellationToken);
        return subscriber is { IsVerified: false } && IsOf(subscriber, pageId) && !IsExpired(subscriber) ? subscriber : null;
    }

    /// <summary>
    /// Whether this is the verification token of an unconfirmed subscriber of <paramref name="pageId"/> that expired
    /// (<see cref="StatusPagesOptions.VerificationTokenLifetime"/> after it was issued): false for a token that still
    /// works, and for one that is unknown, used, or another page's. Changes nothing; lets a page tell an expired link
    /// (subscribe again for a fresh one) from an unknown one. Once the subscriber is cleaned up
    /// (<see cref="StatusPagesOptions.UnverifiedSubscriberRetention"/>), its token is unknown.
    /// </summary>
    public async Task<bool> IsVerificationTokenExpiredAsync(Guid pageId, string token, CancellationToken cancellationToken = default)
    {
        if (!IsTokenShaped(token))
        {
            return false;
        }

        var subscriber = await _store.FindSubscriberByVerifyTokenHashAsync(SecretTokens.Hash(token), cancellationToken);
        return subscriber is { IsVerified: false } && IsOf(subscriber, pageId) && IsExpired(subscriber);
    }

    /// <summary>Stops notifications for the subscriber whose unsubscribe token this is. False when the token is unknown.</summary>
    public Task<bool> UnsubscribeAsync(string token, CancellationToken cancellationToken = default) =>
        UnsubscribeCoreAsync(null, token, cancellationToken);

    /// <summary>
    /// Stops notifications for the subscriber of <paramref name="pageId"/> whose unsubscribe token this is. False,
    /// changing nothing, when the token is unknown or belongs to another page's subscriber.
    /// </summary>
    public Task<bool> UnsubscribeAsync(Guid pageId, string token, CancellationToken cancellationToken = default) =>
        UnsubscribeCoreAsync(pageId, token, cancellationToken);

    /// <summary>
    /// The subscriber of <paramref name="pageId"/> whose unsubscribe token this is, or null when the token is unknown
    /// or belongs to another page's subscriber. Changes nothing (for a page that asks before unsubscribing).
    /// </summary>
    public Task<Subscriber?> FindByUnsubscribeTokenAsync(Guid pageId, string token, CancellationToken cancellationToken = default) =>
        FindByUnsubscribeTokenCoreAsync(pageId, token, cancellationToken);

    /// <summary>
    /// Stops notifications for a subscriber, an operator's action: its <see cref="Subscriber.DeactivationReason"/> becomes
    /// <see cref="SubscriberDeactivationReason.Operator"/>, so <see cref="ReactivateAsync"/> can turn it back on. One
    /// already inactive is returned unchanged, keeping why it stopped.
    /// </summary>
    public Task<Subscriber> DeactivateAsync(Guid subscriberId, CancellationToken cancellationToken = default) =>
        DeactivateAsync(subscriberId, null, cancellationToken);

    /// <summary>
    /// Stops notifications for a subscriber like <see cref="DeactivateAsync(Guid, CancellationToken)"/>, when
    /// <paramref name="expectedVersion"/> is given only if it is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public Task<Subscriber> DeactivateAsync(Guid subscriberId, long? expectedVersion, CancellationToken cancellationToken = default) =>
        EditAsync(
            subscriberId,
            expectedVersion,
            AuditActions.SubscriberDeactivated,
            subscriber => subscriber.IsActive ? subscriber with { IsActive = false, DeactivationReason = SubscriberDeactivationReason.Operator } : subscriber,
            cancellationToken);

    /// <summary>
    /// Turns notifications back on for a subscriber an operator deactivated, or the dispatcher did because its destination
    /// was gone or kept failing (<see cref="SubscriberDeactivationReason.Operator"/>,
    /// <see cref="SubscriberDeactivationReason.DestinationGone"/>, <see cref="SubscriberDeactivationReason.DeadLetters"/>).
    /// It gets the notices written from then on; nothing dead-lettered is sent again. One that is active is returned
    /// unchanged (no write, same version). When <paramref name="expectedVersion"/> is given, only if the subscriber is
    /// still at that version (else <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    /// <exception cref="StatusKitNotFoundException">There is no such subscriber.</exception>
    /// <exception cref="StatusKitConflictException">
    /// The subscriber never confirmed its subscription, unsubscribed itself (or stopped for a reason not recorded, which
    /// may have been that), lost every component it followed, or followed an incident that was deleted (field
    /// <c>subscriberId</c>): only the destination can subscribe again.
    /// </exception>
    public Task<Subscriber> ReactivateAsync(Guid subscriberId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        EditAsync(subscriberId, expectedVersion, AuditActions.SubscriberReactivated, Reactivated, cancellationToken);

    // Whether an inactive subscriber stopped for a reason other than its own choice (as far as is known).
    /// <summary>
    /// Whether an operator may turn <paramref name="subscriber"/> (inactive) back on, or pre-verify it again: not when it
    /// unsubscribed itself or stopped for a reason not recorded (only it can subscribe again, by confirming).
    /// </summary>
    internal static bool MayBeTurnedBackOn(Subscriber subscriber) => subscriber.DeactivationReason
        is SubscriberDeactivationReason.Operator or SubscriberDeactivationReason.DestinationGone or SubscriberDeactivationReason.DeadLetters
        or SubscriberDeactivationReason.ComponentsDeleted or SubscriberDeactivationReason.IncidentDeleted;

    private Subscriber Reactivated(Subscriber subscriber)
    {
        if (!subscriber.IsVerified)
        {
            throw new StatusKitConflictException(
                "subscriberId", "The subscriber never confirmed its subscription; it starts getting notices once it follows its verification link.");
        }

        if (subscriber.IsActive)
        {
            return subscriber;
        }

        return (subscriber.DeactivationReason ?? SubscriberDeactivationReason.Unknown) switch
        {
            SubscriberDeactivationReason.Operator or SubscriberDeactivationReason.DestinationGone or SubscriberDeactivationReason.DeadLetters =>
                subscriber with { IsActive = true, DeactivationReason = null, ActivatedAt = _time.GetUtcNow() },
            SubscriberDeactivationReason.Unsubscribed => throw new StatusKitConflictException(
                "subscriberId", "The subscriber unsubscribed itself; only it can subscribe again."),
            SubscriberDeactivationReason.ComponentsDeleted => throw new StatusKitConflictException(
                "subscriberId", "Every component the subscriber followed was deleted; turned back on it would follow every component, so it has to subscribe again."),
            SubscriberDeactivationReason.IncidentDeleted => throw new StatusKitConflictException(
                "subscriberId", "The incident the subscriber followed was deleted; there is nothing left for it to hear, so it has to subscribe again."),
            _ => throw new StatusKitConflictException(
                "subscriberId", "The subscriber was deactivated before StatusKit recorded why, perhaps by unsubscribing; only it can subscribe again."),
        };
    }

    /// <summary>
    /// Replaces a webhook subscriber's signing secret with a new one (32 random bytes, base64), for a receiver that lost
    /// its secret or had it leaked. Every delivery sent from then on, retries of earlier notifications too, is signed with
    /// the new secret, and for <see cref="StatusPagesOptions.SigningSecretRotationOverlap"/> (default 24 hours) with the
    /// old one as well (<see cref="Subscriber.PreviousSigningSecret"/>), so a receiver can switch without refusing one; a
    /// second rotation within that time drops the oldest secret. When
    /// <paramref name="expectedVersion"/> is given, only if the subscriber is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing). The subscriber returned carries the new secret: the
    /// caller hands it to the receiver's owner, once.
    /// </summary>
    /// <exception cref="StatusKitNotFoundException">There is no such subscriber.</exception>
    /// <exception cref="StatusKitValidationException">The subscriber is not a webhook (field <c>channel</c>).</exception>
    public Task<Subscriber> RotateSigningSecretAsync(Guid subscriberId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        EditAsync(
            subscriberId,
            expectedVersion,
            AuditActions.SubscriberUpdated,
            subscriber => subscriber.Channel == SubscriberChannel.Webhook
                ? Rotated(subscriber)
                : throw new StatusKitValidationException(
                    "channel", $"Only webhook subscribers have a signing secret; this subscriber's channel is {subscriber.Channel}."),
            cancellationToken);

    /// <summary>
    /// Changes what a subscriber hears about, its components and events, as a subscriber would by subscribing again
    /// (which instead answers that it is subscribed): each is validated as <see cref="SubscribeAsync"/> validates it (the
    /// components must be on the subscriber's page, field <c>componentIds</c>; at least one event, field
    /// <c>notifyOn</c>), and what the request leaves null is kept. Nothing else changes: not the destination, tokens,
    /// verification or whether it is active (a deactivated subscriber stays so). A change moves the version; one that
    /// changes nothing (the same events, the same components in any order) writes nothing. When
    /// <see cref="UpdateSubscriber.ExpectedVersion"/> is given, only if the subscriber is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing); otherwise a concurrent change is read again and
    /// this change applied to it.
    /// </summary>
    /// <exception cref="StatusKitNotFoundException">There is no such subscriber (field <c>subscriberId</c>).</exception>
    /// <exception cref="StatusKitValidationException">
    /// A component is not on the page, or no event is chosen; or the subscriber follows one incident
    /// (<see cref="Subscriber.StatusIncidentId"/>), which has neither to choose, and the request names either.
    /// </exception>
    public Task<Subscriber> UpdateAsync(Guid subscriberId, UpdateSubscriber changes, CancellationToken cancellationToken = default) =>
        UpdateCoreAsync(subscriberId, changes, null, cancellationToken);

    /// <summary>
    /// The subscriber's own change of its components and events, on its manage page: for the subscriber of
    /// <paramref name="pageId"/> whose unsubscribe token this is, exactly as <see cref="UpdateAsync"/> changes them
    /// (validated the same, a change that changes nothing writes nothing), recorded in the audit log as made by
    /// <c>subscriber</c> whoever the caller is. Null, changing nothing, when the token is unknown or another page's.
    /// </summary>
    /// <exception cref="StatusKitNotFoundException">The subscriber was deleted meanwhile (field <c>subscriberId</c>).</exception>
    /// <exception cref="StatusKitValidationException">As for <see cref="UpdateAsync"/>.</exception>
    public async Task<Subscriber?> UpdateOwnChoiceAsync(Guid pageId, string token, UpdateSubscriber changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var subscriber = await FindByUnsubscribeTokenCoreAsync(pageId, token, cancellationToken);
        return subscriber is null
            ? null
            : await UpdateCoreAsync(subscriber.Id, changes with { ExpectedVersion = null }, AuditTrail.Subscriber, cancellationToken);
    }

    private async Task<Subscriber> UpdateCoreAsync(Guid subscriberId, UpdateSubscriber changes, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.NotifyOn is { } events)
        {
            RequireEvents(events);
        }

        Subscriber? before = null;
        var stored = await OptimisticEdit.ApplyAsync(
            "subscriber",
            subscriberId,
            changes.ExpectedVersion,
            async () => await _store.GetSubscriberAsync(subscriberId, cancellationToken)
                ?? throw new StatusKitNotFoundException("subscriber", subscriberId.ToString(), "subscriberId"),
            static s => s.Version,
            subscriber =>
            {
                before = subscriber;
                return ChangedAsync(subscriber, changes, cancellationToken);
            },
            subscriber => _store.UpdateSubscriberAsync(subscriber, [], cancellationToken));
        await RecordEditAsync(AuditActions.SubscriberUpdated, before!, stored, actor);
        return stored;
    }

    // The subscriber with the request's choice, or the very instance read when that is its choice already.
    private async Task<Subscriber> ChangedAsync(Subscriber subscriber, UpdateSubscriber changes, CancellationToken cancellationToken)
    {
        if (subscriber.StatusIncidentId is not null && (changes.ComponentIds is not null || changes.NotifyOn is not null))
        {
            throw new StatusKitValidationException(
                changes.ComponentIds is not null ? "componentIds" : "notifyOn",
                "This subscriber follows one incident and hears all of its updates; it has no components or events to choose.",
                ValidationCodes.IncidentFollowsAllUpdates);
        }

        var componentIds = changes.ComponentIds is null
            ? subscriber.ComponentIds
            : await _store.RequireComponentsOnPageAsync(subscriber.PageId, changes.ComponentIds, cancellationToken);
        var notifyOn = changes.NotifyOn ?? subscriber.NotifyOn;
        var sameComponents = componentIds.Count == subscriber.ComponentIds.Count && componentIds.All(subscriber.ComponentIds.Contains);
        return sameComponents && notifyOn == subscriber.NotifyOn
            ? subscriber
            : subscriber with { ComponentIds = componentIds, NotifyOn = notifyOn };
    }

    // The events a subscription may choose: at least one, and only those there are.
    // An operator's edit of a stored subscriber by compare-and-set, at expectedVersion when given (see OptimisticEdit).
    private async Task<Subscriber> EditAsync(
        Guid subscriberId, long? expectedVersion, string action, Func<Subscriber, Subscriber> edit, CancellationToken cancellationToken)
    {
        Subscriber? before = null;
        var stored = await OptimisticEdit.ApplyAsync(
            "subscriber",
            subscriberId,
            expectedVersion,
            async () => await _store.GetSubscriberAsync(subscriberId, cancellationToken)
                ?? throw new StatusKitNotFoundException("subscriber", subscriberId.ToString(), "subscriberId"),
            static s => s.Version,
            subscriber =>
            {
                before = subscriber;
                return Task.FromResult(edit(subscriber));
            },
            subscriber => _store.UpdateSubscriberAsync(subscriber, [], cancellationToken));
        await RecordEditAsync(action, before!, stored);
        return stored;
    }

    // The fields an edit changed, by name (a destination or secret is never recorded); none, nothing recorded. The
    // actor is the accessor's (an operator) unless given (the subscriber itself).
    private Task RecordEditAsync(string action, Subscriber before, Subscriber after, string? actor = null)
    {
        var fields = new AuditFields()
            .Add("isActive", before.IsActive, after.IsActive)
            .AddList("componentIds", before.ComponentIds, after.ComponentIds)
            .Add("notifyOn", before.NotifyOn, after.NotifyOn)
            .Add("signingSecret", before.SigningSecret, after.SigningSecret);
        return fields.Any ? _audit.RecordByAsync(actor, after.PageId, action, "subscriber", after.Id, fields.Names) : Task.CompletedTask;
    }

    /// <summary>
    /// Queues a test notice (<see cref="NotificationKind.Test"/>) to one subscriber, to check that its destination gets
    /// StatusKit's notices: after a subscriber says it never got anything, or after adding a Slack, Teams, Discord or webhook
    /// subscriber. The notice says it is a test sent by the page's operators and what the subscriber follows, with the
    /// links its channel's other notices carry (the page, managing the subscription, unsubscribing). It goes through the
    /// outbox like any notice, due at once: the dispatcher sends it on its next pass, retries it and dead-letters it as
    /// any other, and the delivery log (<see cref="NotificationLog"/>) shows how it went. It is never debounced, never
    /// held back by the hourly cap nor folded into its digest, and never supersedes another notice or is superseded by
    /// one (only by the subscriber unsubscribing or being deleted before it goes out). Answers the queued notice as the
    /// delivery log shows it (<see cref="NotificationState.Pending"/>).
    /// </summary>
    /// <remarks>
    /// One test at a time per subscriber, so a script that calls this in a loop cannot flood a destination: while a test
    /// to the subscriber is still pending (queued, being sent or waiting for a retry) another is refused. The check reads
    /// the outbox before it writes, so two calls racing each other may both queue a test; each call after that is
    /// refused until one of them is delivered or dead-lettered.
    /// </remarks>
    /// <exception cref="StatusKitNotFoundException">There is no such subscriber (field <c>subscriberId</c>).</exception>
    /// <exception cref="StatusKitConflictException">
    /// The subscriber is inactive (unsubscribed, or deactivated by an operator or a 410 Gone), or has not confirmed its
    /// subscription (an unconfirmed destination has not agreed to get messages: its verification message is its test),
    /// or a test to it is still pending; field <c>subscriberId</c>, the message says which.
    /// </exception>
    public async Task<NotificationLogEntry> SendTestNotificationAsync(Guid subscriberId, CancellationToken cancellationToken = default)
    {
        var subscriber = await _store.GetSubscriberAsync(subscriberId, cancellationToken)
            ?? throw new StatusKitNotFoundException("subscriber", subscriberId.ToString(), "subscriberId");
        if (!subscriber.IsActive)
        {
            throw new StatusKitConflictException(
                "subscriberId", "The subscriber is inactive (unsubscribed or deactivated): it gets no notices, so a test would never be sent.");
        }

        if (!subscriber.IsVerified)
        {
            throw new StatusKitConflictException(
                "subscriberId",
                "The subscriber has not confirmed its subscription: an unconfirmed destination has not agreed to get messages, and its verification message is its test. Ask it to confirm, or subscribe it again for a new verification message.");
        }

        var pending = await _store.ListNotificationsAsync(
            new NotificationQuery { SubscriberId = subscriber.Id, State = NotificationState.Pending, Take = int.MaxValue }, cancellationToken);
        if (pending.FirstOrDefault(n => n.Content.Kind == NotificationKind.Test) is { } queued)
        {
            throw new StatusKitConflictException(
                "subscriberId",
                $"A test notification to this subscriber ({queued.Id}) is still pending; send another once it is delivered or dead-lettered (see the subscriber's delivery log).");
        }

        var page = await _store.RequirePageAsync(subscriber.PageId, cancellationToken);
        var components = subscriber.ComponentIds.Count == 0 ? [] : await _store.ListComponentsAsync(page.Id, cancellationToken);
        var incident = subscriber.StatusIncidentId is { } incidentId ? await _store.GetStatusIncidentAsync(incidentId, cancellationToken) : null;
        var notice = TestNotice.For(page, components, subscriber, _time.GetUtcNow(), incident?.Title);
        await _store.EnqueueNotificationsAsync([notice], cancellationToken);
        Log.TestNotificationQueued(_logger, notice.Id, subscriber.Id, subscriber.Channel);
        return NotificationLogEntry.From(notice);
    }

    /// <summary>The subscriber with <paramref name="subscriberId"/>, or null.</summary>
    public Task<Subscriber?> GetAsync(Guid subscriberId, CancellationToken cancellationToken = default) =>
        _store.GetSubscriberAsync(subscriberId, cancellationToken);

    /// <summary>
    /// One page of a page's subscribers, the newest first: by creation time, then by id, both descending (a stable
    /// order, so pages read one after another neither repeat nor miss a subscriber). At most <paramref name="take"/> (1
    /// to 200) after skipping <paramref name="skip"/> (0 or more); a value out of range is a
    /// <see cref="StatusKitValidationException"/> naming it.
    /// </summary>
    public Task<IReadOnlyList<Subscriber>> ListAsync(Guid pageId, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        Guard.Range(skip, "skip", 0, int.MaxValue);
        Guard.Range(take, "take", 1, MaxPageSize);
        return _store.ListSubscribersAsync(pageId, skip, take, cancellationToken);
    }

    /// <summary>Deletes a subscriber (its sent notifications are kept). False when it did not exist.</summary>
    public Task<bool> DeleteAsync(Guid subscriberId, CancellationToken cancellationToken = default) =>
        DeleteAsync(subscriberId, null, cancellationToken);

    /// <summary>
    /// Deletes a subscriber like <see cref="DeleteAsync(Guid, CancellationToken)"/>, when given only if it is still at
    /// <paramref name="expectedVersion"/> (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). The
    /// version is checked by the store's delete itself, so a change that lands after the subscriber was read is never deleted
    /// unseen.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid subscriberId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        // Read first for the audit entry's page; the store's delete is still the compare-and-set.
        var subscriber = await _store.GetSubscriberAsync(subscriberId, cancellationToken);
        if (subscriber is null || !await _store.DeleteSubscriberAsync(subscriberId, expectedVersion, cancellationToken))
        {
            return false;
        }

        await _audit.RecordAsync(subscriber.PageId, AuditActions.SubscriberDeleted, "subscriber", subscriberId);
        return true;
    }

    // A leaked secret is replaced at once with no overlap configured; one that does not decode is not worth keeping.
    private Subscriber Rotated(Subscriber subscriber)
    {
        var keepPrevious = _rotationOverlap > TimeSpan.Zero && WebhookSignature.IsValidSecret(subscriber.SigningSecret);
        return subscriber with
        {
            SigningSecret = WebhookSignature.GenerateSecret(),
            PreviousSigningSecret = keepPrevious ? subscriber.SigningSecret : null,
            PreviousSigningSecretExpiresAt = keepPrevious ? _time.GetUtcNow() + _rotationOverlap : null,
        };
    }

    private async Task<Subscriber?> VerifyCoreAsync(Guid? pageId, string token, CancellationToken cancellationToken)
    {
        if (!IsTokenShaped(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        // A compare-and-set on the unverified subscriber: of two confirmations racing, one stores it and records it.
        var verified = await OptimisticEdit.RetryAsync(async () =>
        {
            var subscriber = await _store.FindSubscriberByVerifyTokenHashAsync(hash, cancellationToken);
            if (subscriber is null || subscriber.IsVerified || !IsOf(subscriber, pageId) || IsExpired(subscriber))
            {
                return null;
            }

            var confirmed = subscriber with { IsVerified = true, VerifyTokenHash = null, VerifyTokenIssuedAt = null };
            return (Subscriber?)await _store.UpdateSubscriberAsync(confirmed, [], cancellationToken);
        });
        if (verified is not null)
        {
            await _audit.RecordByAsync(AuditTrail.Subscriber, verified.PageId, AuditActions.SubscriberVerified, "subscriber", verified.Id, ["isVerified"]);
        }

        return verified;
    }

    private async Task<bool> UnsubscribeCoreAsync(Guid? pageId, string token, CancellationToken cancellationToken)
    {
        var (found, before, after) = await OptimisticEdit.RetryAsync(async () =>
        {
            var subscriber = await FindByUnsubscribeTokenCoreAsync(pageId, token, cancellationToken);
            if (subscriber is null)
            {
                return (false, null, null);
            }

            // One stopped for another reason records that it unsubscribed too, so no operator turns it back on.
            if (subscriber.IsActive || subscriber.DeactivationReason != SubscriberDeactivationReason.Unsubscribed)
            {
                var stored = await _store.UpdateSubscriberAsync(
                    subscriber with { IsActive = false, DeactivationReason = SubscriberDeactivationReason.Unsubscribed }, [], cancellationToken);
                return (true, subscriber, stored);
            }

            return (true, (Subscriber?)null, (Subscriber?)null);
        });

        // Only a change is recorded (a second click changes nothing): by compare-and-set, once.
        if (before is not null && after is not null)
        {
            var fields = new AuditFields()
                .Add("isActive", before.IsActive, after.IsActive)
                .Add("deactivationReason", before.DeactivationReason, after.DeactivationReason);
            await _audit.RecordByAsync(AuditTrail.Subscriber, after.PageId, AuditActions.SubscriberUnsubscribed, "subscriber", after.Id, fields.Names);
        }

        return found;
    }

    private async Task<Subscriber?> FindByUnsubscribeTokenCoreAsync(Guid? pageId, string token, CancellationToken cancellationToken)
    {
        if (!IsTokenShaped(token))
        {
            return null;
        }

        var subscriber = await _store.FindSubscriberByUnsubscribeTokenHashAsync(SecretTokens.Hash(token), cancellationToken);
        return subscriber is not null && IsOf(subscriber, pageId) ? subscriber : null;
    }

    // A token expires at the end of its lifetime: at issue time + lifetime it no longer works.
    private bool IsExpired(Subscriber subscriber) =>
        _time.GetUtcNow() - (subscriber.VerifyTokenIssuedAt ?? subscriber.CreatedAt) >= _tokenLifetime;

    private static bool IsOf(Subscriber subscriber, Guid? pageId) => pageId is not { } id || subscriber.PageId == id;

    private Notification VerificationMessage(StatusPage page, StatusIncident? incident, Subscriber subscriber, string token, DateTimeOffset now)
    {
        var link = _links.VerifyUrl(page.Slug, page.CustomDomain, token);
        // In the page's language, but for a webhook, which machines read: its words stay English.
        var texts = subscriber.Channel == SubscriberChannel.Webhook ? NoticeTexts.English : NoticeTexts.For(page.Language);
        // A follower of one incident confirms "your subscription to updates on "{title}" from {page}".
        var what = incident is null ? page.Name : texts.Format(texts.IncidentUpdatesFrom, incident.Title, page.Name);
        return new Notification
        {
            Id = Guid.CreateVersion7(now),
            PageId = page.Id,
            SubscriberId = subscriber.Id,
            Channel = subscriber.Channel,
            DeduplicationKey = VerificationKey.For(subscriber.Id, subscriber.VerifyTokenHash!),
            Content = new NotificationContent
            {
                Kind = NotificationKind.SubscriptionVerification,
                Subject = texts.Format(texts.ConfirmSubject, what),
                Body = VerificationBody(what, subscriber.Channel, token, link, texts),
                PageName = page.Name,
                PageSlug = page.Slug,
                Language = texts.ContentLanguage,
                Link = link?.AbsoluteUri,
                OccurredAt = now,
            },
            CreatedAt = now,
            DueAt = now,
        };
    }

    // A webhook receiver confirms with a POST, whose answer carries the secret that signs its deliveries (the
    // verification request itself is signed with it, so the receiver cannot check that one until it has confirmed).
    // The webhook's texts are for machines (and their developers), so they are English only.
    private static string VerificationBody(string what, SubscriberChannel channel, string token, Uri? link, NoticeTexts texts) => (channel, link) switch
    {
        (SubscriberChannel.Webhook, null) =>
            $"Confirm your subscription to {what} with a POST to the page's subscriptions/verify?token={token} (Accept: application/json); the answer carries the secret that signs every delivery.",
        (SubscriberChannel.Webhook, _) =>
            $"Confirm your subscription to {what} with a POST to {link} (Accept: application/json); the answer carries the secret that signs every delivery.",
        (_, null) => texts.Format(texts.ConfirmWithCode, what, token),
        _ => texts.Format(texts.ConfirmByOpening, what, link),
    };

    private static bool IsTokenShaped(string? token) => token is { Length: SecretTokens.Length };
}
