using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StatusKit.Snapshots;

namespace StatusKit.Serialization;

/// <summary>
/// Stamps page snapshots with their build time and content version and writes their UTF-8 JSON once, copying the JSON
/// (and the hash) of components that are unchanged since the page's previous snapshot instead of serialising (and
/// hashing) them again. Thread-safe; one per snapshot builder.
/// </summary>
/// <remarks>
/// <para>The page itself is serialised with an empty component list, <see cref="PageSnapshot.GeneratedAt"/> and a
/// placeholder version of <see cref="VersionLength"/> zeros, and the components' JSON is spliced into its
/// <c>"components":[]</c>. An array's elements are written one after another with a comma between them, whatever
/// their context, so the result is byte for byte what serialising the whole snapshot gives.</para>
/// <para>The version is a pure function of the content: <c>generatedAt</c> and <c>version</c> are the last properties
/// (pinned by <c>[JsonPropertyOrder]</c>), so the page's JSON before <c>,"generatedAt":</c> is its content without the
/// components. The version is the first 16 bytes, in lower-case hex written over the placeholder (hex needs no JSON
/// escaping), of the SHA-256 of: the SHA-256 of that page part, then the SHA-256 of the JSON of each group of
/// 16 components in order. Groups make a change of a few components rehash ~4 KB instead of the whole page.</para>
/// </remarks>
internal sealed class PageSnapshotWriter
{
    /// <summary>The length of a version: 16 bytes in hex.</summary>
    public const int VersionLength = 32;

    private const int VersionHashBytes = VersionLength / 2;

    // A component with a sentence of description is ~250 bytes; the buffer grows when they are longer.
    private const int EstimatedComponentLength = 320;

    // How many components one digest covers (~4 KB of JSON): a change rehashes its group only, and a page of n
    // components costs n / 16 + 2 hash calls (~0.4 µs of overhead each) when nothing can be copied.
    private const int ComponentsPerDigest = 16;
    private static readonly string Placeholder = new('0', VersionLength);

    // Per page: the components of the last snapshot written and where their JSON sits in its bytes.
    private readonly ConcurrentDictionary<Guid, ComponentsLayout> _layouts = new();

    private static ReadOnlySpan<byte> ComponentsKey => ",\"components\":[]"u8;

    private static ReadOnlySpan<byte> GeneratedAtKey => ",\"generatedAt\":"u8;

    private static ReadOnlySpan<byte> VersionKey => ",\"version\":\""u8;

    private static ReadOnlySpan<byte> End => "\"}"u8;

    /// <summary>
    /// <paramref name="content"/> with <see cref="PageSnapshot.GeneratedAt"/> set to <paramref name="generatedAt"/>,
    /// <see cref="PageSnapshot.Version"/> set to the hash of the rest of its content, and
    /// <see cref="PageSnapshot.Utf8Json"/> set to its serialisation. The writer keeps the component list to compare the
    /// page's next snapshot with, so the list must not change afterwards (the builder passes a new array each time).
    /// </summary>
    public PageSnapshot Stamp(PageSnapshot content, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        var page = content with { Components = [], GeneratedAt = generatedAt, Version = Placeholder, Utf8Json = default };
        var pageJson = JsonSerializer.SerializeToUtf8Bytes(page, StatusKitJsonContext.Default.PageSnapshot);
        var (componentsAt, contentEnd) = Locate(pageJson);

        // Where each component's JSON comes from: the previous snapshot's bytes, or `fresh`.
        var components = content.Components;
        var previous = _layouts.GetValueOrDefault(content.PageId);
        var sources = new byte[components.Count][];
        var starts = new int[components.Count];
        var lengths = new int[components.Count];
        var fresh = WriteChangedComponents(components, previous, sources, starts, lengths);

        var componentsLength = Math.Max(components.Count - 1, 0);
        foreach (var length in lengths)
        {
            componentsLength += length;
        }

        // pageJson with "[" + the components joined by "," + "]" in place of its "[]".
        var json = new byte[pageJson.Length + componentsLength];
        var arrayAt = componentsAt + ComponentsKey.Length - 1; // the "]"
        pageJson.AsSpan(0, arrayAt).CopyTo(json);
        var at = arrayAt;
        for (var i = 0; i < components.Count; i++)
        {
            if (i > 0)
            {
                json[at++] = (byte)',';
            }

            ReadOnlySpan<byte> source = sources[i] is { } reused ? reused : fresh!.WrittenSpan;
            source.Slice(starts[i], lengths[i]).CopyTo(json.AsSpan(at));
            starts[i] = at;
            at += lengths[i];
        }

        pageJson.AsSpan(arrayAt).CopyTo(json.AsSpan(at));

        var digests = Digests(pageJson.AsSpan(0, contentEnd), json, sources, starts, lengths, previous);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(digests, hash);
        var version = Convert.ToHexStringLower(hash[..VersionHashBytes]);
        Encoding.ASCII.GetBytes(version, json.AsSpan(json.Length - End.Length - VersionLength, VersionLength));

        _layouts[content.PageId] = new ComponentsLayout(components, json, starts, lengths, digests);
        return page with { Components = components, Version = version, Utf8Json = json };
    }

    /// <summary>The components of the last snapshot written for a page, or null when none was (or it was forgotten).</summary>
    public IReadOnlyList<ComponentSnapshot>? LastComponents(Guid pageId) =>
        _layouts.TryGetValue(pageId, out var layout) ? layout.Components : null;

    /// <summary>How many pages' component JSON is kept (for tests).</summary>
    public int PageCount => _layouts.Count;

    /// <summary>Forgets what was written for a page (deleted).</summary>
    public void Forget(Guid pageId) => _layouts.TryRemove(pageId, out _);

    // Points `sources` at the previous snapshot's bytes for the components equal to the previous snapshot's component
    // at the same position, and serialises the others into one buffer (their `sources` stay null).
    private static ArrayBufferWriter<byte>? WriteChangedComponents(
        IReadOnlyList<ComponentSnapshot> components, ComponentsLayout? previous, byte[][] sources, int[] starts, int[] lengths)
    {
        var changed = 0;
        for (var i = 0; i < components.Count; i++)
        {
            if (previous is not null && i < previous.Components.Count && SameJson(previous.Components[i], components[i]))
            {
                sources[i] = previous.Json;
                starts[i] = previous.Starts[i];
                lengths[i] = previous.Lengths[i];
            }
            else
            {
                changed++;
            }
        }

        if (changed == 0)
        {
            return null;
        }

        var fresh = new ArrayBufferWriter<byte>(changed * EstimatedComponentLength);
        using var writer = new Utf8JsonWriter(fresh, new JsonWriterOptions
        {
            Encoder = StatusKitJsonContext.Default.Options.Encoder,
            Indented = StatusKitJsonContext.Default.Options.WriteIndented,
        });
        for (var i = 0; i < components.Count; i++)
        {
            if (sources[i] is null)
            {
                starts[i] = fresh.WrittenCount;
                JsonSerializer.Serialize(writer, components[i], StatusKitJsonContext.Default.ComponentSnapshot);
                writer.Flush();
                writer.Reset(fresh);
                lengths[i] = fresh.WrittenCount - starts[i];
            }
        }

        return fresh;
    }

    // What the version hashes: the SHA-256 of the page's content without its components (`pagePart`), then one SHA-256
    // per group of ComponentsPerDigest components (by position) over their JSON as it sits in `json`. A group's digest is
    // copied from the previous snapshot when that snapshot had the same group and all of its components were copied.
    private static byte[] Digests(
        ReadOnlySpan<byte> pagePart, byte[] json, byte[][] sources, int[] starts, int[] lengths, ComponentsLayout? previous)
    {
        const int Size = SHA256.HashSizeInBytes;
        var count = sources.Length;
        var groups = (count + ComponentsPerDigest - 1) / ComponentsPerDigest;
        var digests = new byte[(groups + 1) * Size];
        SHA256.HashData(pagePart, digests.AsSpan(0, Size));
        for (var group = 0; group < groups; group++)
        {
            var first = group * ComponentsPerDigest;
            var end = Math.Min(first + ComponentsPerDigest, count);
            var digest = digests.AsSpan((group + 1) * Size, Size);
            if (previous is not null
                && Math.Min(first + ComponentsPerDigest, previous.Components.Count) == end
                && AllCopied(sources, first, end))
            {
                previous.Digests.AsSpan((group + 1) * Size, Size).CopyTo(digest);
            }
            else
            {
                SHA256.HashData(json.AsSpan(starts[first], starts[end - 1] + lengths[end - 1] - starts[first]), digest);
            }
        }

        return digests;
    }

    private static bool AllCopied(byte[][] sources, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (sources[i] is null)
            {
                return false;
            }
        }

        return true;
    }

    // Equal records serialise alike, except that DateTimeOffset equality ignores the offset, which the JSON shows.
    // A property whose equality is looser than its JSON needs the same treatment here.
    private static bool SameJson(ComponentSnapshot before, ComponentSnapshot after) =>
        ReferenceEquals(before, after)
        || (before.Equals(after) && before.StatusUpdatedAt.Offset == after.StatusUpdatedAt.Offset);

    // The offset of ',"components":[]' and the end of the content (the offset of ',"generatedAt":') in the page's JSON.
    private static (int ComponentsAt, int ContentEnd) Locate(byte[] pageJson)
    {
        var versionKeyAt = pageJson.Length - End.Length - VersionLength - VersionKey.Length;
        var contentEnd = versionKeyAt < 0 ? -1 : pageJson.AsSpan(0, versionKeyAt).LastIndexOf(GeneratedAtKey);
        var componentsAt = contentEnd < 0 ? -1 : pageJson.AsSpan(0, contentEnd).IndexOf(ComponentsKey);
        if (componentsAt < 0
            || pageJson.AsSpan(0, contentEnd).LastIndexOf(ComponentsKey) != componentsAt
            || !pageJson.AsSpan(versionKeyAt, VersionKey.Length).SequenceEqual(VersionKey)
            || !pageJson.AsSpan(pageJson.Length - End.Length).SequenceEqual(End))
        {
            throw new InvalidOperationException(
                "A page snapshot's JSON must hold one \"components\" array and end with its generatedAt and version properties, " +
                "in that order and unindented; keep them last in PageSnapshot ([JsonPropertyOrder]) and StatusKitJsonContext unindented.");
        }

        return (componentsAt, contentEnd);
    }

    private sealed record ComponentsLayout(IReadOnlyList<ComponentSnapshot> Components, byte[] Json, int[] Starts, int[] Lengths, byte[] Digests);
}
