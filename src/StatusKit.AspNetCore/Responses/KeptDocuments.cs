using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Responses;

/// <summary>
/// The documents of public status pages as last made on this host (their HTML pages, and the Statuspage documents and
/// metrics that read the store), so the many readers of a page during an outage are sent bytes instead of each costing
/// a render and its store reads. A document is kept for as long as shared caches may keep it anyway
/// (<see cref="StatusPageEndpointOptions.PublicCacheMaxAge"/>) and only while the page's snapshot is the one it was made
/// from: a status change, an incident update or a maintenance window starting is shown at once, while what changes
/// without the snapshot (metric points, uptime, edits to resolved incidents) is shown within that age, or at once after
/// a write through this host's admin API (<see cref="Admin.AdminWritesRenderAgain"/>). Private pages' documents are
/// never kept. Kept documents hold their compressed forms too (<see cref="EncodedDocument.Compressed(byte[])"/>), and
/// readers who miss together wait for one render (<see cref="GetOrRenderAsync"/>).
/// </summary>
/// <remarks>
/// A document no longer current is still held as the page's last rendering: when a render fails (the store is down,
/// which is itself an outage the page may be reporting), its readers are sent that rendering instead of an error, and it
/// is kept anew for the age, so the store is tried once an age, not once a request. Bounded by bytes: the documents no
/// longer current go first, the oldest first, when a new one needs room; when the current ones fill the budget, a
/// document is sent without being kept.
/// </remarks>
internal sealed class KeptDocuments
{
    /// <summary>The most bytes kept (all forms of all documents) unless told otherwise.</summary>
    public const long DefaultBudget = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<(Guid PageId, string Variant), Entry> _entries = new();
    private readonly ConcurrentDictionary<(Guid PageId, string Variant, string Version, long Generation), Lazy<Task<EncodedDocument?>>> _renders = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly long _budget;
    private readonly ILogger _logger;
    private long _size;
    private long _generation;

    public KeptDocuments(TimeProvider time, IOptions<StatusPageEndpointOptions> options, ILogger<KeptDocuments> logger)
        : this(time, options.Value.PublicCacheMaxAge, DefaultBudget, logger)
    {
    }

    internal KeptDocuments(TimeProvider time, TimeSpan maxAge, long budget, ILogger? logger = null)
    {
        _time = time;
        _maxAge = maxAge;
        _budget = budget;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Counts <see cref="Clear"/>s: taken before a render and handed to <see cref="Keep"/>, so a render that read what a
    /// write then changed is not kept after the write let the kept documents go.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many bytes are held now, the last renderings no longer current included.</summary>
    internal long Size => Interlocked.Read(ref _size);

    /// <summary>
    /// Whether the documents of <paramref name="snapshot"/>'s page may come from, and go into, the cache: a public page
    /// (one read with a token in its URL is sent to its URL without it first), on a host that lets shared caches keep
    /// documents at all.
    /// </summary>
    public bool Applies(PageSnapshot snapshot) => _maxAge > TimeSpan.Zero && snapshot.IsPublic;

    /// <summary>
    /// The kept rendering of <paramref name="variant"/> (a route with its parameters and the page's path or URL) of
    /// <paramref name="snapshot"/>'s page, when it was made from this snapshot, is younger than the age, and no
    /// <see cref="Clear"/> came since.
    /// </summary>
    public EncodedDocument? Find(PageSnapshot snapshot, string variant) =>
        _entries.TryGetValue((snapshot.PageId, variant), out var entry) && IsCurrent(entry, snapshot.Version, _time.GetUtcNow())
            ? entry.Document
            : null;

    /// <summary>
    /// The document of <paramref name="variant"/> of <paramref name="snapshot"/>'s page for one request: kept, or made and
    /// kept (<see cref="GetOrRenderAsync"/>), when the page's documents may be (<see cref="Applies"/>); else made by
    /// <paramref name="render"/> for this request alone (cancelled with it, <paramref name="requestAborted"/>), as it is.
    /// Null when <paramref name="render"/> makes none.
    /// </summary>
    public async Task<EncodedDocument?> GetAsync(
        PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> render, CancellationToken requestAborted) =>
        Applies(snapshot) ? await GetOrRenderAsync(snapshot, variant, render)
        : await render(requestAborted) is { } bytes ? EncodedDocument.Of(bytes)
        : null;

    /// <summary>
    /// The kept rendering of <paramref name="variant"/> of <paramref name="snapshot"/>'s page (<see cref="Find"/>), else
    /// the one <paramref name="render"/> makes (its bytes, tagged by their content; null: none, which is not kept), with
    /// its compressed forms, kept. Readers who miss together wait for one render: when a kept document ages out under
    /// load, the hundreds of requests of the next few milliseconds would otherwise each render it (a page of 200
    /// components: 4 ms and 3.6 MB). So the render is not cancelled with any one reader's request; it runs to its end and
    /// is kept for the others. When the render fails, the last rendering held is sent and kept anew (see the remarks);
    /// without one, the failure is the readers'.
    /// </summary>
    public async Task<EncodedDocument?> GetOrRenderAsync(PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> render)
    {
        if (Find(snapshot, variant) is { } kept)
        {
            return kept;
        }

        // A render begun before a Clear is joined by no reader who comes after it: that reader was promised the write
        // the Clear stands for, which the older render may not have read.
        var key = (snapshot.PageId, variant, snapshot.Version, Generation);
        var shared = _renders.GetOrAdd(key, _ => new Lazy<Task<EncodedDocument?>>(() => RenderAndKeepAsync(snapshot, variant, render, key)));
        return await shared.Value;
    }

    private async Task<EncodedDocument?> RenderAndKeepAsync(
        PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> render, (Guid, string, string, long Generation) key)
    {
        try
        {
            var generation = key.Generation;
            byte[]? bytes;
            try
            {
                bytes = await render(CancellationToken.None);
            }
            catch (Exception exception) when (_entries.TryGetValue((snapshot.PageId, variant), out var last))
            {
                Log.LastRenderingServed(_logger, variant, snapshot.PageId, _time.GetUtcNow() - last.KeptAt, exception);
                Keep(snapshot, variant, last.Document, generation);
                return last.Document;
            }

            if (bytes is null)
            {
                // Gone (an incident deleted, say): no earlier rendering of it may stand in for it later.
                Forget(snapshot.PageId, variant);
                return null;
            }

            var document = EncodedDocument.Compressed(bytes);
            Keep(snapshot, variant, document, generation);
            return document;
        }
        finally
        {
            _renders.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Keeps <paramref name="document"/> as <paramref name="variant"/> of <paramref name="snapshot"/>'s page, if nothing
    /// was cleared since <paramref name="generation"/> (<see cref="Generation"/> before the render) and it fits, once the
    /// documents no longer current made room.
    /// </summary>
    public void Keep(PageSnapshot snapshot, string variant, EncodedDocument document, long generation)
    {
        var now = _time.GetUtcNow();
        var key = (snapshot.PageId, variant);
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            if (_entries.TryRemove(key, out var replaced))
            {
                _size -= replaced.Document.Size;
            }

            MakeRoom(document.Size, now);
            if (_size + document.Size <= _budget)
            {
                _entries[key] = new Entry(snapshot.Version, now, _generation, document);
                _size += document.Size;
            }
        }
    }

    /// <summary>
    /// Lets go of every kept document as current, so each is made again when next read; each is still held as its
    /// variant's last rendering until a new one replaces it or the budget needs its room.
    /// </summary>
    public void Clear()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    private void Forget(Guid pageId, string variant)
    {
        lock (_gate)
        {
            if (_entries.TryRemove((pageId, variant), out var removed))
            {
                _size -= removed.Document.Size;
            }
        }
    }

    private bool IsCurrent(Entry entry, string version, DateTimeOffset now) =>
        entry.Version == version && entry.Generation == Generation && now >= entry.KeptAt && now - entry.KeptAt < _maxAge;

    // Under the gate: lets go of documents no longer current, the oldest first, until needed more bytes fit (or none is left
    // to let go). Current ones are never let go for another: what does not fit then is sent without being kept.
    private void MakeRoom(long needed, DateTimeOffset now)
    {
        if (_size + needed <= _budget)
        {
            return;
        }

        foreach (var (key, entry) in _entries.Where(e => !IsCurrent(e.Value, e.Value.Version, now)).OrderBy(e => e.Value.KeptAt).ToList())
        {
            if (_size + needed <= _budget)
            {
                return;
            }

            if (_entries.TryRemove(key, out var removed))
            {
                _size -= removed.Document.Size;
            }
        }
    }

    private sealed record Entry(string Version, DateTimeOffset KeptAt, long Generation, EncodedDocument Document);
}
