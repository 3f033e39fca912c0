using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Declares an admin endpoint's HTTP contract beyond its body: the <c>ETag</c> and <c>Location</c> it answers, the
/// <c>If-Match</c> it honours, and the 409 and 412 problem details that come with them (metadata the OpenAPI document
/// shows through <see cref="OpenApiHeaders"/>; the behaviour is <see cref="EntityTags"/> and <see cref="Preconditions"/>).
/// </summary>
internal static class AdminContract
{
    private const string RecordTag =
        "The record's version as a strong entity tag (\"3\"): send it as If-Match to make the next write of the record conditional.";

    private const string PageTag =
        "The page's version as a strong entity tag (\"3\"), as this write left it (the visibility, access token and component " +
        "order are the page's): send it as If-Match on the next write of the page, its visibility, access token or order.";

    /// <summary>The answer with <paramref name="statusCode"/> carries the record's <c>ETag</c>.</summary>
    public static RouteHandlerBuilder AnswersETag(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK) =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, "ETag", RecordTag));

    /// <summary>The answer carries the <c>ETag</c> of the page the endpoint changed, not of the body it answers.</summary>
    public static RouteHandlerBuilder AnswersPageETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ResponseHeaderMetadata(StatusCodes.Status200OK, "ETag", PageTag));

    /// <summary>The <c>201 Created</c> carries the <c>Location</c> of what it created and that record's <c>ETag</c> (<see cref="AdminLocations"/>).</summary>
    public static RouteHandlerBuilder AnswersCreated(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new ResponseHeaderMetadata(
                StatusCodes.Status201Created,
                "Location",
                "The admin route that reads what was created, as an absolute path under the request's path base (not a URL): resolve it against the URL posted to."))
            .AnswersETag(StatusCodes.Status201Created);

    /// <summary>The <c>202 Accepted</c> of a queued test notice carries the <c>Location</c> of the subscriber's delivery log.</summary>
    public static RouteHandlerBuilder AnswersAcceptedIntoTheLog(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ResponseHeaderMetadata(
            StatusCodes.Status202Accepted,
            "Location",
            "The subscriber's delivery log, where the notice shows how its delivery goes, as an absolute path under the request's path base (not a URL)."));

    /// <summary>
    /// The endpoint honours <c>If-Match</c> (412 when it fails) and, without it, answers 409 when the record keeps
    /// changing under the write.
    /// </summary>
    public static RouteHandlerBuilder HonoursIfMatch(this RouteHandlerBuilder builder, string tagOf = "the record's") =>
        builder
            .WithMetadata(new RequestHeaderMetadata(
                IfMatch.HeaderName,
                $"Apply the write only while {tagOf} ETag is one of these strong entity tags (\"3\", or a list); * only requires that it exists. " +
                "Otherwise, or when the header is malformed, 412 Precondition Failed and nothing changes."))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// Every answer of the group, whatever its outcome, carries <c>Cache-Control: no-store</c>: the admin API shows the
    /// operator's records (subscribers' addresses, private pages) and, once, secrets (an access token, a signing
    /// secret, an unsubscribe token), which no browser or proxy cache on the way may keep.
    /// </summary>
    public static RouteGroupBuilder KeptByNoCache(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(static (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return next(context);
        });
        return group;
    }

    /// <summary>The endpoint answers 409 when a unique field (a slug, a component name, a destination) is taken.</summary>
    public static RouteHandlerBuilder MayConflict(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict);
}
