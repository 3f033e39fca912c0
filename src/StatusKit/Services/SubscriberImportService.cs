using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Model;
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
/// One subscriber at a time, each saved by itself, so cancellation is honoured between rows: those imported before it
/// stay, and importing again skips them. Destinations are never logged, and never shown whole in the report
/// (<see cref="SkippedSubscriber.Destination"/>).
/// </para>
/// </remarks>
public sealed class SubscriberImportService
{
    /// <summary>The most rows one import takes: 10,000.</summary>
    public const int MaxRows = 10_000;

    private readonly IStatusStore _store;
    private readonly SubscriberService _subscribers;
    private readonly ILogger _logger;
    private readonly AuditTrail _audit;

    internal SubscriberImportService(IStatusStore store, SubscriberService subscribers, ILogger<SubscriberImportService> logger, AuditTrail audit)
    {
        _audit = audit;
        _store = store;
        _subscribers = subscribers;
        _logger = logger;
    }

    /// <summary>
    /// Subscribes each row of <paramref name="rows"/> to the page <paramref name="pageId"/>, pre-verified unless
    /// <paramref name="preVerified"/> is false, and reports what it did with each one. Throws
    /// <see cref="StatusKitNotFoundException"/> for an unknown page and <see cref="StatusKitValidationException"/> naming
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
        var seen = new HashSet<(SubscriberChannel, string)>();
        var imported = new List<ImportedSubscriberRecord>();
        var skipped = new List<SkippedSubscriber>();
        var unknownComponents = new List<string>();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await ImportRowAsync(page.Id, row, preVerified, names, seen, unknownComponents, cancellationToken);
            if (outcome.Imported is { } record)
            {
                imported.Add(record);
            }
            else
            {
                skipped.Add(outcome.Skipped!);
            }
        }

        if (imported.Count > 0)
        {
            await _audit.RecordAsync(page.Id, AuditActions.SubscribersImported, "page", page.Id);
        }

        Log.SubscribersImported(_logger, page.Id, imported.Count, preVerified, skipped.Count, unknownComponents.Count);
        return new SubscriberImportReport { Imported = imported, Skipped = skipped, UnknownComponents = unknownComponents };
    }

    private async Task<(ImportedSubscriberRecord? Imported, SkippedSubscriber? Skipped)> ImportRowAsync(
        Guid pageId,
        ImportedSubscriber row,
        bool preVerified,
        ComponentNameMatch names,
        HashSet<(SubscriberChannel, string)> seen,
        List<string> unknownComponents,
        CancellationToken cancellationToken)
    {
        if (ChannelOf(row.Channel) is not { } channel)
        {
            return (null, Invalid(row, null, "channel", $"'{row.Channel?.Trim()}' is not a channel StatusKit sends to (email, slack, webhook, teams, discord)."));
        }

        string destination;
        try
        {
            // The check a subscription makes (the address guard for URLs), here to compare the row with those before it.
            destination = await _subscribers.ValidateDestinationAsync(channel, row.Destination ?? string.Empty, cancellationToken);
        }
        catch (StatusKitValidationException ex)
        {
            return (null, Invalid(row, channel, ex.Field == "destination" ? row.DestinationField : ex.Field ?? "destination", ex.Message));
        }

        var key = (channel, SubscriberDestinations.Key(channel, destination));
        if (!seen.Add(key))
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
                $"The page has no component named {string.Join(", ", unknown.Select(n => $"'{n}'"))}; the row is not imported rather than subscribed to other components than it chose. Create or import the component, then import the document again."));
        }

        if (await _store.FindSubscriberByDestinationAsync(pageId, channel, destination, cancellationToken) is { } existing)
        {
            return (null, Existing(row, channel, existing));
        }

        try
        {
            var subscription = await _subscribers.SubscribeCoreAsync(
                new Subscribe
                {
                    PageId = pageId,
                    Channel = channel,
                    Destination = destination,
                    ComponentIds = componentIds,
                    NotifyOn = row.NotifyOn,
                    PreVerified = preVerified,
                },
                record: false,
                cancellationToken);
            return (new ImportedSubscriberRecord(subscription.Subscriber.Id, channel, row.Row), null);
        }
        catch (StatusKitConflictException)
        {
            // Subscribed meanwhile (by itself, an operator, another import): left as it is, whatever it is now.
            var now = await _store.FindSubscriberByDestinationAsync(pageId, channel, destination, cancellationToken);
            return (null, now is null
                ? Skip(row, channel, SubscriberImportSkipReason.AlreadySubscribed, "The destination was subscribed while the import ran; it was left as it is.")
                : Existing(row, channel, now));
        }
        catch (StatusKitValidationException ex)
        {
            return (null, Invalid(row, channel, ex.Field == "destination" ? row.DestinationField : ex.Field ?? "destination", ex.Message));
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
}
