using System.Net;
using System.Text.Json;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST admin/subscribers/{id}/reactivate</c>: an operator turns back on a subscriber it or the dispatcher stopped,
/// never one that unsubscribed itself; the subscriber's JSON says why it stopped.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminSubscriberReactivationTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_subscriber_the_dispatcher_stopped_shows_why_and_reactivating_it_answers_it_active_with_its_new_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var created = await CreateSubscriberAsync(admin, "Reactivate dead letters", "dead-letters@example.com");
        var store = factory.Service<IStatusStore>();
        var stored = (await store.GetSubscriberAsync(Id(created), CancellationToken.None))!;
        await store.UpdateSubscriberAsync(stored with { IsActive = false, DeactivationReason = SubscriberDeactivationReason.DeadLetters }, [], CancellationToken.None);
        var stopped = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{Id(created)}");
        Assert.Equal((false, "deadLetters", "\"2\""), (stopped.Body.GetProperty("isActive").GetBoolean(), stopped.Body.GetProperty("deactivationReason").GetString(), stopped.ETag));

        var reactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/reactivate", ifMatch: stopped.ETag);

        Assert.Equal((true, JsonValueKind.Null, "\"3\""), (reactivated.Body.GetProperty("isActive").GetBoolean(), reactivated.Body.GetProperty("deactivationReason").ValueKind, reactivated.ETag));
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{Id(created)}");
        Assert.Equal((reactivated.ETag, reactivated.Body.GetRawText()), (read.ETag, read.Body.GetRawText()));
    }

    [Fact]
    public async Task Deactivating_shows_operator_and_reactivating_an_active_subscriber_changes_nothing_keeping_its_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var created = await CreateSubscriberAsync(admin, "Reactivate operator", "operator@example.com");
        Assert.Equal(JsonValueKind.Null, created.Body.GetProperty("deactivationReason").ValueKind);

        var deactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/deactivate");
        var reactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/reactivate");
        var again = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/reactivate", ifMatch: reactivated.ETag);

        Assert.Equal("operator", deactivated.Body.GetProperty("deactivationReason").GetString());
        Assert.True(reactivated.Body.GetProperty("isActive").GetBoolean());
        Assert.Equal((reactivated.ETag, reactivated.Body.GetRawText()), (again.ETag, again.Body.GetRawText()));
    }

    [Fact]
    public async Task A_subscriber_that_unsubscribed_itself_is_a_409_naming_why_and_stays_unsubscribed()
    {
        using var admin = factory.CreateAdminClient();
        var created = await CreateSubscriberAsync(admin, "Reactivate unsubscribed", "unsubscribed@example.com");
        Assert.True(await factory.Service<SubscriberService>().UnsubscribeAsync(created.Body.GetProperty("unsubscribeToken").GetString()!));

        using var refused = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/reactivate", null, null);

        var body = await refused.Content.ReadAsStringAsync();
        await AssertProblemAsync(refused, HttpStatusCode.Conflict, "subscriberId");
        Assert.Contains("unsubscribed itself", body, StringComparison.Ordinal);
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{Id(created)}");
        Assert.Equal((false, "unsubscribed"), (read.Body.GetProperty("isActive").GetBoolean(), read.Body.GetProperty("deactivationReason").GetString()));
    }

    [Fact]
    public async Task Creating_a_destination_that_unsubscribed_itself_pre_verified_is_a_409_and_without_pre_verifying_it_must_confirm()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Recreate unsubscribed"));
        var created = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "gone-by-choice@example.com" }, expected: HttpStatusCode.Created);
        Assert.True(await factory.Service<SubscriberService>().UnsubscribeAsync(created.Body.GetProperty("unsubscribeToken").GetString()!));

        using var refused = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "gone-by-choice@example.com" }, null);
        var again = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "email", destination = "gone-by-choice@example.com", preVerified = false }, expected: HttpStatusCode.Created);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, "destination");
        Assert.Equal((true, false), (again.Body.GetProperty("isActive").GetBoolean(), again.Body.GetProperty("isVerified").GetBoolean()));
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_an_unknown_subscriber_a_404_and_neither_changes_anything()
    {
        using var admin = factory.CreateAdminClient();
        var created = await CreateSubscriberAsync(admin, "Reactivate stale", "stale@example.com");
        var deactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/deactivate");

        using var stale = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(created)}/reactivate", null, created.ETag);
        using var unknown = await Request(admin, HttpMethod.Post, $"/status/admin/subscribers/{Guid.NewGuid()}/reactivate", null, null);

        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "subscriberId");
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{Id(created)}");
        Assert.Equal((deactivated.ETag, false), (read.ETag, read.Body.GetProperty("isActive").GetBoolean()));
    }

    private static async Task<(JsonElement Body, string? ETag)> CreateSubscriberAsync(HttpClient admin, string pageName, string destination) =>
        await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, pageName))}/subscribers",
            new { channel = "email", destination }, expected: HttpStatusCode.Created);
}
