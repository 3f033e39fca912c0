using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Shared;

namespace StatusKit.Services;

/// <summary>
/// Imports a page's subscribers in bulk: the last step of moving a page from Atlassian Statuspage (after its components,
/// <see cref="ComponentImportService"/>, whose names the rows use), or any list of people who asked to be told. Each row
/// becomes a subscriber of the page exactly as <see cref="SubscriberService.SubscribeAsync"/> creates one: the same
/// checks of the channel and destination (a URL that resolves to a private address refused as there), the same
/// tokens, the same webhook signing secret.
/// </summary>
/// <remarks>
/// <para>
/// Pre-verified by default: the subscribers confirmed their subscription where they come from, so each is active at once
/// and nothing is sent to it (no verification message, no welcome). Without pre-verifying, each gets the verification
/// message of a subscription and stays inactive until it confirms.
/// </para>
/// <para>
/// Idempotent and never against a subscriber's own choice: a destination the page already has (per channel, an email
/// address in any case) is left as it is (<see cref="SubscriberImportSkipReason.AlreadySubscribed"/>), and one that
/// unsubscribed itself, or stopped for a reason not recorded, is not subscribed again
/// (<see cref="SubscriberImportSkipReason.Unsubscribed"/>), pre-verified or not: only it can subscribe again. A row
/// repeating an earlier one's channel and destination is skipped (<see cref="SubscriberImportSkipReason.Duplicate"/>).
/// A row that breaks a rule is skipped (<see cref="SubscriberImportSkipReason.Invalid"/>, the message naming the row
/// and column) and the others are still imported; so is a row naming a component the page lacks, rather than
/// subscribing it to fewer components (it would miss notices it asked for) or to all (notices it did not ask for): its
/// names are reported in <see cref="SubscriberImportReport.UnknownComponents"/>, so the operator can create them and
/// import the same document again.
/// </para>
/// <para>
/// Every row is checked first (a URL destination's addresses looked up once), then the new subscribers are written
/// 500 at a time, each batch in one store call (<see cref="IStatusStore.AddSubscribersAsync"/>): 10,000 rows are
/// seconds of work on SQLite, not minutes. The store says which destinations the page has already as it writes, so two
/// imports of the same rows at once subscribe each destination once and, without pre-verifying, send it one
/// verification message. Cancellation is honoured between rows while checking and between batches while writing: the
/// batches written before it stay, and importing again skips them. A page deleted while the import runs ends it with
/// <see cref="StatusKitNotFoundException"/> (the batches written before went with the page). Destinations are never
/// logged, and never shown whole in the report (<see cref="SkippedSubscriber.Destination"/>).
/// </para>
/// </remarks>
public sealed class SubscriberImportService
{
    /// <summary>The most rows one import takes: 10,000.</summary>
    public const int MaxRows = 10_000;

    /// <summary>How many checked rows one store call writes (<see cref="IStatusStore.AddSubscribersAsync"/>).</summary>
    internal const int ChunkSize = 500;

    private readonly IStatusStore _store;
    private readonly SubscriberService _subscribers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal SubscriberImportService(IStatusStore store, SubscriberService subscribers, TimeProvider time, ILogger<SubscriberImportService> logger, AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _subscribers = subscribers;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Subscribes each row of <paramref name="rows"/> to the page <paramref name="pageId"/>, pre-verified unless
    /// <paramref name="preVerified"/> is false, and reports what it did with each one. Throws
    /// <see cref="StatusKitNotFoundException"/> for an unknown page (and for one deleted while the import runs, the
    /// batches written before going with it) and <see cref="StatusKitValidationException"/> naming
    /// <c>subscribers</c> (importing nothing) for more than <see cref="MaxRows"/> rows.
    /// </summary>
    public async Task<SubscriberImportReport> ImportAsync(
        Guid pageId, IReadOnlyList<ImportedSubscriber> rows, bool preVerified = true, CancellationToken cancellationToken = default)
    {
        Guard.Entries(rows);

        if (rows.Count > MaxRows)
        {
            throw new StatusKitValidationException(
                "subscribers", $"An import takes at most {MaxRows} subscribers; this one has {rows.Count}. Split it and import each part (importing again skips those already subscribed).");
        }

        var page = await _store.RequirePageAsync(pageId, cancellationToken);
        var names = new ComponentNameMatch(await _store.ListComponentsAsync(page.Id, cancellationToken));

        // Every row checked first (a URL's addresses looked up once), then the new ones written a batch at a time.
        var outcomes = new (ImportedSubscriberRecord? Imported, SkippedSubscriber? Skipped)[rows.Count];
        var candidates = new List<Candidate>();
        var seen = new HashSet<(SubscriberChannel, string)>();
        var unknownComponents = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (candidate, skipped) = await CheckRowAsync(rows[i], names, seen, unknownComponents, cancellationToken);
            if (candidate is not null)
            {
                candidates.Add(candidate with { Index = i });
            }
            else
            {
                outcomes[i] = (null, skipped);
            }
        }

        foreach (var chunk in candidates.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteAsync(page, chunk, preVerified, outcomes, cancellationToken);
        }

        var imported = outcomes.Where(static o => o.Imported is not null).Select(static o => o.Imported!).ToList();
        var skippedRows = outcomes.Where(static o => o.Skipped is not null).Select(static o => o.Skipped!).ToList();
        if (imported.Count > 0)
        {
            await _audit.RecordAsync(page.Id, AuditActions.SubscribersImported, "page", page.Id);
        }

        Log.SubscribersImported(_logger, page.Id, imported.Count, preVerified, skippedRows.Count, unknownComponents.Count);
        return new SubscriberImportReport { Imported = imported, Skipped = skippedRows, UnknownComponents = unknownComponents };
    }

    // A row checked as a subscription checks its request: its channel, destination (the address guard for URLs, once),
    // components and events; or why it is skipped. Whether the page has its destination is the store's to say.
    private async Task<(Candidate? Candidate, SkippedSubscriber? Skipped)> CheckRowAsync(
        ImportedSubscriber row,
        ComponentNameMatch names,
        HashSet<(SubscriberChannel, string)> seen,
        List<string> unknownComponents,
        CancellationToken cancellationToken)
    {
        if (ChannelOf(row.Channel) is not { } channel)
        {
            return (null, Invalid(row, null, "channel", $"'{QuotedValue.Of(row.Channel?.Trim())}' is not a channel StatusKit sends to (email, slack, webhook, teams, discord, sms)."));
        }

        string destination;
        try
        {
            destination = await _subscribers.ValidateDestinationAsync(channel, row.Destination ?? string.Empty, cancellationToken);
        }
        catch (StatusKitValidationException ex)
        {
            return (null, Invalid(row, channel, ex.Field == "destination" ? row.DestinationField : ex.Field ?? "destination", ex.Message));
        }

        if (!seen.Add((channel, SubscriberDestinations.Key(channel, destination))))
        {
            return (null, Skip(row, channel, SubscriberImportSkipReason.Duplicate, "An earlier row has the same channel and destination; only the first is imported."));
        }

        var (componentIds, unknown) = names.Match(row.Components);
        if (unknown.Count > 0)
        {
            ComponentNameMatch.AddOnce(unknownComponents, unknown);
            return (null, Invalid(
                row,
                channel,
                "components",
                $"The page has no component named {string.Join(", ", unknown.Select(n => $"'{QuotedValue.Of(n)}'"))}; the row is not imported rather than subscribed to other components than it chose. Create or import the component, then import the document again."));
        }

        try
        {
            SubscriberService.RequireEvents(row.NotifyOn);
        }
        catch (StatusKitValidationException ex)
        {
            return (null, Invalid(row, channel, ex.Field ?? "notifyOn", ex.Message));
        }

        return (new Candidate(row, channel, destination, componentIds), null);
    }

    // One store call for a batch of checked rows: the store adds those whose destination the page lacks, with their
    // verification messages, and names the subscriber holding each other's, so of two imports of one destination at
    // once exactly one subscribes it and sends its message.
    private async Task WriteAsync(
        StatusPage page,
        Candidate[] chunk,
        bool preVerified,
        (ImportedSubscriberRecord? Imported, SkippedSubscriber? Skipped)[] outcomes,
        CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var subscribers = new Subscriber[chunk.Length];
        var verifications = new List<Notification>(preVerified ? 0 : chunk.Length);
        for (var i = 0; i < chunk.Length; i++)
        {
            var c = chunk[i];
            var (subscriber, verification) = _subscribers.NewSubscriber(page, c.Channel, c.Destination, c.ComponentIds, c.Row.NotifyOn, preVerified, now);
            subscribers[i] = subscriber;
            if (verification is not null)
            {
                verifications.Add(verification);
            }
        }

        var outcome = await _store.AddSubscribersAsync(subscribers, verifications, cancellationToken);
        for (var i = 0; i < chunk.Length; i++)
        {
            var c = chunk[i];
            outcomes[c.Index] = outcome.Taken.TryGetValue(subscribers[i].Id, out var holder)
                ? (null, Existing(c.Row, c.Channel, holder))
                : (new ImportedSubscriberRecord(subscribers[i].Id, c.Channel, c.Row.Row), null);
        }
    }

    // Email when not named; else a channel by its name, as the routes read it (never by its number).
    private static SubscriberChannel? ChannelOf(string? name) =>
        string.IsNullOrWhiteSpace(name) ? SubscriberChannel.Email
        : ChannelNames.TryParse(name, out var channel) ? channel
        : null;

    private static SkippedSubscriber Existing(ImportedSubscriber row, SubscriberChannel channel, Subscriber existing) =>
        existing is { IsActive: false } && !SubscriberService.MayBeTurnedBackOn(existing)
            ? Skip(row, channel, SubscriberImportSkipReason.Unsubscribed, $"The destination unsubscribed from this page (subscriber {existing.Id}); only it can subscribe again, by confirming, so the import leaves it out.")
            : Skip(row, channel, SubscriberImportSkipReason.AlreadySubscribed, $"The page already has this destination (subscriber {existing.Id}, {StateOf(existing)}); it was left as it is.");

    private static string StateOf(Subscriber subscriber) => subscriber switch
    {
        { IsActive: false } => "stopped by an operator or by failed deliveries: reactivate it to turn it back on",
        { IsVerified: false } => "waiting for its confirmation",
        _ => "confirmed",
    };

    private static SkippedSubscriber Invalid(ImportedSubscriber row, SubscriberChannel? channel, string column, string message) =>
        new(row.Row,
            DestinationMask.Of(channel, row.Destination),
            SubscriberImportSkipReason.Invalid,
            $"Row {row.Row}, column {column}: {DestinationMask.In(message, channel, row.Destination)}");

    private static SkippedSubscriber Skip(ImportedSubscriber row, SubscriberChannel channel, SubscriberImportSkipReason reason, string message) =>
        new(row.Row, DestinationMask.Of(channel, row.Destination), reason, $"Row {row.Row}: {message}");

    // A row that passed its checks: what its subscriber is made of, and its place among the rows.
    private sealed record Candidate(ImportedSubscriber Row, SubscriberChannel Channel, string Destination, IReadOnlyList<Guid> ComponentIds)
    {
        public int Index { get; init; }
    }
}
