using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class LiveEventsTests(SampleHostFactory factory)
{
    /// <summary>
    /// How long a fact waits for what it reads (an event, an answer, the end of a stream) before it fails as hung: each
    /// wait ends as soon as what it waits for comes, so this only needs to outlast a very busy machine.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_stream_asks_proxies_and_caches_to_pass_it_on_as_it_is_written()
    {
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no", Assert.Single(response.Headers.GetValues("X-Accel-Buffering")));
        Assert.True(response.Headers.CacheControl is { NoStore: true }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_signal_posted_to_the_admin_API_reaches_SSE_clients_and_Last_Event_ID_replays_it()
    {
        await factory.SettleAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        var checkout = await ComponentIdAsync("Checkout");
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        await SignalAsync("sse-test", "Triggered", 1);
        var status = await events.NextOfTypeAsync("status", d => d.Contains(checkout.ToString(), StringComparison.Ordinal), timeout.Token);
        using (var data = JsonDocument.Parse(status.Data))
        {
            Assert.Equal("major_outage", data.RootElement.GetProperty("status").GetString());
            Assert.Equal("Major Outage", data.RootElement.GetProperty("status_text").GetString());
            Assert.Equal("Checkout", data.RootElement.GetProperty("component_name").GetString());
        }

        var page = await events.NextOfTypeAsync("page", _ => true, timeout.Token);
        using (var data = JsonDocument.Parse(page.Data))
        {
            Assert.Equal("critical", data.RootElement.GetProperty("indicator").GetString());
            Assert.Equal("Major Service Outage", data.RootElement.GetProperty("description").GetString());
        }

        // A client that saw everything before the status event gets it again, from the replay buffer.
        var run = status.Id![..status.Id!.LastIndexOf('-')];
        var statusSequence = long.Parse(status.Id![(run.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var resume = new HttpRequestMessage(HttpMethod.Get, "/status/demo/events");
        resume.Headers.Add("Last-Event-ID", $"{run}-{statusSequence - 1}");
        using var resumed = await client.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var replay = new SseReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var first = await replay.NextAsync(timeout.Token);
        Assert.Equal(status.Id, first.Id);
        Assert.Equal(status.Data, first.Data);

        await SignalAsync("sse-test", "Resolved", 2);
        await events.NextOfTypeAsync("page", d => d.Contains("\"indicator\":\"none\"", StringComparison.Ordinal), timeout.Token);
    }

    [Fact]
    public async Task A_status_incident_posted_while_a_stream_is_open_sends_a_content_event_and_Last_Event_ID_replays_it()
    {
        await factory.SettleAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var incidents = factory.Service<StatusIncidentService>();
        var incident = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = await factory.PageIdAsync("demo"),
            Title = "SSE content test",
            Message = "Looking into it",
            Severity = StatusKit.Model.StatusIncidentSeverity.Minor,
            ComponentIds = [],
            NotifySubscribers = false,
        });
        try
        {
            var content = await events.NextOfTypeAsync("content", _ => true, timeout.Token);
            string version;
            using (var data = JsonDocument.Parse(content.Data))
            {
                // Only when, and the version of the page that shows it: the cause may name what readers are not shown.
                Assert.Equal(["at", "version"], data.RootElement.EnumerateObject().Select(p => p.Name));
                version = data.RootElement.GetProperty("version").GetString()!;
            }

            // The page shows the incident by the time its stream says so, as the version the event named.
            var html = await client.GetStringAsync("/status/demo", timeout.Token);
            Assert.Contains("SSE content test", html, StringComparison.Ordinal);
            Assert.Contains($"data-version=\"{version}\"", html, StringComparison.Ordinal);

            using var resume = new HttpRequestMessage(HttpMethod.Get, "/status/demo/events");
            resume.Headers.Add("Last-Event-ID", content.Id![..(content.Id!.LastIndexOf('-') + 1)] + (Sequence(content.Id!) - 1));
            using var resumed = await client.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var replayed = await new SseReader(await resumed.Content.ReadAsStreamAsync(timeout.Token)).NextAsync(timeout.Token);
            Assert.Equal(("content", content.Id, content.Data), (replayed.Type, replayed.Id, replayed.Data));
        }
        finally
        {
            await incidents.DeleteAsync(incident.Id);
        }

        await events.NextOfTypeAsync("content", _ => true, timeout.Token);
    }

    [Fact]
    public async Task A_group_event_carries_the_group_status_the_page_and_the_JSON_API_show()
    {
        await factory.SettleAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        await SignalAsync("sse-group", "Triggered", 1);
        try
        {
            // Checkout, in the Web group, goes down.
            var group = await events.NextOfTypeAsync("group", d => d.Contains("\"group_name\":\"Web\"", StringComparison.Ordinal), timeout.Token);
            using var data = JsonDocument.Parse(group.Data);
            var root = data.RootElement;
            Assert.Equal(("major_outage", "Major Outage", "operational"), (root.GetProperty("status").GetString(), root.GetProperty("status_text").GetString(), root.GetProperty("old_status").GetString()));
            using var summary = JsonDocument.Parse(await client.GetStringAsync("/status/demo/api/v2/components.json", timeout.Token));
            var web = summary.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Web");
            Assert.Equal(web.GetProperty("id").GetString(), root.GetProperty("group_id").GetString());
            Assert.Equal("major_outage", web.GetProperty("status").GetString());
            var html = await client.GetStringAsync("/status/demo", timeout.Token);
            Assert.Contains($"id=\"group-{root.GetProperty("group_id").GetString()}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await SignalAsync("sse-group", "Resolved", 2);
        }

        await events.NextOfTypeAsync("group", d => d.Contains("\"group_name\":\"Web\"", StringComparison.Ordinal) && d.Contains("\"status\":\"operational\"", StringComparison.Ordinal), timeout.Token);
    }

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments()
    {
        using var client = factory.CreatePublicClient();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var response = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var comments = 0;
        while (comments < 3)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line == ": keep-alive")
            {
                comments++;
            }
        }

        Assert.Equal(3, comments);
    }

    [Fact]
    public async Task Head_of_the_event_stream_gets_its_headers_at_once_and_no_stream()
    {
        using var client = factory.CreatePublicClient();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var request = new HttpRequestMessage(HttpMethod.Head, "/status/demo/events");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(timeout.Token));
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("0badc0de-0")]
    [InlineData("0badc0de-1")]
    public async Task A_Last_Event_ID_from_another_run_or_host_asks_the_client_to_reload_and_replays_nothing(string lastEventId)
    {
        var incident = "sse-other-run-" + Guid.NewGuid().ToString("N")[..8];
        await factory.SettleAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();

        // A client connected while a change happens, so its events are in the replay buffer.
        using var observed = await client.GetAsync("/status/demo/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var observer = new SseReader(await observed.Content.ReadAsStreamAsync(timeout.Token));
        await SignalAsync(incident, "Triggered", 1);
        var buffered = await observer.NextOfTypeAsync("status", _ => true, timeout.Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/demo/events");
        request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await events.NextAsync(timeout.Token);
        await SignalAsync(incident, "Resolved", 2);
        var next = await events.NextAsync(timeout.Token);

        // The first event after the reload is a new change, not one of the buffered ones replayed.
        Assert.Equal("reload", first.Type);
        Assert.True(Sequence(next.Id!) > Sequence(buffered.Id!), $"{next.Id} came after {buffered.Id}");
    }

    [Theory]
    [InlineData("made private")]
    [InlineData("token regenerated")]
    public async Task A_stream_whose_access_lapsed_ends_without_sending_the_next_change(string lapse)
    {
        var pages = factory.Service<StatusPageService>();
        var slug = "lapsed-" + Guid.NewGuid().ToString("N")[..8];
        var created = await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Lapsed access", Slug = slug, IsPublic = lapse == "made private" });
        var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = created.Page.Id, Name = "API" });
        await factory.SettleAsync();
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();
        using var open = new HttpRequestMessage(HttpMethod.Get, $"/status/{slug}/events");
        if (created.AccessToken is { } token)
        {
            open.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(open, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        if (lapse == "made private")
        {
            await pages.SetVisibilityAsync(created.Page.Id, isPublic: false);
        }
        else
        {
            await pages.RegenerateAccessTokenAsync(created.Page.Id);
        }

        await factory.Service<ComponentService>().SetManualStatusAsync(component.Id, StatusKit.Status.ComponentStatus.MajorOutage);
        await factory.SettleAsync();

        string? sent;
        try
        {
            var next = await events.NextAsync(timeout.Token);
            sent = $"{next.Type}: {next.Data}";
        }
        catch (EndOfStreamException)
        {
            sent = null;
        }

        Assert.Null(sent);
    }

    [Fact]
    public async Task A_stream_that_names_the_version_its_page_was_rendered_from_starts_with_a_content_event_only_when_the_page_changed_since()
    {
        var slug = "late-stream-" + Guid.NewGuid().ToString("N")[..8];
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Late stream", Slug = slug });
        var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" });
        await factory.SettleAsync();
        var reader = factory.Service<StatusKit.Engine.IStatusPageReader>();
        var rendered = (await reader.GetSnapshotBySlugAsync(slug, CancellationToken.None))!.Version;
        await factory.Service<ComponentService>().SetManualStatusAsync(component.Id, StatusKit.Status.ComponentStatus.MajorOutage);
        await factory.SettleAsync();
        var current = (await reader.GetSnapshotBySlugAsync(slug, CancellationToken.None))!.Version;
        using var timeout = new CancellationTokenSource(HangGuard);
        using var client = factory.CreatePublicClient();

        // Rendered before the change: no buffer kept the change for it, so the stream tells it to fetch the page again.
        using var behind = await client.GetAsync($"/status/{slug}/events?version={Uri.EscapeDataString(rendered)}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var first = await new SseReader(await behind.Content.ReadAsStreamAsync(timeout.Token)).NextAsync(timeout.Token);
        Assert.Equal(("content", (string?)null), (first.Type, first.Id));
        using (var data = JsonDocument.Parse(first.Data))
        {
            Assert.Equal(["at", "version"], data.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(current, data.RootElement.GetProperty("version").GetString());
        }

        // Rendered after it: the first event is the next change's.
        using var upToDate = await client.GetAsync($"/status/{slug}/events?version={Uri.EscapeDataString(current)}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = new SseReader(await upToDate.Content.ReadAsStreamAsync(timeout.Token));
        await factory.Service<ComponentService>().SetManualStatusAsync(component.Id, StatusKit.Status.ComponentStatus.DegradedPerformance);
        Assert.Equal("status", (await events.NextAsync(timeout.Token)).Type);
    }

    private static long Sequence(string eventId) =>
        long.Parse(eventId[(eventId.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private async Task SignalAsync(string incidentId, string state, long version)
    {
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/status/admin/signals", new
        {
            incidentId,
            teamId = "payments",
            serviceIdentifier = "checkout",
            priority = "Critical",
            state = state.ToLowerInvariant(),
            version,
            occurredAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + version),
            title = "SSE test",
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<Guid> ComponentIdAsync(string name) =>
        (await factory.Service<ComponentService>().ListAsync(await factory.PageIdAsync("demo"))).Single(c => c.Name == name).Id;
}
