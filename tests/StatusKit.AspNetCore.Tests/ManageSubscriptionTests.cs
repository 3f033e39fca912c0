using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>GET|POST {prefix}/{slug}/subscriptions/manage?token=</c>: a subscriber changes its events and components with the
/// unsubscribe token its messages carry, instead of unsubscribing and subscribing again.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class ManageSubscriptionTests(SampleHostFactory factory)
{
    [Fact]
    public async Task The_page_shows_the_subscribers_choice_ticked_links_to_unsubscribe_and_is_neither_cached_nor_referred()
    {
        var (components, subscription) = await SubscribeAsync("manage-page@example.com", NotificationEvents.Outage | NotificationEvents.Resolved, first: true);
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains($"<form method=\"post\" action=\"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"notifyOn\" value=\"outage\" checked>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"notifyOn\" value=\"resolved\" checked>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"notifyOn\" value=\"degraded\">", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{components[0].Id}\" checked>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{components[1].Id}\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("manage-page@example.com", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("form-action 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "verify")]
    [InlineData("POST", "verify")]
    [InlineData("GET", "unsubscribe")]
    [InlineData("POST", "unsubscribe")]
    [InlineData("GET", "manage")]
    [InlineData("POST", "manage")]
    public async Task Every_answer_of_a_link_holding_a_token_is_neither_cached_nor_referred_whatever_it_says(string method, string route)
    {
        var (_, subscription) = await SubscribeAsync($"token-headers-{method}-{route}@example.com", NotificationEvents.All, first: true);
        using var client = factory.CreatePublicClient();
        var token = route == "verify" ? "not-a-known-token" : subscription.UnsubscribeToken;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/status/demo/subscriptions/{route}?token={token}"));

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_pages_form_changes_the_events_and_components_and_nothing_ticked_follows_all()
    {
        var (components, subscription) = await SubscribeAsync("manage-form@example.com", NotificationEvents.All, first: true);
        using var client = factory.CreatePublicClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var link = $"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}";

        using var some = await client.PostAsync(link, Form(("notifyOn", ""), ("notifyOn", "degraded"), ("components", components[1].Id.ToString())));
        var afterSome = await StoredAsync(subscription);
        using var all = await client.PostAsync(link, Form(("notifyOn", ""), ("notifyOn", "outage")));
        var afterAll = await StoredAsync(subscription);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (some.StatusCode, all.StatusCode));
        Assert.Contains("Your choice is saved", await some.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([components[1].Id], afterSome.ComponentIds);
        Assert.Equal((NotificationEvents.Degraded, subscription.Subscriber.Version + 1), (afterSome.NotifyOn, afterSome.Version));
        Assert.Empty(afterAll.ComponentIds);
        Assert.Equal((NotificationEvents.Outage, true, true), (afterAll.NotifyOn, afterAll.IsActive, afterAll.IsVerified));
        Assert.Equal("no-store", all.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_script_posting_JSON_gets_JSON_and_what_it_leaves_out_is_kept()
    {
        var (components, subscription) = await SubscribeAsync("manage-json@example.com", NotificationEvents.All, first: true);
        using var client = factory.CreatePublicClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var response = await client.PostAsJsonAsync($"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}", new { notifyOn = new[] { "maintenance" } });

        Assert.Equal((HttpStatusCode.OK, "application/json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("updated", body.GetProperty("status").GetString());
        Assert.Equal("demo", body.GetProperty("page").GetProperty("slug").GetString());
        Assert.Equal([components[0].Id], body.GetProperty("components").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(["maintenance"], body.GetProperty("notifyOn").EnumerateArray().Select(e => e.GetString()));
        var stored = await StoredAsync(subscription);
        Assert.Equal([components[0].Id], stored.ComponentIds);
        Assert.Equal(NotificationEvents.Maintenance, stored.NotifyOn);
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_on_the_page_for_a_person_as_a_problem_for_a_script_and_changes_nothing()
    {
        var (_, subscription) = await SubscribeAsync("manage-bad@example.com", NotificationEvents.Outage, first: true);
        var link = $"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}";
        using var person = factory.CreatePublicClient();
        person.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var script = factory.CreatePublicClient();
        script.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var noEvents = await person.PostAsync(link, Form(("notifyOn", "")));
        using var otherPage = await script.PostAsJsonAsync(link, new { components = new[] { Guid.NewGuid() } });
        using var emptyEvents = await script.PostAsJsonAsync(link, new { notifyOn = Array.Empty<string>() });
        using var tooLarge = await script.PostAsJsonAsync(link, new { notifyOn = new[] { new string('x', 70_000) } });

        Assert.Equal(HttpStatusCode.BadRequest, noEvents.StatusCode);
        var page = await noEvents.Content.ReadAsStringAsync();
        Assert.Contains("Choose at least one of degraded, outage, maintenance, resolved.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"notifyOn\" value=\"outage\" checked>", page, StringComparison.Ordinal);
        await AdminResponses.AssertProblemAsync(otherPage, HttpStatusCode.BadRequest, "components");
        await AdminResponses.AssertProblemAsync(emptyEvents, HttpStatusCode.BadRequest, "notifyOn");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        var stored = await StoredAsync(subscription);
        Assert.Equal((NotificationEvents.Outage, subscription.Subscriber.Version), (stored.NotifyOn, stored.Version));
    }

    [Fact]
    public async Task An_ended_subscription_says_so_and_changes_nothing()
    {
        var (_, subscription) = await SubscribeAsync("manage-ended@example.com", NotificationEvents.Outage, first: false);
        await factory.Service<SubscriberService>().UnsubscribeAsync(subscription.UnsubscribeToken);
        var ended = await StoredAsync(subscription);
        using var client = factory.CreatePublicClient();
        var link = $"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}";

        using var opened = await client.GetAsync(link);
        using var posted = await client.PostAsync(link, Form(("notifyOn", ""), ("notifyOn", "degraded")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (opened.StatusCode, posted.StatusCode));
        Assert.Contains("subscribe again", await opened.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ended.Version, (await StoredAsync(subscription)).Version);
    }

    [Theory]
    [InlineData(SubscriberDeactivationReason.DeadLetters, "Subscription stopped", "kept failing")]
    [InlineData(SubscriberDeactivationReason.DestinationGone, "Subscription stopped", "kept failing")]
    [InlineData(SubscriberDeactivationReason.Operator, "Subscription stopped", "The operators of")]
    [InlineData(SubscriberDeactivationReason.ComponentsDeleted, "Subscription ended", "Every component this subscription followed")]
    [InlineData(SubscriberDeactivationReason.IncidentDeleted, "Subscription ended", "The incident this subscription followed was removed")]
    [InlineData(SubscriberDeactivationReason.Unknown, "Unsubscribed", "You no longer hear about")]
    public async Task A_subscription_stopped_without_unsubscribing_says_why_and_changes_nothing(SubscriberDeactivationReason reason, string title, string says)
    {
        var (_, subscription) = await SubscribeAsync($"manage-stopped-{reason}@example.com", NotificationEvents.Outage, first: false);
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var stopped = await store.UpdateSubscriberAsync(
            await StoredAsync(subscription) with { IsActive = false, DeactivationReason = reason }, [], CancellationToken.None);
        using var client = factory.CreatePublicClient();
        var link = $"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}";

        using var opened = await client.GetAsync(link);
        using var posted = await client.PostAsync(link, Form(("notifyOn", ""), ("notifyOn", "degraded")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (opened.StatusCode, posted.StatusCode));
        foreach (var html in new[] { await opened.Content.ReadAsStringAsync(), await posted.Content.ReadAsStringAsync() })
        {
            Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(says, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        }

        Assert.Equal(stopped.Version, (await StoredAsync(subscription)).Version);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("internal")]
    public async Task An_unknown_token_or_another_pages_gets_the_answer_of_an_unknown_page_and_changes_nothing(string slug)
    {
        var (_, subscription) = await SubscribeAsync($"manage-other-{slug}@example.com", NotificationEvents.Outage, first: false);
        using var client = factory.CreatePublicClient();
        using var unknownPage = await client.GetAsync("/status/no-such-page/subscriptions/manage?token=bogus");
        var token = slug == "demo" ? new string('c', 64) : subscription.UnsubscribeToken;

        using var opened = await client.GetAsync($"/status/{slug}/subscriptions/manage?token={token}");
        using var posted = await client.PostAsync($"/status/{slug}/subscriptions/manage?token={token}", Form(("notifyOn", ""), ("notifyOn", "degraded")));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (opened.StatusCode, posted.StatusCode));
        Assert.Equal(await unknownPage.Content.ReadAsStringAsync(), await opened.Content.ReadAsStringAsync());
        Assert.Equal(await unknownPage.Content.ReadAsStringAsync(), await posted.Content.ReadAsStringAsync());
        Assert.Equal(("no-store", "no-referrer"), (opened.Headers.CacheControl?.ToString(), Assert.Single(opened.Headers.GetValues("Referrer-Policy"))));
        Assert.Equal(subscription.Subscriber.Version, (await StoredAsync(subscription)).Version);
    }

    [Fact]
    public async Task The_unsubscribe_page_offers_to_change_what_you_get_instead()
    {
        var (_, subscription) = await SubscribeAsync("manage-instead@example.com", NotificationEvents.All, first: false);
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");

        Assert.Contains(
            $"<a href=\"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}\">Change what you get instead</a>", html, StringComparison.Ordinal);
    }

    private async Task<(IReadOnlyList<Component> Components, Subscription Subscription)> SubscribeAsync(string destination, NotificationEvents events, bool first)
    {
        var pageId = await factory.PageIdAsync("demo");
        var components = await factory.Service<ComponentService>().ListAsync(pageId);
        Assert.True(components.Count >= 2, "The sample's demo page has at least two components.");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = destination, PreVerified = true,
            NotifyOn = events, ComponentIds = first ? [components[0].Id] : [],
        });
        return (components, subscription);
    }

    private async Task<Subscriber> StoredAsync(Subscription subscription) =>
        (await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!;

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
