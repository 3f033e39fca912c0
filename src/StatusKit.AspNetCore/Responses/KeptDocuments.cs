using System.Collections.Concurrent;
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
/// readers who miss together wait for one render (<see cref="GetOrRenderAsync"/>). Bounded by bytes: when full, a
/// document is sent without being kept; those that aged out are let go whenever another is kept.
/// </summary>
internal sealed class KeptDocuments
{
    /// <summary>The most bytes kept (all forms of all documents) unless told otherwise.</summary>
    public const long DefaultBudget = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<(Guid PageId, string Variant), Entry> _entries = new();
    private readonly ConcurrentDictionary<(Guid PageId, string Variant, string Version), Lazy<Task<EncodedDocument?>>> _renders = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly long _budget;
    private long _size;
    private long _generation;

    public KeptDocuments(TimeProvider time, IOptions<StatusPageEndpointOptions> options)
        : this(time, options.Value.PublicCacheMaxAge, DefaultBudget)
    {
    }

    internal KeptDocuments(TimeProvider time, TimeSpan maxAge, long budget)
    {
        _time = time;
        _maxAge = maxAge;
        _budget = budget;
    }

    /// <summary>
    /// Counts <see cref="Clear"/>s: taken before a render and handed to <see cref="Keep"/>, so a render that read what a
    /// write then changed is not kept after the write let the kept documents go.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many bytes are kept now.</summary>
    internal long Size => Interlocked.Read(ref _size);

    /// <summary>
    /// Whether the documents of <paramref name="snapshot"/>'s page may come from, and go into, the cache: a public page
    /// (one read with a token in its URL is sent to its URL without it first), on a host that lets shared caches keep
    /// documents at all.
    /// </summary>
    public bool Applies(PageSnapshot snapshot) => _maxAge > TimeSpan.Zero && snapshot.IsPublic;

    /// <summary>
    /// The kept rendering of <paramref name="variant"/> (a route with its parameters and the page's path or URL) of
    /// <paramref name="snapshot"/>'s page, when it was made from this snapshot and is younger than the age.
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
    /// is kept for the others.
    /// </summary>
    public async Task<EncodedDocument?> GetOrRenderAsync(PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> render)
    {
        if (Find(snapshot, variant) is { } kept)
        {
            return kept;
        }

        var key = (snapshot.PageId, variant, snapshot.Version);
        var shared = _renders.GetOrAdd(key, _ => new Lazy<Task<EncodedDocument?>>(() => RenderAndKeepAsync(snapshot, variant, render, key)));
        return await shared.Value;
    }

    private async Task<EncodedDocument?> RenderAndKeepAsync(
        PageSnapshot snapshot, string variant, Func<CancellationToken, Task<byte[]?>> render, (Guid, string, string) key)
    {
        try
        {
            var generation = Generation;
            if (await render(CancellationToken.None) is not { } bytes)
            {
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
    /// Keeps <paramref name="document"/> as <paramref name="variant"/> of <paramref name="snapshot"/>'s page, if it fits
    /// and nothing was cleared since <paramref name="generation"/> (<see cref="Generation"/> before the render).
    /// </summary>
    public void Keep(PageSnapshot snapshot, string variant, EncodedDocument document, long generation)
    {
        var now = _time.GetUtcNow();
        var key = (snapshot.PageId, variant);
        lock (_gate)
        {
            if (_entries.TryRemove(key, out var replaced))
            {
                _size -= replaced.Document.Size;
            }

            RemoveExpired(now);
            if (generation == _generation && _size + document.Size <= _budget)
            {
                _entries[key] = new Entry(snapshot.Version, now, document);
                _size += document.Size;
            }
        }
    }

    /// <summary>Lets go of every kept document, so each is made again when next read.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _size = 0;
            Interlocked.Increment(ref _generation);
        }
    }

    private bool IsCurrent(Entry entry, string version, DateTimeOffset now) =>
        entry.Version == version && IsYoung(entry, now);

    private bool IsYoung(Entry entry, DateTimeOffset now) => now >= entry.KeptAt && now - entry.KeptAt < _maxAge;

    // Under the gate. Entries of a snapshot since replaced go when they age out too, as this cannot tell them.
    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!IsYoung(entry, now) && _entries.TryRemove(key, out var removed))
            {
                _size -= removed.Document.Size;
            }
        }
    }

    private sealed record Entry(string Version, DateTimeOffset KeptAt, EncodedDocument Document);
}
