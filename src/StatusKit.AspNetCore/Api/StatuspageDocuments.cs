using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StatusKit.Abstractions;
using StatusKit.AspNetCore.Responses;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// Builds the Statuspage v2 documents of a page. Those made of the snapshot alone (<see cref="Prepare"/>) take its
/// version as ETag, and their bytes, with a public page's compressed forms, are memoised per (page, document): one entry
/// each that remembers the version and page URL it was built for, so a request for an unchanged page does no
/// serialisation at all and the memo cannot grow with the Host header (another URL or version replaces the entry), nor
/// keep a deleted page's documents (<see cref="Forget"/>, told by the change feed through
/// <see cref="Events.EventRelayService"/>). Those that also list resolved incidents or past windows read the store
/// (<see cref="ReadAsync"/>); the endpoints keep a public page's for a while (<see cref="Responses.KeptDocuments"/>).
/// </summary>
internal sealed class StatuspageDocuments
{
    private const int IncidentListSize = 50;
    private const int MinBufferSize = 4096;
    /// <summary>How the public JSON documents are written: escaping only what JSON requires (a '+' is '+', 'ü' is 'ü').</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<(Guid PageId, ApiDocument Document), Memoised> _memo = new();
    private readonly StatusIncidentService _incidents;
    private readonly IStatusStore _store;

    public StatuspageDocuments(StatusIncidentService incidents, IStatusStore store)
    {
        _incidents = incidents;
        _store = store;
    }

    /// <summary>Whether <paramref name="document"/> lists what the snapshot does not hold, and so is read from the store.</summary>
    public static bool ReadsStore(ApiDocument document) => document is ApiDocument.Incidents or ApiDocument.ScheduledMaintenances;

    /// <summary>
    /// <paramref name="document"/> (one made of the snapshot alone) of <paramref name="snapshot"/>'s page, tagged with
    /// the snapshot's version: made, or taken from the memo, only when asked (<see cref="PreparedDocument.Render"/>).
    /// </summary>
    public PreparedDocument Prepare(PageSnapshot snapshot, ApiDocument document, string pageUrl)
    {
        if (ReadsStore(document))
        {
            throw new ArgumentOutOfRangeException(nameof(document), document, "Not a snapshot-only document.");
        }

        var etag = $"\"{snapshot.Version}\"";
        return new(etag, snapshot.IsPublic, () =>
        {
            var key = (snapshot.PageId, document);
            var found = _memo.TryGetValue(key, out var entry);
            if (found && entry!.Document.EntityTag == etag && entry.PageUrl == pageUrl)
            {
                return entry.Document;
            }

            // The size of the page's previous version of this document, else, for the documents that list every
            // component, twice the snapshot's (a summary is about that), so the buffer rarely grows by doubling (each
            // doubling copies and leaves the old buffer to the collector).
            var sizeHint = found ? entry!.Document.Identity.Length + 1024
                : document is ApiDocument.Summary or ApiDocument.Components ? Math.Max(MinBufferSize, snapshot.Utf8Json.Length * 2)
                : MinBufferSize;
            var bytes = RenderFromSnapshot(snapshot, document, new StatuspageMapper(snapshot, pageUrl), sizeHint);
            var made = snapshot.IsPublic ? EncodedDocument.Compressed(bytes, etag) : EncodedDocument.Of(bytes, etag);
            _memo[key] = new Memoised(pageUrl, made);
            return made;
        });
    }

    /// <summary>
    /// The UTF-8 JSON of <paramref name="document"/> (one that lists resolved incidents or past windows,
    /// <see cref="ReadsStore"/>) of <paramref name="snapshot"/>'s page, read from the store now.
    /// </summary>
    public async Task<byte[]> ReadAsync(PageSnapshot snapshot, ApiDocument document, string pageUrl, CancellationToken cancellationToken)
    {
        var mapper = new StatuspageMapper(snapshot, pageUrl);
        switch (document)
        {
            case ApiDocument.Incidents:
            {
                var incidents = await _incidents.ListAsync(snapshot.PageId, take: IncidentListSize, cancellationToken: cancellationToken);
                return Serialize(new IncidentsDocument(mapper.Page(), [.. incidents.Select(mapper.Incident)]), StatuspageJsonContext.Default.IncidentsDocument, MinBufferSize);
            }

            case ApiDocument.ScheduledMaintenances:
            {
                // Read 50 at most, however many windows the page completed over the years.
                var completed = await _store.ListCompletedMaintenanceWindowsAsync(snapshot.PageId, 0, IncidentListSize, cancellationToken);
                var all = Current(mapper, snapshot.ActiveMaintenance, snapshot.UpcomingMaintenance)
                    .Concat(completed.Select(mapper.Maintenance))
                    .OrderByDescending(m => m.ScheduledFor)
                    .ToList();
                return Serialize(new ScheduledMaintenancesDocument(mapper.Page(), all), StatuspageJsonContext.Default.ScheduledMaintenancesDocument, MinBufferSize);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(document), document, "Not a document read from the store.");
        }
    }

    /// <summary>Drops the documents of a deleted page (<see cref="Engine.StatusChangeKind.PageDeleted"/>) from the memo.</summary>
    public void Forget(Guid pageId)
    {
        foreach (var document in Enum.GetValues<ApiDocument>())
        {
            _memo.TryRemove((pageId, document), out _);
        }
    }

    /// <summary>Whether the memo holds any document of <paramref name="pageId"/> (for tests).</summary>
    internal bool HoldsAnyOf(Guid pageId) => Enum.GetValues<ApiDocument>().Any(document => _memo.ContainsKey((pageId, document)));

    private static byte[] RenderFromSnapshot(PageSnapshot snapshot, ApiDocument document, StatuspageMapper mapper, int sizeHint) => document switch
    {
        ApiDocument.Summary => Serialize(
            new SummaryDocument(
                mapper.Page(),
                mapper.Components,
                [.. snapshot.UnresolvedIncidents.Select(mapper.Incident)],
                Current(mapper, snapshot.ActiveMaintenance, snapshot.UpcomingMaintenance),
                mapper.Status()),
            StatuspageJsonContext.Default.SummaryDocument, sizeHint),
        ApiDocument.Status => Serialize(new StatusDocument(mapper.Page(), mapper.Status()), StatuspageJsonContext.Default.StatusDocument, sizeHint),
        ApiDocument.Components => Serialize(new ComponentsDocument(mapper.Page(), mapper.Components), StatuspageJsonContext.Default.ComponentsDocument, sizeHint),
        ApiDocument.UnresolvedIncidents => Serialize(
            new IncidentsDocument(mapper.Page(), [.. snapshot.UnresolvedIncidents.Select(mapper.Incident)]),
            StatuspageJsonContext.Default.IncidentsDocument, sizeHint),
        ApiDocument.UpcomingMaintenances => Serialize(
            new ScheduledMaintenancesDocument(mapper.Page(), Current(mapper, snapshot.UpcomingMaintenance)),
            StatuspageJsonContext.Default.ScheduledMaintenancesDocument, sizeHint),
        ApiDocument.ActiveMaintenances => Serialize(
            new ScheduledMaintenancesDocument(mapper.Page(), Current(mapper, snapshot.ActiveMaintenance)),
            StatuspageJsonContext.Default.ScheduledMaintenancesDocument, sizeHint),
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "Not a snapshot-only document."),
    };

    /// <summary>
    /// One entry per window, with its first occurrence in <paramref name="lists"/> (so a recurring window in progress
    /// is listed with its active occurrence, not again with its next one): Statuspage lists a maintenance once.
    /// </summary>
    private static List<ApiScheduledMaintenance> Current(StatuspageMapper mapper, params IReadOnlyList<MaintenanceOccurrence>[] lists) =>
        [.. lists.SelectMany(occurrences => occurrences).DistinctBy(o => o.WindowId).Select(mapper.Maintenance)];

    /// <summary>Serialises straight to UTF-8, escaping only what JSON requires (so offsets read "+01:00", not "\\u002B01:00").</summary>
    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo, int sizeHint)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A document as built for one page URL and version.</summary>
    private sealed record Memoised(string PageUrl, EncodedDocument Document);
}
