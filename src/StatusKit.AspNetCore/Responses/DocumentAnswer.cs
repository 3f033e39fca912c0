using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Responses;

/// <summary>
/// How a page's routes answer with one of its documents: its <c>ETag</c> and the page's caching headers
/// (<see cref="HttpCaching.Apply"/>), a 304 when <c>If-None-Match</c> names any of the document's forms, else the form
/// the request accepts (<see cref="ContentCodings.Accepted"/>, with <c>Content-Encoding</c>) when the document has
/// compressed forms, varying by <c>Accept-Encoding</c> then.
/// </summary>
internal static class DocumentAnswer
{
    /// <summary>
    /// The answer with a document that reads the store (resolved incidents, past windows, metric points, the feeds),
    /// which changes without the snapshot: a public page's is kept for a while, shared by its readers and sent as its
    /// last rendering while the store is down (<see cref="KeptDocuments"/>); tagged by its bytes. Answers the reads of
    /// other sites too (<see cref="CrossOriginReads"/>).
    /// </summary>
    public static async Task<IResult> KeptAsync(
        HttpContext context, PageSnapshot snapshot, string variant, string contentType, Func<CancellationToken, Task<byte[]?>> render)
    {
        var services = context.RequestServices;
        var document = await services.GetRequiredService<KeptDocuments>().GetAsync(snapshot, variant, render, context.RequestAborted)
            ?? throw new InvalidOperationException($"The page's {variant} document was not made.");
        CrossOriginReads.Allow(context, snapshot);
        return Of(context, snapshot, document, contentType, services.GetRequiredService<PublicCacheControl>().Value);
    }

    /// <summary>The answer with <paramref name="document"/>, sent as <paramref name="contentType"/>.</summary>
    public static IResult Of(HttpContext context, PageSnapshot snapshot, EncodedDocument document, string contentType, string publicCacheControl) =>
        Of(context, snapshot, document.EntityTag, document.IsCompressed, () => document, contentType, publicCacheControl);

    /// <summary>
    /// The answer with a document tagged <paramref name="entityTag"/>, with compressed forms when
    /// <paramref name="compressed"/>: made by <paramref name="document"/> only when it is sent, not for a 304.
    /// </summary>
    public static IResult Of(
        HttpContext context, PageSnapshot snapshot, string entityTag, bool compressed, Func<EncodedDocument> document, string contentType, string publicCacheControl)
    {
        var coding = compressed ? ContentCodings.Accepted(context.Request) : ContentCoding.Identity;
        HttpCaching.Apply(context.Response, snapshot, EncodedDocument.TagOf(entityTag, coding), publicCacheControl, compressed);
        // The forms' tags are listed only for a conditional request (most readers of a kept document send none).
        if (context.Request.Headers.IfNoneMatch.Count > 0 && HttpCaching.IsNotModified(context.Request, EncodedDocument.TagsOf(entityTag, compressed)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (ContentCodings.HeaderValue(coding) is { } encoding)
        {
            context.Response.Headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(document().BytesOf(coding), contentType);
    }
}
