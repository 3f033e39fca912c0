using System.Text.Json;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Reading the parts of an OpenAPI operation the header declarations put there.</summary>
internal static class OpenApiShape
{
    /// <summary>Whether <paramref name="response"/> declares header <paramref name="name"/> with a description and a schema.</summary>
    public static bool HasHeader(JsonElement response, string name) =>
        response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var header)
        && header.TryGetProperty("description", out _) && header.TryGetProperty("schema", out _);

    /// <summary>The operation's header parameters.</summary>
    public static IEnumerable<JsonElement> HeaderParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header")
            : [];
}
