using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Sending admin API requests in tests: a JSON body and an optional <c>If-Match</c>, read with the answer's <c>ETag</c>.</summary>
internal static class AdminCalls
{
    /// <summary>The <c>id</c> member of a record's JSON.</summary>
    public static Guid Id((JsonElement Body, string? ETag) record) => record.Body.GetProperty("id").GetGuid();

    public static Task<(JsonElement Body, string? ETag)> CreatePageAsync(HttpClient admin, string name) =>
        SendAsync(admin, HttpMethod.Post, "/status/admin/pages", new { name }, expected: HttpStatusCode.Created);

    /// <summary>Sends a request, asserts its status, and returns its JSON with its <c>ETag</c> (null when it had none).</summary>
    public static async Task<(JsonElement Body, string? ETag)> SendAsync(
        HttpClient admin, HttpMethod method, string path, object? body = null, string? ifMatch = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Request(admin, method, path, body, ifMatch);
        var etag = response.Headers.ETag?.ToString();
        return (await ReadAsync(response, expected), etag);
    }

    public static Task<HttpResponseMessage> Request(HttpClient admin, HttpMethod method, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return admin.SendAsync(request);
    }
}
