using System.Net;
using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;
using StatusKit.Notifications.Webhooks;
using StatusKit.Testing;
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
    [Fact]
    public async Task Rotating_tells_until_when_the_previous_secret_still_signs_and_every_read_says_the_same_without_the_secret()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Rotate overlap"));
        var created = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "webhook", destination = "http://127.0.0.1:5099/sample/rotate-overlap" }, expected: HttpStatusCode.Created);
        var id = Id(created);
        var oldSecret = created.Body.GetProperty("signingSecret").GetString()!;

        var rotated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{id}/signing-secret", null);
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{id}");
        var listed = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/subscribers")).Body.EnumerateArray().Single();

        Assert.Equal(JsonValueKind.Null, created.Body.GetProperty("previousSigningSecretValidUntil").ValueKind);
        var stored = (await factory.Service<SubscriberService>().GetAsync(id))!.PreviousSigningSecretExpiresAt;
        Assert.NotNull(stored);
        foreach (var body in new[] { rotated.Body, read.Body, listed })
        {
            Assert.Equal(stored, body.GetProperty("previousSigningSecretValidUntil").GetDateTimeOffset());
            Assert.DoesNotContain(oldSecret, body.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_previous_secret_is_shown_valid_until_its_expiry_and_as_none_from_then_on_or_when_it_does_not_decode()
    {
        var until = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        var subscriber = TestData.Subscriber(Guid.NewGuid(), SubscriberChannel.Webhook) with
        {
            SigningSecret = WebhookSignature.GenerateSecret(),
            PreviousSigningSecret = WebhookSignature.GenerateSecret(),
            PreviousSigningSecretExpiresAt = until,
        };

        Assert.Equal(until, AdminSubscriber.From(subscriber, until.AddSeconds(-1)).PreviousSigningSecretValidUntil);
        Assert.Null(AdminSubscriber.From(subscriber, until).PreviousSigningSecretValidUntil);
        Assert.Null(AdminSubscriber.From(subscriber with { PreviousSigningSecret = null, PreviousSigningSecretExpiresAt = null }, until.AddDays(-1)).PreviousSigningSecretValidUntil);
        Assert.Null(AdminSubscriber.From(subscriber with { PreviousSigningSecret = "not base64" }, until.AddDays(-1)).PreviousSigningSecretValidUntil);
    }
}
