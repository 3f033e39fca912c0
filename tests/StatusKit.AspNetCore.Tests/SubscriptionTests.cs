using System.Net;
using System.Net.Http.Json;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class SubscriptionTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Subscribing_is_rate_limited_per_client_address()
    {
        using var client = factory.CreatePublicClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = $"rate{i}@example.com" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append((HttpStatusCode)429), statuses);
    }

    [Fact]
    public async Task Subscribing_is_rate_limited_per_IPv6_64_prefix_as_one_client_holds_the_whole_prefix()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var client = factory.CreatePublicClient($"2001:db8:64:1::{i + 1:x}");
            using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = $"v6-{i}@example.com" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append((HttpStatusCode)429), statuses);
    }

    [Fact]
    public async Task IPv4_clients_seen_through_a_dual_stack_socket_are_limited_each_on_its_own()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var client = factory.CreatePublicClient($"::ffff:198.51.100.{i + 1}");
            using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = $"v4-mapped-{i}@example.com" });
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
    }

    [Fact]
    public async Task One_destination_gets_at_most_five_subscription_requests_an_hour_whatever_the_client_addresses()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var client = factory.CreatePublicClient($"203.0.113.{i + 1}");
            var destination = i % 2 == 0 ? "flooded@example.com" : "Flooded@Example.COM";
            using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 5).Append((HttpStatusCode)429), statuses);
    }

    [Fact]
    public async Task A_subscription_request_larger_than_any_real_one_is_refused_unread()
    {
        using var client = factory.CreatePublicClient("192.0.2.20");
        var components = Enumerable.Range(0, 20_000).Select(_ => Guid.NewGuid()).ToArray();

        using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = "big@example.com", components });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_form_post_subscribes_as_JSON_does()
    {
        using var client = factory.CreatePublicClient("192.0.2.21");

        using var response = await client.PostAsync("/status/demo/subscriptions", new FormUrlEncodedContent(
            [new("channel", "email"), new("destination", "form-reader@example.com"), new("notifyOn", "outage"), new("notifyOn", "resolved")]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var subscriber = (await factory.Service<SubscriberService>().ListAsync(await factory.PageIdAsync("demo"))).Single(s => s.Destination == "form-reader@example.com");
        Assert.Equal(NotificationEvents.Outage | NotificationEvents.Resolved, subscriber.NotifyOn);
    }

    [Fact]
    public async Task A_Teams_workflow_URL_subscribes_by_JSON_and_a_plain_http_one_is_a_400_naming_the_destination()
    {
        using var client = factory.CreatePublicClient("192.0.2.23");
        const string Workflow = "https://127.0.0.1:1/workflows/json-reader/triggers/manual/paths/invoke?sig=x";

        using var accepted = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "Teams", destination = Workflow, notifyOn = new[] { "outage" } });
        using var refused = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "teams", destination = "http://127.0.0.1:1/workflows/plain" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "destination");
        var subscriber = (await factory.Service<SubscriberService>().ListAsync(await factory.PageIdAsync("demo"))).Single(s => s.Destination == Workflow);
        Assert.Equal((SubscriberChannel.Teams, NotificationEvents.Outage), (subscriber.Channel, subscriber.NotifyOn));
    }

    [Fact]
    public async Task An_explicitly_empty_notifyOn_is_a_400_naming_it_and_subscribes_nobody_while_leaving_it_out_means_every_event()
    {
        using var client = factory.CreatePublicClient("192.0.2.22");
        var pageId = await factory.PageIdAsync("demo");

        using var empty = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = "no-events@example.com", notifyOn = Array.Empty<string>() });
        using var absent = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = "every-event@example.com" });

        await AdminResponses.AssertProblemAsync(empty, HttpStatusCode.BadRequest, "notifyOn");
        Assert.Equal(HttpStatusCode.Accepted, absent.StatusCode);
        var subscribers = await factory.Service<SubscriberService>().ListAsync(pageId);
        Assert.DoesNotContain(subscribers, s => s.Destination == "no-events@example.com");
        Assert.Equal(NotificationEvents.All, subscribers.Single(s => s.Destination == "every-event@example.com").NotifyOn);
    }

    [Fact]
    public async Task A_component_that_is_not_on_the_page_is_a_400_naming_components_the_member_the_body_sent()
    {
        using var client = factory.CreatePublicClient("192.0.2.23");
        var pageId = await factory.PageIdAsync("demo");

        using var response = await client.PostAsJsonAsync("/status/demo/subscriptions",
            new { channel = "email", destination = "elsewhere@example.com", components = new[] { Guid.NewGuid() } });

        await AdminResponses.AssertProblemAsync(response, HttpStatusCode.BadRequest, "components");
        Assert.DoesNotContain(await factory.Service<SubscriberService>().ListAsync(pageId), s => s.Destination == "elsewhere@example.com");
    }

    [Fact]
    public async Task Subscribing_a_destination_that_is_already_subscribed_gets_the_answer_a_new_destination_gets()
    {
        var subscribers = factory.Service<SubscriberService>();
        var pageId = await factory.PageIdAsync("demo");
        var confirmed = await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "confirmed-reader@example.com", PreVerified = true,
        });
        await subscribers.SubscribeAsync(new Subscribe { PageId = pageId, Channel = SubscriberChannel.Email, Destination = "pending-reader@example.com" });
        using var client = factory.CreatePublicClient("192.0.2.10");

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var destination in new[] { "never-subscribed@example.com", "confirmed-reader@example.com", "pending-reader@example.com" })
        {
            using var response = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(HttpStatusCode.Accepted, answers[0].Status);
        var unchanged = (await subscribers.GetAsync(confirmed.Subscriber.Id))!;
        Assert.Equal((true, true, confirmed.Subscriber.UnsubscribeTokenHash), (unchanged.IsVerified, unchanged.IsActive, unchanged.UnsubscribeTokenHash));
    }

    [Fact]
    public async Task Opening_the_confirmation_link_asks_first_so_a_mail_scanner_that_fetches_it_confirms_nothing()
    {
        var subscribers = factory.Service<SubscriberService>();
        var subscription = await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"), Channel = SubscriberChannel.Email, Destination = "scanned@example.com",
        });
        using var client = factory.CreatePublicClient();
        var link = $"/status/demo/subscriptions/verify?token={subscription.VerificationToken}";

        using var fetched = await client.GetAsync(link);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fetched.StatusCode, head.StatusCode));
        Assert.Contains("method=\"post\"", await fetched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await subscribers.GetAsync(subscription.Subscriber.Id))!.IsVerified);

        using var confirmed = await client.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await subscribers.GetAsync(subscription.Subscriber.Id))!.IsVerified);
    }

    [Fact]
    public async Task Verify_then_one_click_unsubscribe()
    {
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"),
            Channel = SubscriberChannel.Email,
            Destination = "verify-me@example.com",
        });
        using var client = factory.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/status/demo/subscriptions/verify?token={subscription.VerificationToken}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/status/demo/subscriptions/verify?token={subscription.VerificationToken}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/demo/subscriptions/verify?token={subscription.VerificationToken}")).StatusCode);
        Assert.True((await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.IsVerified);

        // GET asks first (link scanners must not unsubscribe); the RFC 8058 POST does it.
        var confirm = await client.GetStringAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");
        Assert.Contains("method=\"post\"", confirm, StringComparison.Ordinal);
        Assert.True((await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.IsActive);
        using var oneClick = await client.PostAsync(
            $"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False((await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.IsActive);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/status/demo/subscriptions/unsubscribe?token={new string('a', 64)}", null)).StatusCode);
    }

    [Fact]
    public async Task A_script_that_unsubscribes_asking_for_JSON_gets_JSON_as_verify_answers_it_and_a_problem_for_an_unknown_link()
    {
        // A webhook receiver acting on a delivery's meta.unsubscribe URL by itself.
        var pageId = await factory.PageIdAsync("demo");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "json-unsubscribe@example.com",
        });
        using var client = factory.CreatePublicClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var ended = await client.PostAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}", null);
        using var unknown = await client.PostAsync($"/status/demo/subscriptions/unsubscribe?token={new string('b', 64)}", null);

        Assert.Equal((HttpStatusCode.OK, "application/json"), (ended.StatusCode, ended.Content.Headers.ContentType?.MediaType));
        var body = await ended.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("unsubscribed", body.GetProperty("status").GetString());
        Assert.Equal(pageId, body.GetProperty("page").GetProperty("id").GetGuid());
        Assert.Equal("demo", body.GetProperty("page").GetProperty("slug").GetString());
        Assert.False((await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.IsActive);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task The_pages_that_say_a_subscription_was_confirmed_or_ended_link_back_to_the_status_page()
    {
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"),
            Channel = SubscriberChannel.Email,
            Destination = "back-link@example.com",
        });
        using var client = factory.CreatePublicClient();

        using var confirmed = await client.PostAsync($"/status/demo/subscriptions/verify?token={subscription.VerificationToken}", null);
        using var unsubscribed = await client.PostAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}", null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (confirmed.StatusCode, unsubscribed.StatusCode));
        Assert.Contains("<a href=\"/status/demo\">Back to the status page</a>", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo\">Back to the status page</a>", await unsubscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_confirmation_link_answers_410_Gone_saying_to_subscribe_again_and_confirms_nothing()
    {
        var subscribers = factory.Service<SubscriberService>();
        var request = new Subscribe { PageId = await factory.PageIdAsync("demo"), Channel = SubscriberChannel.Email, Destination = "late-reader@example.com" };
        var subscription = await subscribers.SubscribeAsync(request);
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var stored = (await store.GetSubscriberAsync(subscription.Subscriber.Id, CancellationToken.None))!;
        await store.UpdateSubscriberAsync(stored with { VerifyTokenIssuedAt = stored.VerifyTokenIssuedAt!.Value.AddDays(-3) }, [], CancellationToken.None);
        using var client = factory.CreatePublicClient();
        var link = $"/status/demo/subscriptions/verify?token={subscription.VerificationToken}";

        using var opened = await client.GetAsync(link);
        using var confirmed = await client.PostAsync(link, null);

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone), (opened.StatusCode, confirmed.StatusCode));
        Assert.Contains("has expired", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Subscribe again", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await subscribers.GetAsync(subscription.Subscriber.Id))!.IsVerified);
        var again = await subscribers.SubscribeAsync(request);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/status/demo/subscriptions/verify?token={again.VerificationToken}", null)).StatusCode);
    }

    [Theory]
    [InlineData("internal", "unsubscribe")]
    [InlineData("internal", "verify")]
    [InlineData("demo", "unsubscribe")]
    [InlineData("demo", "verify")]
    [InlineData("internal", "manage")]
    [InlineData("demo", "manage")]
    public async Task A_bogus_token_gets_the_answer_of_an_unknown_page(string slug, string route)
    {
        using var client = factory.CreatePublicClient();
        using var unknown = await client.GetAsync($"/status/no-such-page/subscriptions/{route}?token=bogus");
        using var response = await client.GetAsync($"/status/{slug}/subscriptions/{route}?token=bogus");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_works_only_on_the_page_that_issued_it()
    {
        var subscribers = factory.Service<SubscriberService>();
        var subscription = await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"),
            Channel = SubscriberChannel.Email,
            Destination = "other-page@example.com",
        });
        using var client = factory.CreatePublicClient();

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, $"/status/internal/subscriptions/verify?token={subscription.VerificationToken}"),
            new HttpRequestMessage(HttpMethod.Post, $"/status/internal/subscriptions/verify?token={subscription.VerificationToken}"),
            new HttpRequestMessage(HttpMethod.Get, $"/status/internal/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}"),
            new HttpRequestMessage(HttpMethod.Post, $"/status/internal/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}"),
            new HttpRequestMessage(HttpMethod.Get, $"/status/internal/subscriptions/manage?token={subscription.UnsubscribeToken}"),
            new HttpRequestMessage(HttpMethod.Post, $"/status/internal/subscriptions/manage?token={subscription.UnsubscribeToken}")
            {
                Content = new FormUrlEncodedContent([new("notifyOn", "degraded")]),
            },
        })
        {
            using (request)
            using (var response = await client.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Acme internal tools", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var subscriber = (await subscribers.GetAsync(subscription.Subscriber.Id))!;
        Assert.False(subscriber.IsVerified);
        Assert.True(subscriber.IsActive);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/status/demo/subscriptions/verify?token={subscription.VerificationToken}", null)).StatusCode);
    }
}
