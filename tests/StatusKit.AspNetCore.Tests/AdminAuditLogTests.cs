using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Audit;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The admin API's audit log: who changed what on a page, named from the request's authenticated user, newest first,
/// paged by an opaque cursor.
/// </summary>
public sealed class AdminAuditLogTests : IAsyncLifetime
{
    private const string UserHeader = "X-Test-User";
    private const string SubjectHeader = "X-Test-Subject";
    private readonly ManualTimeProvider _clock = new(TestData.At(0));
    private WebApplication? _app;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app =>
            {
                // Stands in for the host's authentication: a name, or only a subject id, from test headers.
                app.Use((context, next) =>
                {
                    if (context.Request.Headers[UserHeader].ToString() is { Length: > 0 } name)
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "Test"));
                    }
                    else if (context.Request.Headers[SubjectHeader].ToString() is { Length: > 0 } subject)
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, subject)], "Test"));
                    }

                    return next(context);
                });
                app.MapStatusPages("/status");
            });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_change_names_the_authenticated_user_else_their_subject_else_admin_api()
    {
        using var admin = App.Client();
        admin.DefaultRequestHeaders.Add(UserHeader, "alice@example.com");
        var page = Id(await CreatePageAsync(admin, "Acme"));
        admin.DefaultRequestHeaders.Remove(UserHeader);
        admin.DefaultRequestHeaders.Add(SubjectHeader, "user-42");
        await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{page}", new { name = "Acme Cloud" });
        admin.DefaultRequestHeaders.Remove(SubjectHeader);
        await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{page}/components", new { name = "API" }, expected: HttpStatusCode.Created);

        var log = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log")).Body;

        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(
            [("admin-api", "component.created", ""), ("user-42", "page.updated", "name"), ("alice@example.com", "page.created", "")],
            entries.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), string.Join(",", e.GetProperty("fields").EnumerateArray().Select(f => f.GetString())))));
        Assert.Equal(JsonValueKind.Null, log.GetProperty("nextCursor").ValueKind);
        Assert.Equal(TestData.At(0), entries[0].GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(page, entries[2].GetProperty("targetId").GetGuid());
        Assert.Equal("page", entries[2].GetProperty("targetKind").GetString());
    }

    [Fact]
    public async Task A_log_is_paged_by_the_cursor_it_hands_out_and_filtered_by_action_and_target()
    {
        using var admin = App.Client();
        var page = Id(await CreatePageAsync(admin, "Acme"));
        var api = Id(await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{page}/components", new { name = "API" }, expected: HttpStatusCode.Created));
        await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{page}/components", new { name = "Web" }, expected: HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Patch, $"/status/admin/components/{api}", new { description = "REST" });

        var first = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?limit=3")).Body;
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?limit=3&cursor={cursor}")).Body;
        var created = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?action=component.created")).Body;
        var ofApi = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?targetId={api}")).Body;

        Assert.Equal(3, first.GetProperty("entries").GetArrayLength());
        Assert.NotNull(cursor);
        Assert.Equal(["page.created"], Actions(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["component.created", "component.created"], Actions(created));
        Assert.Equal(["component.updated", "component.created"], Actions(ofApi));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=x", "limit")]
    [InlineData("cursor=nope", "cursor")]
    [InlineData("targetId=nope", "targetId")]
    public async Task A_bad_query_value_is_a_400_problem_naming_it(string query, string field)
    {
        using var admin = App.Client();
        var page = Id(await CreatePageAsync(admin, "Acme"));

        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{page}/audit-log?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_deleted_pages_log_stays_readable()
    {
        using var admin = App.Client();
        var page = Id(await CreatePageAsync(admin, "Acme"));
        await admin.DeleteAsync($"/status/admin/pages/{page}");

        var log = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log")).Body;

        Assert.Equal(["page.deleted", "page.created"], Actions(log));
    }

    [Fact]
    public async Task A_deleted_pages_log_stays_readable_filtered_to_nothing_and_past_its_last_entry()
    {
        using var admin = App.Client();
        var page = Id(await CreatePageAsync(admin, "Acme"));
        await admin.DeleteAsync($"/status/admin/pages/{page}");
        var cursor = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?limit=1")).Body.GetProperty("nextCursor").GetString();

        var filtered = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?action=component.")).Body;
        var past = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?cursor={cursor}&action=page.deleted")).Body;

        Assert.Empty(Actions(filtered));
        Assert.Empty(Actions(past));
    }

    [Fact]
    public async Task A_page_that_never_existed_is_a_404_problem_naming_pageId()
    {
        using var admin = App.Client();

        var response = await admin.GetAsync($"/status/admin/pages/{Guid.NewGuid()}/audit-log?action=page.");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "pageId");
    }

    [Fact]
    public async Task A_subscribers_manage_page_and_one_click_unsubscribe_are_recorded_as_the_subscribers_not_the_callers()
    {
        using var admin = App.Client();
        var created = (await CreatePageAsync(admin, "Acme")).Body;
        var page = created.GetProperty("id").GetGuid();
        var slug = created.GetProperty("slug").GetString();
        var subscription = await App.Services.GetRequiredService<StatusKit.Services.SubscriberService>().SubscribeAsync(new StatusKit.Services.Subscribe
        {
            PageId = page, Channel = StatusKit.Model.SubscriberChannel.Webhook, Destination = "https://151.101.1.140/hook", PreVerified = true,
        });
        using var reader = App.Client();
        reader.DefaultRequestHeaders.Add(UserHeader, "mallory");
        reader.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        using var managed = await reader.PostAsync(
            $"/status/{slug}/subscriptions/manage?token={subscription.UnsubscribeToken}",
            new StringContent("""{"notifyOn":["outage"]}""", System.Text.Encoding.UTF8, "application/json"));
        using var unsubscribed = await reader.PostAsync($"/status/{slug}/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}", null);
        var log = (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{page}/audit-log?action=subscriber.")).Body;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (managed.StatusCode, unsubscribed.StatusCode));
        var entries = log.GetProperty("entries").EnumerateArray().Take(2).ToList();
        Assert.Equal(
            [("subscriber", "subscriber.unsubscribed", "isActive,deactivationReason"), ("subscriber", "subscriber.updated", "notifyOn")],
            entries.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString(), string.Join(",", e.GetProperty("fields").EnumerateArray().Select(f => f.GetString())))));
        Assert.All(entries, e => Assert.Equal(subscription.Subscriber.Id, e.GetProperty("targetId").GetGuid()));
    }

    [Fact]
    public async Task A_hosts_own_actor_accessor_is_kept_by_the_endpoints()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAuditActorAccessor, FixedActor>();

        services.AddStatusPages().AddStatusPageEndpoints();

        Assert.IsType<FixedActor>(services.BuildServiceProvider().GetRequiredService<IAuditActorAccessor>());
    }

    private static List<string?> Actions(JsonElement log) =>
        [.. log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString())];

    private sealed class FixedActor : IAuditActorAccessor
    {
        public string? GetActor() => "host";
    }
}
