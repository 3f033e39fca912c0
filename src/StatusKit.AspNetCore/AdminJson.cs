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
    public static JsonSerializerOptions Options { get; } = Create();

    public static async Task<T> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new StatusKitValidationException("body", "Send a JSON body with Content-Type: application/json.");
        }

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
}
