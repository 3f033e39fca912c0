using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Api;

/// <summary>
/// Builds the Statuspage v2 documents of a page and memoises their UTF-8 bytes per (page, document), one entry each
/// that remembers the version and page URL it was built for, so a request for an unchanged page does no serialisation
/// at all and the memo cannot grow with the Host header (another URL or version replaces the entry), nor keep a deleted
/// page's documents (<see cref="Forget"/>, told by the change feed through <see cref="Events.EventRelayService"/>). Documents made
/// only of the snapshot take its version as ETag; those that also list resolved incidents or past windows add a hash
/// of their ids and change times, computed without serialising.
/// </summary>
internal sealed class StatuspageDocuments
{
    private const int IncidentListSize = 50;
    private const int MinBufferSize = 4096;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<(Guid PageId, ApiDocument Document), Memoised> _memo = new();
    private readonly StatusIncidentService _incidents;
    private readonly IStatusStore _store;

    public StatuspageDocuments(StatusIncidentService incidents, IStatusStore store)
    {
        _incidents = incidents;
        _store = store;
    }

    public async Task<PreparedDocument> PrepareAsync(PageSnapshot snapshot, ApiDocument document, string pageUrl, CancellationToken cancellationToken)
    {
        switch (document)
        {
            case ApiDocument.Incidents:
            {
                var incidents = await _incidents.ListAsync(snapshot.PageId, take: IncidentListSize, cancellationToken: cancellationToken);
                var etag = Tag(snapshot.Version, Fingerprint(incidents));
                return Prepared(snapshot, document, pageUrl, etag, (mapper, sizeHint) =>
                    Serialize(new IncidentsDocument(mapper.Page(), [.. incidents.Select(mapper.Incident)]), StatuspageJsonContext.Default.IncidentsDocument, sizeHint));
            }

            case ApiDocument.ScheduledMaintenances:
            {
                // Read 50 at most, however many windows the page completed over the years.
                var completed = await _store.ListCompletedMaintenanceWindowsAsync(snapshot.PageId, 0, IncidentListSize, cancellationToken);
                var etag = Tag(snapshot.Version, Fingerprint(completed));
                return Prepared(snapshot, document, pageUrl, etag, (mapper, sizeHint) =>
                {
                    var all = Current(mapper, snapshot.ActiveMaintenance, snapshot.UpcomingMaintenance)
                        .Concat(completed.Select(mapper.Maintenance))
                        .OrderByDescending(m => m.ScheduledFor)
                        .ToList();
                    return Serialize(new ScheduledMaintenancesDocument(mapper.Page(), all), StatuspageJsonContext.Default.ScheduledMaintenancesDocument, sizeHint);
                });
            }

            default:
                return Prepared(snapshot, document, pageUrl, Tag(snapshot.Version, null), (mapper, sizeHint) => RenderFromSnapshot(snapshot, document, mapper, sizeHint));
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

    // render maps and serialises the document, given a guess of its size in bytes.
    private PreparedDocument Prepared(PageSnapshot snapshot, ApiDocument document, string pageUrl, string etag, Func<StatuspageMapper, int, byte[]> render) =>
        new(etag, () =>
        {
            var key = (snapshot.PageId, document);
            var found = _memo.TryGetValue(key, out var entry);
            if (found && entry!.ETag == etag && entry.PageUrl == pageUrl)
            {
                return entry.Bytes;
            }

            // The size of the page's previous version of this document, else, for the documents that list every
            // component, twice the snapshot's (a summary is about that), so the buffer rarely grows by doubling (each
            // doubling copies and leaves the old buffer to the collector).
            var sizeHint = found ? entry!.Bytes.Length + 1024
                : document is ApiDocument.Summary or ApiDocument.Components ? Math.Max(MinBufferSize, snapshot.Utf8Json.Length * 2)
                : MinBufferSize;
            var bytes = render(new StatuspageMapper(snapshot, pageUrl), sizeHint);
            _memo[key] = new Memoised(pageUrl, etag, bytes);
            return bytes;
        });

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

    private static string Tag(string version, string? suffix) => suffix is null ? $"\"{version}\"" : $"\"{version}.{suffix}\"";

    private static string Fingerprint(IReadOnlyList<StatusIncident> incidents)
    {
        var text = new StringBuilder(incidents.Count * 48);
        foreach (var incident in incidents)
        {
            text.Append(incident.Id.ToString("N")).Append(':').Append(incident.UpdatedAt.UtcTicks).Append(':').Append(incident.Updates.Count).Append(';');
        }

        return Hash(text.ToString());
    }

    private static string Fingerprint(IReadOnlyList<MaintenanceWindow> windows)
    {
        var text = new StringBuilder(windows.Count * 48);
        foreach (var window in windows)
        {
            text.Append(window.Id.ToString("N")).Append(':').Append(window.Version).Append(':').Append(window.UpdatedAt.UtcTicks).Append(';');
        }

        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));

    /// <summary>The bytes of a document as built for one page URL and ETag.</summary>
    private sealed record Memoised(string PageUrl, string ETag, byte[] Bytes);
}
