using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace StatusKit.AspNetCore;

/// <summary>
/// RFC 9457 problem details for StatusKit's own exceptions, naming the field, and for a refusal with a reason code
/// (<see cref="StatusKitValidationException.Code"/>) carrying it as <c>code</c>.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult From(StatusKitException exception) => From(exception, exception.Field);

    /// <summary>The problem details of <paramref name="exception"/>, naming <paramref name="field"/> (the body's own name for it).</summary>
    public static ProblemHttpResult From(StatusKitException exception, string? field)
    {
        var (status, title) = exception switch
        {
            StatusKitValidationException => (StatusCodes.Status400BadRequest, "The request is invalid."),
            StatusKitNotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            StatusKitConflictException => (StatusCodes.Status409Conflict, "Conflict."),
            StatusKitConcurrencyException => (StatusCodes.Status409Conflict, "Changed by someone else; reload and retry."),
            Admin.PreconditionFailedException => (StatusCodes.Status412PreconditionFailed, "Precondition failed."),
            UnsupportedMediaTypeException => (StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type."),
            _ => (StatusCodes.Status400BadRequest, "The request cannot be carried out."),
        };
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (field is not null)
        {
            extensions["field"] = field;
            if (status == StatusCodes.Status400BadRequest)
            {
                extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [exception.Message] };
            }
        }

        if (exception is StatusKitValidationException { Code: { } code })
        {
            extensions["code"] = code;
        }

        return TypedResults.Problem(exception.Message, statusCode: status, title: title, extensions: extensions);
    }
}
