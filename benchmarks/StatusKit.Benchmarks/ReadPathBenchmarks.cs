using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Engine;
using StatusKit.Serialization;

namespace StatusKit.Benchmarks;

/// <summary>
/// Issue 8, target 3: a cache hit for a page of 200 components (in-process cache), answered with the UTF-8 JSON the
/// snapshot keeps (<c>PageSnapshot.Utf8Json</c>, written once by the snapshot builder). The baseline serialises the
/// snapshot again on every hit (source-generated System.Text.Json straight to UTF-8).
/// The Statuspage-style <c>summary.json</c> built from the same snapshot is measured in <see cref="SummaryJsonBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class ReadPathBenchmarks
{
    private ServiceProvider provider = null!;
    private IStatusPageReader reader = null!;
    private Guid pageId;
    private string slug = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var warm = await Composition.WarmPageAsync(components: 200);
        provider = warm.Provider;
        reader = provider.GetRequiredService<IStatusPageReader>();
        pageId = warm.Page.Id;
        slug = warm.Page.Slug;
        Console.WriteLine($"// 200-component snapshot: {warm.Snapshot.Utf8Json.Length} bytes of UTF-8 JSON");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await provider.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task<int> CacheHitSerialisingAgain()
    {
        var snapshot = await reader.GetSnapshotAsync(pageId, CancellationToken.None);
        return JsonSerializer.SerializeToUtf8Bytes(snapshot!, StatusKitJsonContext.Default.PageSnapshot).Length;
    }

    [Benchmark]
    public async Task<int> CacheHitKeptBytes()
    {
        var snapshot = await reader.GetSnapshotAsync(pageId, CancellationToken.None);
        return PageSnapshotSerializer.ToUtf8Json(snapshot!).Length;
    }

    [Benchmark]
    public async Task<int> CacheHitBySlugKeptBytes()
    {
        var snapshot = await reader.GetSnapshotBySlugAsync(slug, CancellationToken.None);
        return PageSnapshotSerializer.ToUtf8Json(snapshot!).Length;
    }
}
