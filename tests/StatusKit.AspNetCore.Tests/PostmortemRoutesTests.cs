using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// An incident's postmortem over HTTP: <c>PUT</c> and <c>DELETE admin/incidents/{id}/postmortem</c>, the
/// Statuspage-compatible <c>postmortem_body</c> and <c>postmortem_published_at</c>, and the incident page's section.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class PostmortemRoutesTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Publishing_needs_a_resolved_incident_and_a_body_and_answers_the_incident_with_its_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Postmortem admin"));
        try
        {
            var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
            var path = $"/status/admin/incidents/{Id(incident)}/postmortem";

            await AssertProblemAsync(await Request(admin, HttpMethod.Put, path, new { body = "Too early." }, null), HttpStatusCode.BadRequest, "body");
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/incidents/{Id(incident)}/updates", new { state = "resolved", message = "Fixed", notifySubscribers = false }, expected: HttpStatusCode.Created);
            await AssertProblemAsync(await Request(admin, HttpMethod.Put, path, new { }, null), HttpStatusCode.BadRequest, "body");
            await AssertProblemAsync(await Request(admin, HttpMethod.Put, path, new { body = new string('x', 20_001) }, null), HttpStatusCode.BadRequest, "body");

            var published = await SendAsync(admin, HttpMethod.Put, path, new { body = "What happened." });

            Assert.Equal("What happened.", published.Body.GetProperty("postmortem").GetString());
            Assert.Equal(JsonValueKind.String, published.Body.GetProperty("postmortemPublishedAt").ValueKind);
            Assert.Equal("\"3\"", published.ETag);
            Assert.Equal(published.ETag, (await SendAsync(admin, HttpMethod.Get, $"/status/admin/incidents/{Id(incident)}")).ETag);
        }
        finally
        {
            using var deleted = await Request(admin, HttpMethod.Delete, $"/status/admin/pages/{pageId}", null, null);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task Publishing_tells_subscribers_only_with_notifySubscribers_true()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Postmortem notice"));
        try
        {
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "postmortems@example.com" }, expected: HttpStatusCode.Created);
            var incident = await ResolvedIncidentAsync(admin, pageId);
            var path = $"/status/admin/incidents/{Id(incident)}/postmortem";

            await SendAsync(admin, HttpMethod.Put, path, new { body = "Quietly." });
            var afterQuiet = await PostmortemNoticesAsync(pageId);
            await SendAsync(admin, HttpMethod.Put, path, new { body = "A bad deploy.", notifySubscribers = true });

            Assert.Empty(afterQuiet);
            var notice = Assert.Single(await PostmortemNoticesAsync(pageId));
            // The text replaces one already public (on the page and in its feeds): the notice says the postmortem was updated.
            Assert.Equal(("[Postmortem notice] Postmortem updated: Slow", "A bad deploy."), (notice.Content.Subject, notice.Content.Body));
        }
        finally
        {
            using var deleted = await Request(admin, HttpMethod.Delete, $"/status/admin/pages/{pageId}", null, null);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    private async Task<List<Notification>> PostmortemNoticesAsync(Guid pageId) =>
        [.. (await factory.Service<IStatusStore>().ListNotificationsAsync(new NotificationQuery { PageId = pageId }, CancellationToken.None))
            .Where(n => n.Content.Kind == NotificationKind.StatusIncidentPostmortem)];

    [Fact]
    public async Task Publishing_and_removing_honour_If_Match_and_an_unknown_incident_is_404()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Postmortem If-Match"));
        try
        {
            var incident = await ResolvedIncidentAsync(admin, pageId);
            var path = $"/status/admin/incidents/{Id(incident)}/postmortem";

            await AssertProblemAsync(await Request(admin, HttpMethod.Put, path, new { body = "Stale." }, "\"1\""), HttpStatusCode.PreconditionFailed, "If-Match");
            var published = await SendAsync(admin, HttpMethod.Put, path, new { body = "First." }, ifMatch: incident.ETag);
            Assert.Equal("\"3\"", published.ETag);
            var republished = await SendAsync(admin, HttpMethod.Put, path, new { body = "Second." }, ifMatch: published.ETag);
            Assert.Equal(("Second.", "\"4\""), (republished.Body.GetProperty("postmortem").GetString(), republished.ETag));
            Assert.Equal(published.Body.GetProperty("postmortemPublishedAt").GetString(), republished.Body.GetProperty("postmortemPublishedAt").GetString());
            await AssertProblemAsync(await Request(admin, HttpMethod.Delete, path, null, published.ETag), HttpStatusCode.PreconditionFailed, "If-Match");

            var removed = await SendAsync(admin, HttpMethod.Delete, path, ifMatch: republished.ETag);

            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "\"5\""), (removed.Body.GetProperty("postmortem").ValueKind, removed.Body.GetProperty("postmortemPublishedAt").ValueKind, removed.ETag));
            var unknown = $"/status/admin/incidents/{Guid.NewGuid()}/postmortem";
            Assert.Equal(HttpStatusCode.NotFound, (await Request(admin, HttpMethod.Put, unknown, new { body = "x" }, null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Request(admin, HttpMethod.Delete, unknown, null, null)).StatusCode);
            await AssertProblemAsync(await Request(admin, HttpMethod.Delete, unknown, null, "*"), HttpStatusCode.PreconditionFailed, "If-Match");
        }
        finally
        {
            using var deleted = await Request(admin, HttpMethod.Delete, $"/status/admin/pages/{pageId}", null, null);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task Publishing_without_If_Match_while_every_write_loses_to_a_concurrent_edit_is_409_and_publishes_nothing()
    {
        using var host = new SampleHostFactory();
        IStatusStore? inner = null;
        InterceptingStatusStore? control = null;
        using var hooked = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IStatusStore));
            services.Replace(ServiceDescriptor.Singleton(provider =>
            {
                inner = registered.ImplementationInstance as IStatusStore
                        ?? registered.ImplementationFactory?.Invoke(provider) as IStatusStore
                        ?? (IStatusStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
                (var store, control) = InterceptingStatusStore.Wrap(inner);
                return store;
            }));
        }));
        using var admin = hooked.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", SampleHostFactory.ApiKey);
        var incident = await ResolvedIncidentAsync(admin, Id(await CreatePageAsync(admin, "Postmortem conflicts")));
        var incidentId = Id(incident);
        // Another writer retitles the incident just before each of the publication's compare-and-set writes.
        var interleaved = 0;
        control!.Before = (method, args) => method == nameof(IStatusStore.UpdateStatusIncidentAsync) && args[0] is StatusIncident { Postmortem: "Never" }
            ? Interleave()
            : null;

        using var response = await Request(admin, HttpMethod.Put, $"/status/admin/incidents/{incidentId}/postmortem", new { body = "Never" }, null);

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var stored = await SendAsync(admin, HttpMethod.Get, $"/status/admin/incidents/{incidentId}");
        Assert.Equal((JsonValueKind.Null, "changed 3", 3), (stored.Body.GetProperty("postmortem").ValueKind, stored.Body.GetProperty("title").GetString(), interleaved));

        async Task Interleave()
        {
            var current = (await inner!.GetStatusIncidentAsync(incidentId, CancellationToken.None))!;
            await inner.UpdateStatusIncidentAsync(current with { Title = $"changed {++interleaved}" }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_Statuspage_incident_carries_postmortem_body_and_postmortem_published_at_on_the_pages_clock_and_null_without_one()
    {
        var (page, incident) = await PageWithResolvedIncidentAsync("postmortem-api", "Asia/Tokyo");
        try
        {
            using var client = factory.CreatePublicClient();
            var before = await ApiIncidentAsync(client, page.Slug, incident.Id);
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (before.GetProperty("postmortem_body").ValueKind, before.GetProperty("postmortem_published_at").ValueKind));

            var published = await factory.Service<StatusIncidentService>().PublishPostmortemAsync(incident.Id, "What happened.\n\nWhat we changed.");
            var after = await ApiIncidentAsync(client, page.Slug, incident.Id);

            Assert.Equal("What happened.\n\nWhat we changed.", after.GetProperty("postmortem_body").GetString());
            var publishedAt = DateTimeOffset.Parse(after.GetProperty("postmortem_published_at").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal((TimeSpan.FromHours(9), published.PostmortemPublishedAt!.Value.ToUnixTimeMilliseconds()), (publishedAt.Offset, publishedAt.ToUnixTimeMilliseconds()));
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task The_Statuspage_incident_leaves_out_postmortem_notified_subscribers_rather_than_guess_it_even_after_a_notifying_publication()
    {
        // StatusKit keeps no record of the publisher's choice (docs/statuspage-compatibility.md): a client must not be
        // told "false" about a postmortem its subscribers were sent, nor "true" about one whose notices were dropped.
        var (page, incident) = await PageWithResolvedIncidentAsync("postmortem-notified", "UTC");
        try
        {
            using var client = factory.CreatePublicClient();
            await factory.Service<StatusIncidentService>().PublishPostmortemAsync(incident.Id, "What happened.", notifySubscribers: true);

            var published = await ApiIncidentAsync(client, page.Slug, incident.Id);

            Assert.Equal("What happened.", published.GetProperty("postmortem_body").GetString());
            Assert.All(
                new[] { "postmortem_notified_subscribers", "postmortem_ignored", "postmortem_notified_twitter", "postmortem_body_last_updated_at" },
                name => Assert.False(published.TryGetProperty(name, out _), name));
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task The_incident_page_shows_the_postmortem_encoded_in_paragraphs_with_its_time_and_a_new_ETag()
    {
        var (page, incident) = await PageWithResolvedIncidentAsync("postmortem-html", "America/New_York");
        try
        {
            using var client = factory.CreatePublicClient();
            var path = $"/status/{page.Slug}/incidents/{incident.Id}";
            using var without = await client.GetAsync(path);
            Assert.DoesNotContain("Postmortem", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var incidents = factory.Service<StatusIncidentService>();

            var published = await incidents.PublishPostmortemAsync(incident.Id, "A <script>alert(1)</script> & more.\nSecond line.\n\n  \nWhat we changed.");
            using var with = await client.GetAsync(path);
            var html = await with.Content.ReadAsStringAsync();

            Assert.NotEqual(without.Headers.ETag, with.Headers.ETag);
            Assert.Contains("<h3 id=\"postmortem-heading\">Postmortem</h3>", html, StringComparison.Ordinal);
            Assert.Contains("<p>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.<br>Second line.</p><p>What we changed.</p>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            var local = TimeZoneInfo.ConvertTime(published.PostmortemPublishedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
            Assert.Contains($"Published <time datetime=\"{local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\">", html, StringComparison.Ordinal);

            await incidents.RemovePostmortemAsync(incident.Id);
            using var removed = await client.GetAsync(path);
            Assert.DoesNotContain("Postmortem", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotEqual(with.Headers.ETag, removed.Headers.ETag);
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }
    }

    private static async Task<(JsonElement Body, string? ETag)> ResolvedIncidentAsync(HttpClient admin, Guid pageId)
    {
        var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
        return await SendAsync(admin, HttpMethod.Post, $"/status/admin/incidents/{Id(incident)}/updates", new { state = "resolved", message = "Fixed", notifySubscribers = false }, expected: HttpStatusCode.Created);
    }

    private async Task<(StatusPage Page, StatusIncident Incident)> PageWithResolvedIncidentAsync(string slug, string timeZoneId)
    {
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = slug, Slug = slug, TimeZoneId = timeZoneId });
        var incidents = factory.Service<StatusIncidentService>();
        var incident = await incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Slow", Message = "Looking", NotifySubscribers = false });
        return (page, await incidents.ResolveAsync(incident.Id, "Fixed", notifySubscribers: false));
    }

    private static async Task<JsonElement> ApiIncidentAsync(HttpClient client, string slug, Guid incidentId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/status/{slug}/api/v2/incidents.json"));
        return json.RootElement.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("id").GetString() == incidentId.ToString()).Clone();
    }
}
