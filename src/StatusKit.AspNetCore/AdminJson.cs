using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore;

/// <summary>
/// The JSON conventions of the admin and subscription APIs (camelCase, enums as camelCase strings), owned by StatusKit
/// so the host's own JSON options are left alone. Bad JSON becomes a validation error naming the path.
/// </summary>
internal static class AdminJson
{
    private static readonly string[] JsonType = ["application/json"];

    public static JsonSerializerOptions Options { get; } = Create();

    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            BodyContentTypes.Require(context.Request, JsonType);
        }

        // Read here rather than by ReadFromJsonAsync, which fails with a server error on a quoted charset
        // (charset="utf-8", the same as unquoted) as on one .NET does not know: the client's mistake, refused first.
        var encoding = BodyContentTypes.RequireKnownCharset(context.Request, JsonType);
        try
        {
            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, context.RequestAborted) ?? throw EmptyBody();
            }

            await using var utf8 = Encoding.CreateTranscodingStream(context.Request.Body, encoding, Encoding.UTF8, leaveOpen: true);
            return await JsonSerializer.DeserializeAsync<T>(utf8, Options, context.RequestAborted) ?? throw EmptyBody();
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

    private static StatusKitValidationException EmptyBody() => new("body", "The body is empty.");
}
