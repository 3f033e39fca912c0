using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using StatusKit.Shared;

namespace StatusKit.AspNetCore;

/// <summary>
/// The content types a route's body may have, refused as problem details rather than by routing. An endpoint that
/// declares them (<c>.Accepts&lt;T&gt;("application/json")</c>) is otherwise answered by ASP.NET Core's routing with a
/// bare 415 and an empty body for any other <c>Content-Type</c>, before StatusKit sees the request. On a route group,
/// <see cref="AnswerWithProblems"/> lets such endpoints match every content type (<see cref="DeclaredBodyTypes"/>, for
/// routing only: the OpenAPI document still lists the declared ones) and refuses the others in an endpoint filter by
/// throwing <see cref="UnsupportedMediaTypeException"/>, which the group's exception filter answers as a 415 problem
/// (or, for a person's form post to the subscription route, a page saying the same).
/// </summary>
internal static class BodyContentTypes
{
    private const string Any = "*/*";

    /// <summary>
    /// Makes the endpoints of <paramref name="group"/> that declare body content types answer another one (or none)
    /// with a 415 problem naming them. Call it after adding the group's exception filter, so that filter answers it.
    /// </summary>
    public static RouteGroupBuilder AnswerWithProblems(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ((IEndpointConventionBuilder)group).Finally(static builder =>
        {
            if (builder.Metadata.OfType<IAcceptsMetadata>().LastOrDefault() is { ContentTypes.Count: > 0 } accepts
                && !accepts.ContentTypes.Contains(Any, StringComparer.Ordinal))
            {
                builder.Metadata.Add(new DeclaredBodyTypes(accepts));
                if (!builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status415UnsupportedMediaType))
                {
                    builder.Metadata.Add(new ProducesResponseTypeMetadata(
                        StatusCodes.Status415UnsupportedMediaType, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
                }
            }
        });
        group.AddEndpointFilter(static (context, next) =>
        {
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<DeclaredBodyTypes>() is { } declared)
            {
                Require(context.HttpContext.Request, declared.Declared);
            }

            return next(context);
        });
        group.AddOpenApiOperationTransformer(HideAnyAsync);
        return group;
    }

    /// <summary>
    /// Throws <see cref="UnsupportedMediaTypeException"/> unless the request's Content-Type is one of
    /// <paramref name="accepted"/>, in a charset (when it names one) that a decoder here knows.
    /// </summary>
    public static void Require(HttpRequest request, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(accepted);
        var sent = request.ContentType;
        // The media type itself, not one it is a subset of: application/merge-patch+json names other semantics.
        if (sent is { Length: > 0 } && MediaTypeHeaderValue.TryParse(sent, out var mediaType)
            && accepted.Any(type => mediaType.MediaType.Equals(MediaTypeHeaderValue.Parse(type).MediaType, StringComparison.OrdinalIgnoreCase)))
        {
            _ = RequireKnownCharset(mediaType, accepted);
            return;
        }

        throw new UnsupportedMediaTypeException(string.IsNullOrEmpty(sent)
            ? $"The request has no Content-Type; send the body with {Expected(accepted)}."
            : $"The Content-Type '{QuotedValue.Of(sent)}' is not taken here; send the body with {Expected(accepted)}.");
    }

    /// <summary>
    /// The encoding the request's Content-Type names (<c>charset</c>, quoted or not), UTF-8 when it names none; throws
    /// <see cref="UnsupportedMediaTypeException"/> for a charset no decoder here knows (RFC 9110, 15.5.16: the body
    /// cannot be read), asking for UTF-8 and one of <paramref name="accepted"/>.
    /// </summary>
    public static Encoding RequireKnownCharset(HttpRequest request, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ? RequireKnownCharset(mediaType, accepted) : Encoding.UTF8;
    }

    private static Encoding RequireKnownCharset(MediaTypeHeaderValue mediaType, IReadOnlyList<string> accepted)
    {
        if (mediaType.Charset is not { Length: > 0 } charset)
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.ToString().Trim('"'));
        }
        catch (ArgumentException)
        {
            throw new UnsupportedMediaTypeException(
                $"The charset '{QuotedValue.Of(charset)}' is not known here; send the body in UTF-8 with {Expected(accepted)}.");
        }
    }

    private static string Expected(IReadOnlyList<string> accepted) => string.Join(" or ", accepted.Select(type => $"Content-Type: {type}"));

    // The catch-all type is there for routing only; the document shows the types the route takes.
    private static Task HideAnyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody?.Content?.Remove(Any);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The body metadata routing and the API description read (the last <see cref="IAcceptsMetadata"/>): the declared
    /// types and <c>*/*</c>, so routing lets every request through to the filter that answers it.
    /// </summary>
    private sealed class DeclaredBodyTypes(IAcceptsMetadata accepts) : IAcceptsMetadata
    {
        public IReadOnlyList<string> Declared { get; } = accepts.ContentTypes;

        public IReadOnlyList<string> ContentTypes { get; } = [.. accepts.ContentTypes, Any];

        public Type? RequestType { get; } = accepts.RequestType;

        public bool IsOptional { get; } = accepts.IsOptional;
    }
}
