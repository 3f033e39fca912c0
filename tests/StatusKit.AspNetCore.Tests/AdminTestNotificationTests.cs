using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST {prefix}/admin/subscribers/{id}/test</c>: an operator queues a test notice to one subscriber and reads how it
/// went in the subscriber's delivery log; a subscriber that would not get it is refused with a problem saying why.
/// </summary>
public sealed class AdminTestNotificationTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(TestData.At(0));
    private WebApplication? _app;
    private Guid _pageId;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        _pageId = (await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme" })).Id;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_test_is_202_Accepted_with_its_pending_log_entry_and_the_Location_of_the_subscribers_delivery_log()
    {
        var subscriber = await AddSubscriberAsync(s => s);
        using var admin = App.Client();

        using var response = await admin.PostAsync($"/status/admin/subscribers/{subscriber.Id}/test", content: null);
        var location = response.Headers.Location?.OriginalString;
        var entry = await ReadAsync(response, HttpStatusCode.Accepted);

        Assert.Equal($"/status/admin/subscribers/{subscriber.Id}/notifications", location);
        Assert.Equal(
            (subscriber.Id, _pageId, "email", "subscription.test", "Test notification from Acme", "pending", 0),
            (entry.GetProperty("subscriberId").GetGuid(), entry.GetProperty("pageId").GetGuid(), entry.GetProperty("channel").GetString(),
                entry.GetProperty("type").GetString(), entry.GetProperty("subject").GetString(), entry.GetProperty("state").GetString(),
                entry.GetProperty("attempts").GetInt32()));
        Assert.Equal(_clock.GetUtcNow(), entry.GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain("destination", entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var log = await ReadAsync(await admin.GetAsync(location), HttpStatusCode.OK);
        var listed = Assert.Single(log.EnumerateArray());
        Assert.Equal(
            [.. entry.EnumerateObject().Select(p => p.Name)],
            listed.EnumerateObject().Select(p => p.Name)); // the same shape as the delivery log's
        Assert.Equal(entry.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unknown_subscriber_is_a_404_naming_subscriberId()
    {
        using var admin = App.Client();

        await AssertProblemAsync(await admin.PostAsync($"/status/admin/subscribers/{Guid.NewGuid()}/test", content: null), HttpStatusCode.NotFound, "subscriberId");
    }

    [Fact]
    public async Task An_inactive_subscriber_is_a_409_saying_so_and_nothing_is_queued()
    {
        var subscriber = await AddSubscriberAsync(s => s with { IsActive = false });
        using var admin = App.Client();

        using var response = await admin.PostAsync($"/status/admin/subscribers/{subscriber.Id}/test", content: null);

        await AssertConflictAsync(response, "inactive");
        await AssertNothingQueuedAsync(subscriber);
    }

    [Fact]
    public async Task An_unverified_subscriber_is_a_409_saying_it_has_not_confirmed_and_nothing_is_queued()
    {
        var subscriber = await AddSubscriberAsync(s => s with { IsVerified = false, VerifyTokenIssuedAt = _clock.GetUtcNow() });
        using var admin = App.Client();

        using var response = await admin.PostAsync($"/status/admin/subscribers/{subscriber.Id}/test", content: null);

        await AssertConflictAsync(response, "not confirmed");
        await AssertNothingQueuedAsync(subscriber);
    }

    [Fact]
    public async Task A_second_test_while_the_first_is_pending_is_a_409()
    {
        // No email notifier on this host: the first test stays pending, as one waiting for a retry would.
        var subscriber = await AddSubscriberAsync(s => s);
        using var admin = App.Client();
        await ReadAsync(await admin.PostAsync($"/status/admin/subscribers/{subscriber.Id}/test", content: null), HttpStatusCode.Accepted);

        using var again = await admin.PostAsync($"/status/admin/subscribers/{subscriber.Id}/test", content: null);

        await AssertConflictAsync(again, "still pending");
    }

    private async Task<Subscriber> AddSubscriberAsync(Func<Subscriber, Subscriber> shape)
    {
        var subscriber = shape(TestData.Subscriber(_pageId, SubscriberChannel.Email, "customer@example.com") with { ComponentIds = [] });
        await App.Services.GetRequiredService<IStatusStore>().AddSubscriberAsync(subscriber, [], CancellationToken.None);
        return subscriber;
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("subscriberId", problem.RootElement.GetProperty("field").GetString());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertNothingQueuedAsync(Subscriber subscriber)
    {
        using var admin = App.Client();
        var log = await ReadAsync(await admin.GetAsync($"/status/admin/subscribers/{subscriber.Id}/notifications"), HttpStatusCode.OK);
        Assert.Empty(log.EnumerateArray());
    }
}
