using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Access;
using StatusKit.Engine;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// <c>GET {prefix}/{slug}/events</c>: Server-Sent Events with a <c>status</c> event per component change, a
/// <c>group</c> event per component group status change, a <c>page</c> event per page status change and a
/// <c>content</c> event when the page's incidents, maintenance or list of components changed (the event id is the change's sequence number),
/// a keep-alive comment when idle, and <c>Last-Event-ID</c> resumption; a new stream whose client names the snapshot
/// version its page shows (<c>?version=</c>) starts with a <c>content</c> event when the page changed since. A <c>reload</c> event tells a client that it missed events that are
/// no longer buffered. A HEAD request gets the stream's headers and no stream. A client holds at most
/// <see cref="StatusPageEndpointOptions.MaxEventStreamsPerClient"/> streams open; one more gets 429.
/// </summary>
internal static class EventEndpoints
{
    /// <summary>The query parameter naming the snapshot version the client's page was rendered from.</summary>
    public const string VersionParameter = "version";

    private const string EventStreamContentType = "text/event-stream";
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    public static void Map(RouteGroupBuilder page, StatusPageEndpointOptions options) =>
        page.MapGetAndHead("/events", (HttpContext context, string slug) => OpenAsync(context, slug))
            .WithName("StatusKit.Events")
            .WithSummary("Live status changes as Server-Sent Events.")
            .WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: EventStreamContentType)
            .Produces(StatusCodes.Status404NotFound)
            // EventSource reads other sites' streams when they allow it (it sends no credentials unless asked), and a
            // fetch-based client that sends Last-Event-ID (not safelisted) needs a preflight.
            .OpenToOtherSites(options.AllowCrossOriginReads, "If-None-Match, Last-Event-ID", StatusCodes.Status200OK);

    private static async Task<IResult> OpenAsync(HttpContext context, string slug)
    {
        var services = context.RequestServices;
        var access = services.GetRequiredService<PageAccess>();
        var snapshot = await access.ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        CrossOriginReads.Allow(context, snapshot);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // The stream's headers only: a HEAD request has no body, so there is nothing to attach or keep open.
            context.Response.ContentType = EventStreamContentType;
            return TypedResults.Ok();
        }

        // Released when the response ends, however it ends (also when the stream is never started).
        var place = services.GetRequiredService<EventStreamLimiter>().TryOpen(context.Connection.RemoteIpAddress);
        if (place is null)
        {
            Log.EventStreamLimitReached(services.GetRequiredService<ILoggerFactory>().CreateLogger("StatusKit.AspNetCore.Events"), snapshot.PageId);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Problem(
                "Too many live-update streams are open from this address; close one, or reload the page without live updates.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests.");
        }

        context.Response.RegisterForDispose(place);
        var ids = services.GetRequiredService<EventIds>();
        var header = context.Request.Headers["Last-Event-ID"].ToString();
        var lastEventId = ids.Parse(header);
        var relay = services.GetRequiredService<EventRelay>();
        var attachment = header.Length > 0 && lastEventId is null
            ? relay.AttachAfterUnknownEvent(snapshot.PageId)
            : relay.Attach(snapshot.PageId, lastEventId);
        var options = services.GetRequiredService<IOptions<StatusPageEndpointOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("StatusKit.AspNetCore.Events");
        Log.EventStreamOpened(logger, snapshot.PageId, lastEventId ?? 0);
        var newer = header.Length == 0
            ? await NewerThanVersionAsync(context, services.GetRequiredService<IStatusPageReader>(), snapshot.PageId, attachment)
            : null;

        // The stream also ends when the application stops: the server waits for open requests before it stops, and a
        // client's EventSource reconnects by itself (to this host when it is back, or to another).
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var stream = new EventStream(attachment, services.GetRequiredService<EventItems>(), access, access.PresentedToken(context), snapshot.PageId) { Newer = newer };
        // nginx buffers a proxied answer unless told not to, which would hold each event back until its buffer fills;
        // this header tells it (and the proxies that follow its convention) to pass the stream on as it is written.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(
            StreamAsync(context, stream, options.KeepAliveInterval, services.GetRequiredService<TimeProvider>(), logger, context.RequestAborted, stopping));
    }

    /// <summary>
    /// For a client that names the snapshot version its page was rendered from (<c>?version=</c>, as the status page's
    /// script does) and no <c>Last-Event-ID</c>: when the page's snapshot differs now, that snapshot, so
    /// the stream starts with a <c>content</c> event and the page catches up with what changed between its rendering
    /// and its stream (events no buffer kept for it: a fresh stream names no event to resume from). Null when it is
    /// the same, or the client named no version. Read after the stream joined the page's live events: a change whose
    /// event it did not get had refreshed the snapshot before its event was passed on, so this read sees it.
    /// </summary>
    private static async ValueTask<PageSnapshot?> NewerThanVersionAsync(
        HttpContext context, IStatusPageReader reader, Guid pageId, EventAttachment attachment)
    {
        var version = context.Request.Query[VersionParameter].ToString();
        if (version.Length == 0 || attachment.Incomplete)
        {
            return null;
        }

        var current = await reader.GetSnapshotAsync(pageId, context.RequestAborted);
        return current is not null && !string.Equals(current.Version, version, StringComparison.Ordinal) ? current : null;
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        HttpContext context,
        EventStream stream,
        TimeSpan keepAliveInterval,
        TimeProvider time,
        ILogger logger,
        CancellationToken requestAborted,
        CancellationToken applicationStopping,
        [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
    {
        var (attachment, items, pageId) = (stream.Attachment, stream.Items, stream.PageId);
        using var _ = attachment;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, applicationStopping, enumeratorCancellation);
        var cancellationToken = linked.Token;
        // Start the response at once so the client sees the stream open.
        if (!await TryWriteKeepAliveAsync(context, cancellationToken))
        {
            yield break;
        }
        if (attachment.Incomplete)
        {
            yield return new SseItem<string>("{}", "reload");
        }
        else if (stream.Newer is { } newer)
        {
            // No id: it stands for no change of the feed, and a reconnection resumes from the last event that did.
            var data = new ContentChangedEvent(newer.GeneratedAt, newer.Version);
            yield return new SseItem<string>(JsonSerializer.Serialize(data, EventJsonContext.Default.ContentChangedEvent), "content");
        }

        foreach (var change in attachment.Replay)
        {
            if (items.Of(change) is { } item)
            {
                yield return item;
            }
        }

        Task<bool>? waiting = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            waiting ??= attachment.Live.WaitToReadAsync(cancellationToken).AsTask();
            using (var delay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var tick = Task.Delay(keepAliveInterval, time, delay.Token);
                var first = await Task.WhenAny(waiting, tick);
                await delay.CancelAsync();
                if (first == tick)
                {
                    if (!await TryWriteKeepAliveAsync(context, cancellationToken))
                    {
                        break;
                    }

                    continue;
                }
            }

            bool more;
            try
            {
                more = await waiting;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            waiting = null;
            if (!more)
            {
                break;
            }

            // The page may have been made private, had its token replaced or been deleted since the stream opened:
            // such a stream ends instead of passing on changes its client may no longer read (a browser reconnects
            // and gets the 404 any request without access gets).
            if (!await stream.Access.MayStillReadAsync(pageId, stream.Token, cancellationToken))
            {
                Log.EventStreamAccessLapsed(logger, pageId);
                break;
            }

            while (attachment.Live.TryRead(out var change))
            {
                if (items.Of(change) is { } item)
                {
                    yield return item;
                }
                else if (change.Kind == StatusChangeKind.Gap)
                {
                    yield return new SseItem<string>("{}", "reload");
                }
            }
        }

        Log.EventStreamClosed(logger, pageId);
    }

    /// <summary>Writes a keep-alive comment; false when the request ended or the application is stopping.</summary>
    private static async Task<bool> TryWriteKeepAliveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Response.Body.WriteAsync(KeepAlive, cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
