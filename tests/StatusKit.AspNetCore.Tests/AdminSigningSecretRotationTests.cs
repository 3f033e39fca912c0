using System.Net;
using StatusKit.Notifications.Webhooks;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST admin/subscribers/{id}/signing-secret</c>: an operator replaces a webhook subscriber's signing secret (one its
/// receiver lost, or one that leaked) without deleting the subscriber, through the sample host.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminSigningSecretRotationTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Rotating_answers_the_new_secret_once_uncached_with_the_subscribers_new_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Rotate"));
        var created = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "webhook", destination = "http://127.0.0.1:5099/sample/rotate" }, expected: HttpStatusCode.Created);
        var id = Id(created);

        using var response = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{id}/signing-secret", null, created.ETag);

        var rotated = await ReadAsync(response, HttpStatusCode.OK);
        var secret = rotated.GetProperty("signingSecret").GetString();
        Assert.True(WebhookSignature.IsValidSecret(secret));
        Assert.NotEqual(created.Body.GetProperty("signingSecret").GetString(), secret);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal(secret, (await factory.Service<SubscriberService>().GetAsync(id))!.SigningSecret);
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{id}");
        Assert.Equal(("\"2\"", System.Text.Json.JsonValueKind.Null), (read.ETag, read.Body.GetProperty("signingSecret").ValueKind));
    }

    [Fact]
    public async Task Rotating_at_a_stale_ETag_is_412_an_email_subscriber_is_400_naming_channel_and_an_unknown_one_404()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Rotate refused"));
        var webhook = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "webhook", destination = "http://127.0.0.1:5099/sample/rotate-refused" }, expected: HttpStatusCode.Created);
        var email = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "email", destination = "rotate@example.com" }, expected: HttpStatusCode.Created);

        using var stale = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(webhook)}/signing-secret", null, "\"9\"");
        using var notWebhook = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(email)}/signing-secret", null, null);
        using var unknown = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Guid.NewGuid()}/signing-secret", null, null);

        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        await AssertProblemAsync(notWebhook, HttpStatusCode.BadRequest, "channel");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var kept = await factory.Service<SubscriberService>().GetAsync(Id(webhook));
        Assert.Equal((webhook.Body.GetProperty("signingSecret").GetString(), 1L), (kept!.SigningSecret, kept.Version));
    }
}
