using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Following one incident over HTTP: <c>POST subscriptions</c> with <c>incident</c> (JSON and the incident page's form),
/// its refusals, the incident page's form, a follower's manage page, and the admin API's <c>incidentId</c>.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class IncidentSubscriptionTests(SampleHostFactory factory)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task JSON_with_an_incident_subscribes_to_that_incident_and_its_confirmation_says_so()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-json");
        using var client = factory.CreatePublicClient("192.0.2.140");

        using var response = await client.PostAsJsonAsync(
            $"/status/{page.Slug}/subscriptions", new { channel = "email", destination = "follow-json@example.com", incident = incident.Id });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var follower = Assert.Single(await ListAsync(page.Id), s => s.Destination == "follow-json@example.com");
        Assert.Equal((incident.Id, false), (follower.StatusIncidentId, follower.IsVerified));
        var outbox = await factory.Service<IStatusStore>().ListNotificationsAsync(new NotificationQuery { SubscriberId = follower.Id }, CancellationToken.None);
        Assert.Contains($"updates on \"{incident.Title}\"", Assert.Single(outbox).Content.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_link_asks_about_the_incidents_updates_and_confirms_as_any()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-confirm");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "follow-confirm@example.com", StatusIncidentId = incident.Id,
        });
        using var client = factory.CreatePublicClient("192.0.2.146");
        var link = $"/status/{page.Slug}/subscriptions/verify?token={subscription.VerificationToken}";

        var asked = await client.GetStringAsync(link);
        using var confirmed = await client.PostAsync(link, null);

        Assert.Contains(System.Net.WebUtility.HtmlEncode($"Get updates on \"{incident.Title}\" from {page.Name}?"), asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.IsVerified);
    }

    [Fact]
    public async Task The_incident_pages_form_subscribes_to_the_incident_and_answers_a_page()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-form");
        using var client = factory.CreatePublicClient("192.0.2.141");
        client.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);

        using var response = await client.PostAsync(
            $"/status/{page.Slug}/subscriptions",
            Form(("channel", "email"), ("destination", "follow-form@example.com"), ("incident", incident.Id.ToString())));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("<h1>Check your messages</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(incident.Id, Assert.Single(await ListAsync(page.Id), s => s.Destination == "follow-form@example.com").StatusIncidentId);
    }

    [Fact]
    public async Task An_incident_of_another_page_or_none_or_not_an_id_is_a_400_naming_incident()
    {
        var (page, _) = await PageWithIncidentAsync("follow-bad");
        var (_, elsewhere) = await PageWithIncidentAsync("follow-elsewhere");
        using var client = factory.CreatePublicClient("192.0.2.142");
        var path = $"/status/{page.Slug}/subscriptions";

        using var otherPage = await client.PostAsJsonAsync(path, new { channel = "email", destination = "follow-bad1@example.com", incident = elsewhere.Id });
        using var unknown = await client.PostAsJsonAsync(path, new { channel = "email", destination = "follow-bad2@example.com", incident = Guid.NewGuid() });
        using var notAnId = await client.PostAsJsonAsync(path, new { channel = "email", destination = "follow-bad3@example.com", incident = "nope" });
        using var formNotAnId = await client.PostAsync(path, Form(("channel", "email"), ("destination", "follow-bad4@example.com"), ("incident", "nope")));

        foreach (var response in new[] { otherPage, unknown, notAnId, formNotAnId })
        {
            await AdminResponses.AssertProblemAsync(response, HttpStatusCode.BadRequest, "incident");
        }

        Assert.Empty(await ListAsync(page.Id));
    }

    [Fact]
    public async Task Components_or_notifyOn_with_an_incident_is_a_400_naming_the_member()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-choice");
        using var client = factory.CreatePublicClient("192.0.2.143");
        var path = $"/status/{page.Slug}/subscriptions";

        using var components = await client.PostAsJsonAsync(path, new { channel = "email", destination = "choice1@example.com", incident = incident.Id, components = Array.Empty<Guid>() });
        using var events = await client.PostAsJsonAsync(path, new { channel = "email", destination = "choice2@example.com", incident = incident.Id, notifyOn = new[] { "outage" } });
        using var formEvents = await client.PostAsync(
            path, Form(("channel", "email"), ("destination", "choice3@example.com"), ("incident", incident.Id.ToString()), ("notifyOn", ""), ("notifyOn", "outage")));

        await AdminResponses.AssertProblemAsync(components, HttpStatusCode.BadRequest, "components");
        await AdminResponses.AssertProblemAsync(events, HttpStatusCode.BadRequest, "notifyOn");
        await AdminResponses.AssertProblemAsync(formEvents, HttpStatusCode.BadRequest, "notifyOn");
        Assert.Empty(await ListAsync(page.Id));
    }

    [Fact]
    public async Task The_incident_page_offers_the_form_while_the_incident_is_unresolved_with_the_pages_channels()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-html");
        using var client = factory.CreatePublicClient("192.0.2.144");

        var open = await client.GetStringAsync($"/status/{page.Slug}/incidents/{incident.Id}");
        await factory.Service<StatusIncidentService>().ResolveAsync(incident.Id, "Fixed.");
        var resolved = await client.GetStringAsync($"/status/{page.Slug}/incidents/{incident.Id}");

        Assert.Contains("<summary>Get updates on this incident</summary>", open, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"/status/{page.Slug}/subscriptions\">", open, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"incident\" value=\"{incident.Id}\">", open, StringComparison.Ordinal);
        foreach (var channel in new[] { "email", "slack", "webhook", "teams" })
        {
            Assert.Contains($"name=\"channel\" value=\"{channel}\"", open, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("name=\"notifyOn\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"components\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Get updates on this incident", resolved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_followers_manage_page_names_the_incident_and_offers_no_choice_and_unsubscribing_works()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-manage");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "follow-manage@example.com", StatusIncidentId = incident.Id, PreVerified = true,
        });
        using var client = factory.CreatePublicClient("192.0.2.145");

        var manage = await client.GetStringAsync($"/status/{page.Slug}/subscriptions/manage?token={subscription.UnsubscribeToken}");
        var asked = await client.GetStringAsync($"/status/{page.Slug}/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");
        using var unsubscribed = await client.PostAsync($"/status/{page.Slug}/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}", null);

        Assert.Contains($"Updates on incident: {incident.Title}", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"notifyOn\"", manage, StringComparison.Ordinal);
        Assert.DoesNotContain("Change what you get instead", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        Assert.Equal(SubscriberDeactivationReason.Unsubscribed, (await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.DeactivationReason);
    }

    [Fact]
    public async Task The_admin_API_creates_a_follower_with_incidentId_shows_it_and_refuses_a_choice_with_it()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-admin");
        using var admin = factory.CreateAdminClient();

        using var created = await admin.PostAsJsonAsync(
            $"/status/admin/pages/{page.Id}/subscribers", new { channel = "email", destination = "follow-admin@example.com", incidentId = incident.Id });
        using var withEvents = await admin.PostAsJsonAsync(
            $"/status/admin/pages/{page.Id}/subscribers", new { channel = "email", destination = "follow-admin2@example.com", incidentId = incident.Id, notifyOn = new[] { "outage" } });
        using var elsewhere = await admin.PostAsJsonAsync(
            $"/status/admin/pages/{page.Id}/subscribers", new { channel = "email", destination = "follow-admin3@example.com", incidentId = Guid.NewGuid() });
        var listed = await admin.GetStringAsync($"/status/admin/pages/{page.Id}/subscribers");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal(incident.Id, json.RootElement.GetProperty("incidentId").GetGuid());
        Assert.Contains($"\"incidentId\":\"{incident.Id}\"", listed, StringComparison.Ordinal);
        await AdminResponses.AssertProblemAsync(withEvents, HttpStatusCode.BadRequest, "notifyOn");
        await AdminResponses.AssertProblemAsync(elsewhere, HttpStatusCode.BadRequest, "incidentId");
    }

    [Fact]
    public async Task The_admin_API_shows_a_follower_with_no_components_or_events_and_a_PATCH_naming_either_is_a_400()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-admin-json");
        using var admin = factory.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync(
            $"/status/admin/pages/{page.Id}/subscribers", new { channel = "email", destination = "follow-admin-json@example.com", incidentId = incident.Id });
        var follower = await AdminResponses.ReadAsync(created, HttpStatusCode.Created);
        var path = $"/status/admin/subscribers/{follower.GetProperty("id").GetGuid()}";

        using var components = await admin.PatchAsJsonAsync(path, new { componentIds = Array.Empty<Guid>() });
        using var events = await admin.PatchAsJsonAsync(path, new { notifyOn = new[] { "outage" } });
        using var nothing = await admin.PatchAsJsonAsync(path, new { });
        using var read = await admin.GetAsync(path);
        var listed = JsonDocument.Parse(await admin.GetStringAsync($"/status/admin/pages/{page.Id}/subscribers")).RootElement;

        await AdminResponses.AssertProblemAsync(components, HttpStatusCode.BadRequest, "componentIds");
        await AdminResponses.AssertProblemAsync(events, HttpStatusCode.BadRequest, "notifyOn");
        foreach (var shown in new[] { follower, await AdminResponses.ReadAsync(nothing, HttpStatusCode.OK), await AdminResponses.ReadAsync(read, HttpStatusCode.OK), listed[0] })
        {
            Assert.Equal(incident.Id, shown.GetProperty("incidentId").GetGuid());
            Assert.Equal(JsonValueKind.Null, shown.GetProperty("componentIds").ValueKind);
            Assert.Equal(JsonValueKind.Null, shown.GetProperty("notifyOn").ValueKind);
        }
    }

    [Fact]
    public async Task A_followers_manage_POST_refuses_components_or_events_and_answers_none()
    {
        var (page, incident) = await PageWithIncidentAsync("follow-manage-post");
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "follow-manage-post@example.com", StatusIncidentId = incident.Id, PreVerified = true,
        });
        using var script = factory.CreatePublicClient("192.0.2.147");
        script.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var person = factory.CreatePublicClient("192.0.2.147");
        person.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        var link = $"/status/{page.Slug}/subscriptions/manage?token={subscription.UnsubscribeToken}";

        using var components = await script.PostAsJsonAsync(link, new { components = Array.Empty<Guid>() });
        using var events = await script.PostAsJsonAsync(link, new { notifyOn = new[] { "outage" } });
        using var form = await person.PostAsync(link, Form(("notifyOn", "outage")));
        using var nothing = await script.PostAsJsonAsync(link, new { });

        await AdminResponses.AssertProblemAsync(components, HttpStatusCode.BadRequest, "components");
        await AdminResponses.AssertProblemAsync(events, HttpStatusCode.BadRequest, "notifyOn");
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.DoesNotContain("name=\"notifyOn\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answer = await AdminResponses.ReadAsync(nothing, HttpStatusCode.OK);
        Assert.Equal(incident.Id, answer.GetProperty("incident").GetGuid());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("components").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("notifyOn").ValueKind);
        Assert.Equal(subscription.Subscriber.Version, (await factory.Service<SubscriberService>().GetAsync(subscription.Subscriber.Id))!.Version);
    }

    [Fact]
    public async Task A_destination_that_follows_the_page_and_the_incident_in_the_database_hears_each_update_once()
    {
        // The sample host's EF Core store: the destinations read back from the database are compared as its unique
        // indexes compare them (an email address in any case).
        var (page, incident) = await PageWithIncidentAsync("follow-once");
        var subscribers = factory.Service<SubscriberService>();
        var ofPage = (await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "Follow-Once@Example.com", PreVerified = true,
        })).Subscriber;
        var follower = (await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "follow-once@example.com", StatusIncidentId = incident.Id, PreVerified = true,
        })).Subscriber;
        var otherFollower = (await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "follow-once-too@example.com", StatusIncidentId = incident.Id, PreVerified = true,
        })).Subscriber;

        await factory.Service<StatusIncidentService>().AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it.");

        var store = factory.Service<IStatusStore>();
        async Task<int> UpdatesToAsync(Guid subscriberId) =>
            (await store.ListNotificationsAsync(new NotificationQuery { SubscriberId = subscriberId }, CancellationToken.None))
                .Count(n => n.Content.Kind == NotificationKind.StatusIncidentUpdated);
        Assert.Equal((1, 0, 1), (await UpdatesToAsync(ofPage.Id), await UpdatesToAsync(follower.Id), await UpdatesToAsync(otherFollower.Id)));
    }

    private async Task<(StatusPage Page, StatusIncident Incident)> PageWithIncidentAsync(string slug)
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = $"Page {slug}", Slug = slug });
        var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" });
        var incident = await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = $"Errors on {slug}", Message = "Investigating.", ComponentIds = [component.Id],
        });
        await factory.SettleAsync();
        return (page, incident);
    }

    private Task<IReadOnlyList<Subscriber>> ListAsync(Guid pageId) => factory.Service<SubscriberService>().ListAsync(pageId);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
