using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Api;
using StatusKit.Engine;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.Benchmarks;

/// <summary>
/// Issue 8, target 3, as the endpoint serves it: the Statuspage-style <c>summary.json</c> of a cached page of 200
/// components. <see cref="SummaryCacheHit"/> is what <c>GET /status/{slug}/api/v2/summary.json</c> does for an unchanged
/// page apart from HTTP: read the snapshot from the cache, prepare the document (its ETag is the snapshot's version)
/// and take its bytes, which the endpoints memoise per page version. The baseline serialises the summary again on
/// every request (source-generated System.Text.Json into a UTF-8 buffer, no intermediate string), and compresses it
/// with Brotli and gzip, as it does for a public page.
/// </summary>
[MemoryDiagnoser]
public class SummaryJsonBenchmarks
{
    private const string PageUrl = "https://status.example.test/status/page-000";
    private ServiceProvider provider = null!;
    private IStatusPageReader reader = null!;
    private StatuspageDocuments documents = null!;
    private Func<StatuspageDocuments> newDocuments = null!;
    private Guid pageId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var warm = await Composition.WarmPageAsync(components: 200, builder => builder.AddStatusPageEndpoints());
        provider = warm.Provider;
        reader = provider.GetRequiredService<IStatusPageReader>();
        documents = provider.GetRequiredService<StatuspageDocuments>();
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        newDocuments = () => new StatuspageDocuments(incidents, warm.Store);
        pageId = warm.Page.Id;
        Console.WriteLine($"// 200-component summary.json: {(await SummaryCacheHit()).Length} bytes of UTF-8 JSON");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await provider.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task<byte[]> SummarySerialisedAgain()
    {
        var snapshot = await Snapshot();

        // A new memo each time: the summary is mapped and serialised on every request.
        return newDocuments().Prepare(snapshot, ApiDocument.Summary, PageUrl).Render().Identity;
    }

    [Benchmark]
    public async Task<byte[]> SummaryCacheHit()
    {
        var snapshot = await Snapshot();
        return documents.Prepare(snapshot, ApiDocument.Summary, PageUrl).Render().Identity;
    }

    private async Task<PageSnapshot> Snapshot() =>
        await reader.GetSnapshotAsync(pageId, CancellationToken.None) ?? throw new InvalidOperationException("The page has no snapshot.");
}
