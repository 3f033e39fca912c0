using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Responses;
using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.Benchmarks;

/// <summary>
/// The HTML status page of 200 components, what most readers open when something breaks (the HTTP side is
/// <c>benchmarks/http/run.sh</c>), with its 90-day uptime bars. The baseline renders it for every request, as every request did before pages were
/// kept (here without the store reads of its past incidents, uptime and metrics, which an in-memory store makes
/// cheap): the page's UTF-8 bytes, written straight from the renderer's pooled buffer since session 24 (before, a 2 MB
/// string built in a StringBuilder, then its UTF-8 bytes), and their tag. <see cref="RenderKeepingCompressedForms"/> is what a miss
/// costs now, once per page per <c>PublicCacheMaxAge</c>; <see cref="KeptPageHit"/> what every other reader costs.
/// </summary>
[MemoryDiagnoser]
public class PageHtmlBenchmarks
{
    private const string Variant = "page Day /status/page-000";
    private ServiceProvider provider = null!;
    private PageRenderer renderer = null!;
    private KeptDocuments cache = null!;
    private PageSnapshot snapshot = null!;
    private PageView view = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var warm = await Composition.WarmPageAsync(components: 200, builder => builder.AddStatusPageEndpoints());
        provider = warm.Provider;
        snapshot = warm.Snapshot;
        renderer = provider.GetRequiredService<PageRenderer>();
        // Kept for the whole run (the host's keeps a page for PublicCacheMaxAge, 10 s by default).
        cache = new KeptDocuments(TimeProvider.System, TimeSpan.FromDays(1), KeptDocuments.DefaultBudget);
        // 90-day uptime bars for every component, as the page reads them (their days the bulk of the page's bytes).
        var uptime = await provider.GetRequiredService<IUptimeService>().GetPageUptimeAsync(snapshot.PageId, 90, CancellationToken.None)
                     ?? throw new InvalidOperationException("The page has no uptime.");
        view = new PageView(snapshot, [], uptime.Components.ToDictionary(c => c.ComponentId), new PageLinks("/status/" + snapshot.Slug, null), 14, []);
        var page = EncodedDocument.Compressed(renderer.RenderUtf8(view));
        cache.Keep(snapshot, Variant, page, cache.Generation);
        Console.WriteLine($"// 200-component page: {page.Identity.Length} bytes of HTML, {page.Brotli!.Length} Brotli, {page.Gzip!.Length} gzip");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await provider.DisposeAsync();

    [Benchmark(Baseline = true)]
    public int RenderForEveryRequest() => EncodedDocument.Of(renderer.RenderUtf8(view)).Identity.Length;

    [Benchmark]
    public long RenderKeepingCompressedForms() => EncodedDocument.Compressed(renderer.RenderUtf8(view)).Size;

    [Benchmark]
    public int KeptPageHit() => cache.Find(snapshot, Variant)!.Brotli!.Length;
}
