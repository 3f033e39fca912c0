using System.Text;
using StatusKit.AspNetCore.Responses;
using Microsoft.Extensions.Logging;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// What the host keeps of public pages' documents: the rendering of the snapshot it was made from, younger than the age,
/// within a byte budget; let go by <see cref="KeptDocuments.Clear"/>; and the last rendering, sent when a render fails.
/// </summary>
public sealed class KeptDocumentsTests
{
    private static readonly TimeSpan Age = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Find_KeptFromTheSameSnapshotWithinTheAge_ReturnsIt()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        var page = Compressed("<p>kept</p>");
        cache.Keep(snapshot, "page Day", page, cache.Generation);

        _clock.Advance(Age - TimeSpan.FromTicks(1));

        Assert.Same(page, cache.Find(snapshot, "page Day"));
        Assert.Null(cache.Find(snapshot, "page Week"));
    }

    [Fact]
    public void Find_OnceTheAgeIsReached_ReturnsNothing()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        cache.Keep(snapshot, "page Day", Compressed("<p>kept</p>"), cache.Generation);

        _clock.Advance(Age);

        Assert.Null(cache.Find(snapshot, "page Day"));
    }

    [Fact]
    public void Find_ForANewerSnapshotOfThePage_ReturnsNothing()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        cache.Keep(snapshot, "page Day", Compressed("<p>kept</p>"), cache.Generation);

        Assert.Null(cache.Find(snapshot with { Version = "newer" }, "page Day"));
    }

    [Fact]
    public void Keep_BeyondTheBudget_KeepsNothingMore_UntilOldPagesAgeOut()
    {
        var first = Compressed(new string('a', 4_000));
        var cache = new KeptDocuments(_clock, Age, first.Size + 100);
        var a = RenderedSnapshots.Empty();
        var b = RenderedSnapshots.Empty();
        cache.Keep(a, "page Day", first, cache.Generation);

        cache.Keep(b, "page Day", Compressed(new string('b', 4_000)), cache.Generation);
        var fullFind = cache.Find(b, "page Day");
        _clock.Advance(Age);
        cache.Keep(b, "page Day", Compressed(new string('b', 4_000)), cache.Generation);

        Assert.Null(fullFind);
        Assert.NotNull(cache.Find(b, "page Day"));
        Assert.Null(cache.Find(a, "page Day"));
        Assert.True(cache.Size <= first.Size + 100);
    }

    [Fact]
    public void Clear_LetsGoOfEveryPage_AndARenderBegunBeforeItIsNotKept()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        cache.Keep(snapshot, "page Day", Compressed("<p>kept</p>"), cache.Generation);
        var before = cache.Generation;

        cache.Clear();
        cache.Keep(snapshot, "page Week", Compressed("<p>read before the write</p>"), before);

        Assert.Null(cache.Find(snapshot, "page Day"));
        Assert.Null(cache.Find(snapshot, "page Week"));
    }

    [Fact]
    public async Task GetOrRenderAsync_WhenTheRenderFails_SendsTheLastRendering_AndTriesAgainOnlyAfterTheAge()
    {
        var logs = new ListLoggerProvider();
        var cache = new KeptDocuments(_clock, Age, 1_000_000, logs.CreateLogger("kept"));
        var snapshot = RenderedSnapshots.Empty();
        var last = await cache.GetOrRenderAsync(snapshot, "page Day", _ => Task.FromResult<byte[]?>("<p>last</p>"u8.ToArray()));
        _clock.Advance(Age);
        var attempts = 0;
        Task<byte[]?> Counted(CancellationToken token)
        {
            attempts++;
            return Down(token);
        }

        var sent = await cache.GetOrRenderAsync(snapshot with { Version = "newer" }, "page Day", Counted);
        var withinTheAge = await cache.GetOrRenderAsync(snapshot with { Version = "newer" }, "page Day", Counted);
        _clock.Advance(Age);
        var afterTheAge = await cache.GetOrRenderAsync(snapshot with { Version = "newer" }, "page Day", Counted);

        Assert.Same(last, sent);
        Assert.Same(last, withinTheAge);
        Assert.Same(last, afterTheAge);
        Assert.Equal(2, attempts);
        Assert.Equal(2, logs.Count(1415));
        Assert.All(logs.Entries, entry => Assert.Equal(LogLevel.Warning, entry.Level));
    }

    [Fact]
    public async Task GetOrRenderAsync_WhenTheRenderFailsWithoutALastRendering_Throws()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync(
            RenderedSnapshots.Empty(), "page Day", Down));
    }

    [Fact]
    public async Task GetOrRenderAsync_AfterAClear_AFailingRender_StillSendsTheLastRendering()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        var last = await cache.GetOrRenderAsync(snapshot, "page Day", _ => Task.FromResult<byte[]?>("<p>last</p>"u8.ToArray()));

        cache.Clear();
        var sent = await cache.GetOrRenderAsync(snapshot, "page Day", Down);

        Assert.Same(last, sent);
    }

    [Fact]
    public async Task GetOrRenderAsync_ADocumentFoundGone_LeavesNoLastRenderingToStandInForIt()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        await cache.GetOrRenderAsync(snapshot, "incident 1", _ => Task.FromResult<byte[]?>("<p>incident</p>"u8.ToArray()));
        _clock.Advance(Age);

        var gone = await cache.GetOrRenderAsync(snapshot, "incident 1", _ => Task.FromResult<byte[]?>(null));
        _clock.Advance(Age);

        Assert.Null(gone);
        Assert.Equal(0, cache.Size);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync(
            snapshot, "incident 1", Down));
    }

    [Fact]
    public async Task Keep_WhenFull_LetsGoOfTheOldestDocumentNoLongerCurrentFirst()
    {
        var size = Compressed(new string('a', 4_000)).Size;
        var cache = new KeptDocuments(_clock, Age, (size * 2) + 100);
        var oldest = RenderedSnapshots.Empty();
        var older = RenderedSnapshots.Empty();
        var newest = RenderedSnapshots.Empty();
        cache.Keep(oldest, "page Day", Compressed(new string('a', 4_000)), cache.Generation);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var kept = Compressed(new string('b', 4_000));
        cache.Keep(older, "page Day", kept, cache.Generation);
        _clock.Advance(Age);

        cache.Keep(newest, "page Day", Compressed(new string('c', 4_000)), cache.Generation);

        Assert.NotNull(cache.Find(newest, "page Day"));
        Assert.Equal(size * 2, cache.Size);
        Assert.Same(kept, await cache.GetOrRenderAsync(older, "page Day", Down));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrRenderAsync(oldest, "page Day", Down));
    }

    // A render that fails as one does when the store is down.
    private static Task<byte[]?> Down(CancellationToken token) => Task.FromException<byte[]?>(new InvalidOperationException("The database is down."));

    [Fact]
    public async Task GetOrRenderAsync_ReadersWhoMissTogether_WaitForOneRender_WhichIsKept()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        var renders = 0;
        var release = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<byte[]?> Render(CancellationToken token)
        {
            Interlocked.Increment(ref renders);
            return release.Task;
        }

        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetOrRenderAsync(snapshot, "page Day", Render)).ToArray();
        release.SetResult("<p>once</p>"u8.ToArray());
        var pages = await Task.WhenAll(readers);
        var later = await cache.GetOrRenderAsync(snapshot, "page Day", Render);

        Assert.Equal(1, renders);
        Assert.All(pages, page => Assert.Same(pages[0], page));
        Assert.Same(pages[0], later);
    }

    [Fact]
    public async Task GetOrRenderAsync_AReaderAfterAClear_DoesNotJoinARenderBegunBeforeIt()
    {
        // A metric point written through the admin API leaves the snapshot as it was; its reader must see it anyway.
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        var before = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var early = cache.GetOrRenderAsync(snapshot, "page Day", _ => before.Task);

        cache.Clear();
        var late = cache.GetOrRenderAsync(snapshot, "page Day", _ => Task.FromResult<byte[]?>("<p>after the write</p>"u8.ToArray()));
        before.SetResult("<p>before the write</p>"u8.ToArray());

        Assert.Equal("<p>after the write</p>", Encoding.UTF8.GetString((await late)!.BytesOf(ContentCoding.Identity)));
        Assert.Equal("<p>before the write</p>", Encoding.UTF8.GetString((await early)!.BytesOf(ContentCoding.Identity)));
        Assert.Equal("<p>after the write</p>", Encoding.UTF8.GetString(cache.Find(snapshot, "page Day")!.BytesOf(ContentCoding.Identity)));
    }

    [Fact]
    public async Task GetOrRenderAsync_ForANewerSnapshot_RendersAgain_AndANotFoundIsNotKept()
    {
        var cache = new KeptDocuments(_clock, Age, 1_000_000);
        var snapshot = RenderedSnapshots.Empty();
        var renders = 0;
        Task<byte[]?> Render(CancellationToken token) => Task.FromResult(Interlocked.Increment(ref renders) == 1 ? "<p>first</p>"u8.ToArray() : null);

        var first = await cache.GetOrRenderAsync(snapshot, "incident 1", Render);
        var newer = await cache.GetOrRenderAsync(snapshot with { Version = "newer" }, "incident 1", Render);
        var again = await cache.GetOrRenderAsync(snapshot with { Version = "newer" }, "incident 1", Render);

        Assert.NotNull(first);
        Assert.Null(newer);
        Assert.Null(again);
        Assert.Equal(3, renders);
    }

    [Fact]
    public void Compressed_forms_unpack_to_the_document_and_have_tags_of_their_own()
    {
        var page = Compressed(string.Concat(Enumerable.Repeat("<li class=\"d-none\">No data</li>", 500)));

        Assert.True(page.Brotli!.Length * 10 < page.Identity.Length);
        Assert.True(page.Gzip!.Length * 10 < page.Identity.Length);
        Assert.Equal(3, page.EntityTags.Distinct().Count());
        Assert.Single(Plain("<p>plain</p>").EntityTags);
    }

    private static EncodedDocument Compressed(string html) => EncodedDocument.Compressed(Encoding.UTF8.GetBytes(html));

    private static EncodedDocument Plain(string html) => EncodedDocument.Of(Encoding.UTF8.GetBytes(html));
}
