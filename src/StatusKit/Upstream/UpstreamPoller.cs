using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Engine;
using StatusKit.Hosting;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Upstream;

/// <summary>
/// Reads the upstream page of every third-party component (<see cref="Component.UpstreamUrl"/>): once the host has
/// started and then every <see cref="StatusPagesOptions.UpstreamPollInterval"/>, each distinct URL is fetched once
/// (however many components follow it), <see cref="MaxConcurrentFetches"/> at a time, through the
/// <see cref="HttpClientName"/> client, whose connections go through
/// the webhook notifiers' address guard. The status read is recorded on each component by compare-and-set
/// (<see cref="IStatusStore.RecordUpstreamStatusAsync"/>) and a component whose upstream status changed is recomputed
/// by the engine, so the change goes where every status change goes (history, snapshot, events, subscriber notices). A
/// URL that fails (unreachable, refused, a timeout, an error status, a body too large or not a summary) is logged and
/// changes nothing: its components keep the status last read, and <see cref="Component.UpstreamReadAt"/> says how old
/// it is.
/// </summary>
internal sealed class UpstreamPoller : WokenPassLoop
{
    /// <summary>The name of the <see cref="HttpClient"/> the poller fetches with.</summary>
    public const string HttpClientName = "StatusKit.Upstream";

    /// <summary>How long one fetch may take, on the injected clock.</summary>
    internal static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long after a failed pass the next one runs.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>How many upstream URLs one pass fetches at once.</summary>
    internal const int MaxConcurrentFetches = 4;

    /// <summary>The largest body read: a summary of a page with hundreds of components is a few hundred KiB.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    private const string Cause = "upstream status";
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeSpan _interval;
    private readonly PriorityStatusMap _priorities;
    private readonly TimeProvider _time;
    private readonly ILogger<UpstreamPoller> _logger;

    // The last summary read from each URL with its ETag, for If-None-Match (this host's only; a 304 reuses it).
    private readonly ConcurrentDictionary<string, (string ETag, UpstreamSummary Summary)> _cached = new(StringComparer.Ordinal);

    public UpstreamPoller(
        IStatusStore store,
        StatusEngine engine,
        IHttpClientFactory httpClientFactory,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<UpstreamPoller> logger)
        : base(time, lifetime, RetryDelay)
    {
        _store = store;
        _engine = engine;
        _httpClientFactory = httpClientFactory;
        _interval = options.Value.UpstreamPollInterval;
        _priorities = options.Value.BuildPriorityMap();
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// One pass: reads every upstream URL that is due (one no host read within the last nine tenths of the interval,
    /// or never), records what it says on its components, recomputes those whose upstream status changed and those
    /// whose shown status lags the upstream status recorded (<see cref="LaggingAsync"/>), and returns when the next pass
    /// is due. Failures of one URL are logged and leave its components as they are; a failure of the
    /// store propagates (the hosted loop logs it and retries).
    /// </summary>
    protected override async Task<DateTimeOffset> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var changed = new List<Guid>();
        var following = await _store.ListUpstreamComponentsAsync(cancellationToken);
        var groups = following.GroupBy(c => c.UpstreamUrl!, StringComparer.Ordinal).Select(g => (Url: g.Key, Components: g.ToList())).ToList();
        var due = groups.Where(g => g.Components.Exists(c => IsDue(c, now))).ToList();

        // Fetched a few at a time, so one slow or silent vendor (up to FetchTimeout) does not hold up the others' reads;
        // recorded one URL after another, as the store's compare-and-sets need no concurrency.
        var summaries = new UpstreamSummary?[due.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentFetches, CancellationToken = cancellationToken },
            async (i, token) => summaries[i] = await FetchAsync(due[i].Url, due[i].Components.Count, token));
        for (var i = 0; i < due.Count; i++)
        {
            if (summaries[i] is { } summary)
            {
                await RecordAsync(due[i].Url, due[i].Components, summary, changed, cancellationToken);
            }
        }

        ForgetUnfollowed([.. groups.Select(g => g.Url)]);
        changed.AddRange(await LaggingAsync(following, changed, cancellationToken));
        if (changed.Count > 0)
        {
            await _engine.RecomputeComponentsAsync(changed, Cause, cancellationToken);
        }

        return now + _interval;
    }

    /// <inheritdoc />
    protected override void LogPassFailed(DateTimeOffset retryAt, Exception exception) => Log.PassFailed(_logger, retryAt, exception);

    // Due when never read, or read (by any host) at least nine tenths of the interval ago: a pass that runs a little
    // early, or after another host's, does not skip a whole interval.
    private bool IsDue(Component component, DateTimeOffset now) =>
        component.UpstreamReadAt is not { } readAt || now - readAt >= _interval - _interval / 10;

    /// <summary>
    /// The listed components whose stored status is not what their stored inputs give, because of the upstream status
    /// recorded: a host records a reading and recomputes after it, and one that stopped for good in between (a crash, a
    /// scale-in) leaves the reading recorded and the status behind it, which no other host's reading would find changed.
    /// A component that shows its upstream status cannot lag it (the upstream status only ever raises a status), so only
    /// the others are checked: one that shows better than its upstream lags it for sure, one that shows worse may owe it
    /// to its own incidents, maintenance or manual status, and the inputs of all of those are loaded in one store call and
    /// computed (pure). A pass whose components all show their upstream status loads nothing. A manual status that
    /// expired and was not ended yet is left to <see cref="ManualStatusExpiry"/>, which records its change at the expiry.
    /// </summary>
    private async Task<List<Guid>> LaggingAsync(IReadOnlyList<Component> following, List<Guid> changed, CancellationToken cancellationToken)
    {
        var recomputed = changed.ToHashSet();
        var suspects = following.Where(c => c.Status != StatusCalculator.UpstreamStatusOf(c) && !recomputed.Contains(c.Id)).Select(c => c.Id).ToHashSet();
        if (suspects.Count == 0)
        {
            return [];
        }

        var inputs = await _store.LoadStatusInputsAsync(StatusScope.ForComponents([.. suspects]), cancellationToken);
        var now = _time.GetUtcNow();
        var statuses = StatusCalculator.ComputeEffectiveStatuses(inputs, _priorities, now);
        var lagging = new List<Guid>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var component = inputs.Components[i];
            var expiredManualStatus = component is { ManualStatus: not null, ManualStatusExpiresAt: { } expiresAt } && expiresAt <= now;
            if (component.Status != statuses[i] && component.UpstreamUrl is not null && !expiredManualStatus && suspects.Contains(component.Id))
            {
                Log.UpstreamStatusLagging(_logger, component.Id, component.UpstreamUrl, StatusCalculator.UpstreamStatusOf(component), component.Status);
                lagging.Add(component.Id);
            }
        }

        return lagging;
    }

    private async Task RecordAsync(string url, List<Component> components, UpstreamSummary summary, List<Guid> changed, CancellationToken cancellationToken)
    {
        var readAt = _time.GetUtcNow();
        foreach (var component in components)
        {
            if (!summary.TryGetStatus(component.UpstreamComponentId, out var status, out var reason))
            {
                Log.UpstreamComponentMissing(_logger, url, component.UpstreamComponentId!, reason!, component.Id);
                continue;
            }

            // False: another host recorded a read of it since, or an operator changed it; either way not this pass's to write.
            if (await _store.RecordUpstreamStatusAsync(component.Id, component.Version, component.UpstreamReadAt, status, readAt, cancellationToken))
            {
                var before = StatusCalculator.UpstreamStatusOf(component);
                if (status != before)
                {
                    Log.UpstreamStatusChanged(_logger, component.Id, url, status, before);
                    changed.Add(component.Id);
                }
            }
        }
    }

    /// <summary>The summary at <paramref name="url"/>, or null (logged) when it could not be read.</summary>
    private async Task<UpstreamSummary?> FetchAsync(string url, int count, CancellationToken cancellationToken)
    {
        // Only what the service accepts: a URL stored some other way is never fetched.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0 || uri.UserInfo.Length > 0)
        {
            Log.UpstreamUnreachable(_logger, url, "not an absolute https URL without user information", count, null);
            return null;
        }

        using var timeout = new CancellationTokenSource(FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            _cached.TryGetValue(url, out var cached);
            if (cached.ETag is not null && EntityTagHeaderValue.TryParse(cached.ETag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (response.StatusCode == HttpStatusCode.NotModified && cached.Summary is not null)
            {
                Log.UpstreamRead(_logger, url, count, notModified: true);
                return cached.Summary;
            }

            if (!response.IsSuccessStatusCode)
            {
                var redirect = (int)response.StatusCode is >= 300 and < 400 ? "; redirects are not followed, use the address it redirects to" : "";
                Log.UpstreamUnreachable(_logger, url, $"HTTP {(int)response.StatusCode}{redirect}", count, null);
                return null;
            }

            var body = await ReadCappedAsync(response.Content, linked.Token);
            if (body is null)
            {
                Log.UpstreamBodyInvalid(_logger, url, $"the body is larger than {MaxBodyBytes} bytes", count);
                return null;
            }

            var summary = UpstreamSummary.Parse(body.Value);
            if (response.Headers.ETag is { } etag)
            {
                _cached[url] = (etag.ToString(), summary);
            }
            else
            {
                _cached.TryRemove(url, out _);
            }

            Log.UpstreamRead(_logger, url, count, notModified: false);
            return summary;
        }
        catch (FormatException ex)
        {
            Log.UpstreamBodyInvalid(_logger, url, ex.Message, count);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.UpstreamUnreachable(_logger, url, $"no answer within {FetchTimeout.TotalSeconds:0} s", count, null);
            return null;
        }
        catch (HttpRequestException ex) when (ex.InnerException is StatusKitValidationException)
        {
            Log.UpstreamRefused(_logger, url);
            return null;
        }
        catch (HttpRequestException ex)
        {
            // The vendor's page unreachable (DNS, refused, reset): its message says all, a stack trace would say nothing.
            Log.UpstreamUnreachable(_logger, url, ex.Message, count, null);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One URL's failure, whatever it is, never stops the others' reads.
            Log.UpstreamUnreachable(_logger, url, ex.Message, count, ex);
            return null;
        }
    }

    // The body, or null when it is larger than MaxBodyBytes (by its Content-Length, or as it is read).
    private static async Task<ReadOnlyMemory<byte>?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(MaxBodyBytes + 1, (int)(content.Headers.ContentLength ?? 64 * 1024) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > MaxBodyBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
        }
    }

    // The cache keeps only URLs some component still follows.
    private void ForgetUnfollowed(HashSet<string> followed)
    {
        foreach (var url in _cached.Keys.Where(u => !followed.Contains(u)).ToList())
        {
            _cached.TryRemove(url, out _);
        }
    }
}
