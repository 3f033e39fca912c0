using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StatusKit.AspNetCore;

/// <summary>
/// The JSON conventions of the admin and subscription APIs (camelCase, enums as camelCase strings), owned by StatusKit
/// so the host's own JSON options are left alone. Bad JSON becomes a validation error naming the path.
/// </summary>
internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            BodyContentTypes.Require(context.Request, ["application/json"]);
        }

        RequireKnownCharset(context.Request);

        try
        {
            return await context.Request.ReadFromJsonAsync<T>(Options, context.RequestAborted)
                ?? throw new StatusKitValidationException("body", "The body is empty.");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw new StatusKitValidationException(field, $"The JSON is not valid here: {ex.Message}");
        }
    }

    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Options, statusCode: statusCode);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // ReadFromJsonAsync transcodes from the charset the Content-Type names and fails on one .NET does not know with an
    // InvalidOperationException, a server error for what is the client's mistake; refuse it here, naming the charset.
    private static void RequireKnownCharset(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.Charset is { Length: > 0 } charset
            && !IsKnownEncoding(charset.ToString()))
        {
            throw new StatusKitValidationException(
                "body", $"The charset '{charset}' of the Content-Type is not a known encoding; send the JSON as UTF-8 (Content-Type: application/json).");
        }
    }

    private static bool IsKnownEncoding(string name)
    {
        try
        {
            Encoding.GetEncoding(name.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
