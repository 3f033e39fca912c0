using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A public page's HTML, and its JSON documents that read the store, are kept on the host for up to
/// <c>PublicCacheMaxAge</c> (as long as shared caches may keep them anyway) and while the page's snapshot is the one they
/// were made from, and every public document is sent compressed to a reader who accepts it: the many readers of a page
/// during an outage cost a lookup, not a render and its store reads each. Private pages' documents are neither.
/// </summary>
public sealed class KeptPageTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly InterceptingStatusStore _calls;
    private readonly IStatusStore _store;
    private WebApplication? _app;
    private Guid _pageId;
    private Guid _metricId;
    private string _token = "";

    public KeptPageTests() => (_store, _calls) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton(_store);
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        var pages = App.Services.GetRequiredService<StatusPageService>();
        var metrics = App.Services.GetRequiredService<PageMetricService>();
        _pageId = (await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" })).Id;
        _metricId = (await metrics.CreateAsync(new CreatePageMetric { PageId = _pageId, Name = "API response time", Suffix = "ms" })).Id;
        foreach (var name in new[] { "API", "Checkout", "Search", "Webhooks" })
        {
            await App.Services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = _pageId, Name = name });
        }

        var internalPage = await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false });
        _token = internalPage.AccessToken!;
        await metrics.CreateAsync(new CreatePageMetric { PageId = internalPage.Page.Id, Name = "Queue depth" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/status/acme")]
    [InlineData("/status/acme?metrics=week")]
    [InlineData("/status/acme/metrics-section")]
    [InlineData("/status/acme/history")]
    [InlineData("/status/acme/api/v2/incidents.json")]
    [InlineData("/status/acme/api/v2/scheduled-maintenances.json")]
    [InlineData("/status/acme/api/v2/metrics.json?range=week")]
    [InlineData("/status/acme/history.atom")]
    [InlineData("/status/acme/history.rss")]
    [InlineData("/status/acme/maintenance.ics")]
    public async Task A_second_reader_within_the_age_is_sent_the_kept_document_without_a_store_read(string path)
    {
        using var client = App.Client();
        var before = StoreReads();
        var first = await client.GetStringAsync(path);
        var reads = StoreReads();

        var second = await client.GetStringAsync(path);

        Assert.True(reads > before, "the first reader's document was not read from the store");
        Assert.Equal(first, second);
        Assert.Equal(reads, StoreReads());
    }

    [Fact]
    public async Task A_new_incident_is_shown_at_once_as_it_changes_the_snapshot()
    {
        using var client = App.Client();
        await client.GetStringAsync("/status/acme");

        await App.Services.GetRequiredService<StatusIncidentService>().CreateAsync(
            new CreateStatusIncident { PageId = _pageId, Title = "Checkout is slow", Message = "Investigating.", NotifySubscribers = false });

        Assert.Contains("Checkout is slow", await client.GetStringAsync("/status/acme"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status/acme", "<strong>987 ms</strong>")]
    [InlineData("/status/acme/api/v2/metrics.json", "\"value\":987")]
    public async Task A_metric_point_from_the_hosts_own_code_is_shown_once_the_kept_document_is_older_than_PublicCacheMaxAge(string path, string point)
    {
        using var client = App.Client();
        await client.GetStringAsync(path);
        await AddPointAsync(987);

        var kept = await client.GetStringAsync(path);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var rendered = await client.GetStringAsync(path);

        Assert.DoesNotContain(point, kept, StringComparison.Ordinal);
        Assert.Contains(point, rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status/acme", "<strong>987 ms</strong>")]
    [InlineData("/status/acme/api/v2/metrics.json", "\"value\":987")]
    public async Task A_metric_point_sent_through_the_admin_API_is_shown_at_once(string path, string point)
    {
        using var client = App.Client();
        await client.GetStringAsync(path);

        using var posted = await client.PostAsJsonAsync($"/status/admin/metrics/{_metricId}/points", new { value = 987 });
        posted.EnsureSuccessStatusCode();

        Assert.Contains(point, await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status/acme")]
    [InlineData("/status/acme/history")]
    [InlineData("/status/acme/api/v2/incidents.json")]
    [InlineData("/status/acme/api/v2/metrics.json")]
    [InlineData("/status/acme/history.atom")]
    [InlineData("/status/acme/history.rss")]
    [InlineData("/status/acme/maintenance.ics")]
    public async Task When_the_store_cannot_be_read_the_last_rendering_is_sent_instead_of_an_error_and_the_store_tried_once_an_age(string path)
    {
        using var client = App.Client();
        var last = await client.GetStringAsync(path);
        _clock.Advance(TimeSpan.FromSeconds(10));
        _calls.Before = (method, _) => method.StartsWith("List", StringComparison.Ordinal)
            ? Task.FromException(new InvalidOperationException("The database is down."))
            : null;
        try
        {
            using var first = await client.GetAsync(path);
            var tried = StoreReads();
            using var second = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(last, await first.Content.ReadAsStringAsync());
            Assert.Equal(last, await second.Content.ReadAsStringAsync());
            Assert.Equal(tried, StoreReads());
        }
        finally
        {
            _calls.Before = null;
        }
    }

    [Fact]
    public async Task A_private_page_is_never_kept()
    {
        using var client = App.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        await client.GetStringAsync("/status/internal");
        var reads = StoreReads();

        using var response = await client.GetAsync("/status/internal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(StoreReads() > reads);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    [Fact]
    public async Task Nothing_is_kept_when_PublicCacheMaxAge_is_zero()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints(o => o.PublicCacheMaxAge = TimeSpan.Zero);
            },
            a => a.MapStatusPages("/status"));
        var page = await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        var metric = await app.Services.GetRequiredService<PageMetricService>().CreateAsync(new CreatePageMetric { PageId = page.Id, Name = "Latency" });
        using var client = app.Client();
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        await client.GetStringAsync("/status/acme");

        await app.Services.GetRequiredService<PageMetricService>().AddPointsAsync(metric.Id, [new MetricPoint(_clock.GetUtcNow().AddMinutes(-1), 987)]);
        using var response = await client.GetAsync("/status/acme");

        Assert.Contains("<strong>987</strong>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    // One request per form; which form each Accept-Encoding takes is ContentCodingsTests'.
    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task The_page_is_sent_compressed_as_the_reader_accepts_and_unpacks_to_the_same_bytes(string acceptEncoding, string? expected)
    {
        using var client = App.Client();
        var plain = await client.GetByteArrayAsync("/status/acme");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/acme");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(plain, Unpack(body, expected));
        if (expected is not null)
        {
            Assert.True(body.Length * 5 < plain.Length, $"{body.Length} bytes compressed of {plain.Length}");
        }
    }

    [Theory]
    [InlineData("/status/acme/api/v2/summary.json")]
    [InlineData("/status/acme/api/v2/status.json")]
    [InlineData("/status/acme/api/v2/incidents.json")]
    [InlineData("/status/acme/api/v2/metrics.json")]
    public async Task A_public_pages_JSON_document_is_sent_compressed_to_a_reader_who_accepts_it_and_unpacks_to_the_same_bytes(string path)
    {
        using var client = App.Client();
        var plain = await client.GetByteArrayAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");

        using var response = await client.SendAsync(request);

        Assert.Equal("br", response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.EndsWith("-br\"", response.Headers.ETag!.Tag, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(plain, Unpack(await response.Content.ReadAsByteArrayAsync(), "br"));
    }

    [Theory]
    [InlineData("/status/internal/api/v2/summary.json")]
    [InlineData("/status/internal/api/v2/incidents.json")]
    public async Task A_private_pages_JSON_document_is_neither_kept_nor_compressed(string path)
    {
        using var client = App.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        await client.GetStringAsync("/status/internal/api/v2/incidents.json");
        var reads = StoreReads();

        using var response = await client.GetAsync(path);
        using var readAgain = await client.GetAsync("/status/internal/api/v2/incidents.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.True(StoreReads() > reads, "the private page's incidents were not read again");
    }

    [Theory]
    [InlineData("/status/acme")]
    [InlineData("/status/acme/api/v2/summary.json")]
    [InlineData("/status/acme/api/v2/incidents.json")]
    public async Task Each_form_has_its_own_tag_and_any_of_them_answers_304(string path)
    {
        using var client = App.Client();
        var tags = new List<string>();
        foreach (var coding in new[] { "identity", "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            using var response = await client.SendAsync(request);
            tags.Add(response.Headers.ETag!.Tag);
        }

        Assert.Equal(3, tags.Distinct().Count());
        foreach (var tag in tags)
        {
            using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
            conditional.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            conditional.Headers.TryAddWithoutValidation("If-None-Match", tag);
            using var response = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found_every_time()
    {
        using var client = App.Client();
        var path = $"/status/acme/incidents/{Guid.NewGuid()}";

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    private Task AddPointAsync(double value) =>
        App.Services.GetRequiredService<PageMetricService>().AddPointsAsync(_metricId, [new MetricPoint(_clock.GetUtcNow().AddMinutes(-1), value)]);

    private int StoreReads() =>
        _calls.Calls(nameof(IStatusStore.ListStatusIncidentsAsync)) + _calls.Calls(nameof(IStatusStore.ListPageMetricsAsync))
        + _calls.Calls(nameof(IStatusStore.ListCompletedMaintenanceWindowsAsync));

    private static byte[] Unpack(byte[] body, string? coding)
    {
        if (coding is null)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream stream = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
