using System.Net;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Every admin answer that shows a secret once (an access token, a signing secret) tells caches not to keep it.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminSecretAnswerTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Answers_carrying_an_access_token_or_a_signing_secret_are_no_store()
    {
        using var admin = factory.CreateAdminClient();
        var answers = new List<(string Route, HttpResponseMessage Response)>();
        try
        {
            answers.Add(("create a private page", await Request(admin, HttpMethod.Post, "/status/admin/pages", new { name = "Secret answers", isPublic = false }, null)));
            var pageId = Id(await ReadBodyAsync(answers[^1].Response, HttpStatusCode.Created));
            answers.Add(("new access token", await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/access-token", null, null)));
            answers.Add(("make public", await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = true }, null)));
            answers.Add(("make private", await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = false }, null)));
            answers.Add(("create a webhook subscriber", await Request(
                admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "webhook", destination = "http://127.0.0.1:5099/sample/secret-answers" }, null)));

            Assert.All(answers, a =>
            {
                Assert.True(a.Response.IsSuccessStatusCode, $"{a.Route}: {a.Response.StatusCode}");
                Assert.True(a.Response.Headers.CacheControl is { NoStore: true }, $"{a.Route}: Cache-Control {a.Response.Headers.CacheControl}");
            });
        }
        finally
        {
            foreach (var (_, response) in answers)
            {
                response.Dispose();
            }
        }
    }

    private static async Task<(System.Text.Json.JsonElement Body, string? ETag)> ReadBodyAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await ReadAsync(response, expected), response.Headers.ETag?.ToString());
}
