using System.Net;
using System.Text;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A refusal quotes a value the client sent, so the client sees which one was wrong, but never at length: at most the
/// first 40 characters and an ellipsis (<c>QuotedValue</c>), on the admin API and the public routes alike, whether the
/// value came in the query, a header, a body member's name or its value, and whether the web layer or the core refused it.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class LongValueEchoTests(SampleHostFactory factory)
{
    private static readonly string Long = new('x', 5_000);

    // A destination under the 2,000 characters the core takes, so that its shape, not its length, is refused.
    private static readonly string LongDestination = new('x', 1_500);

    public static TheoryData<string, string> AdminQueries => new()
    {
        { "incidents?state={0}", "state" },
        { "incidents?skip={0}", "skip" },
        { "maintenance?take={0}", "take" },
        { "subscribers?take={0}", "take" },
        { "notifications?state={0}", "state" },
        { "audit-log?limit={0}", "limit" },
        { "audit-log?targetId={0}", "targetId" },
    };

    // The field of an unknown member is the member's name as sent (a program's key), so only the detail is checked.
    public static TheoryData<string, string?> AdminPageBodies => new()
    {
        { $$"""{"name":"Echo","slug":"{{Long}}"}""", "slug" },
        { $$"""{"name":"Echo","timeZoneId":"{{Long}}"}""", "timeZoneId" },
        { $$"""{"name":"Echo","{{Long}}":1}""", null },
    };

    public static TheoryData<string, string, string> PublicSubscriptions => new()
    {
        { "192.0.2.180", $$"""{"channel":"email","destination":"{{LongDestination}}"}""", "destination" },
        { "192.0.2.181", $$"""{"channel":"webhook","destination":"ftp://{{LongDestination}}"}""", "destination" },
        { "192.0.2.182", $$"""{"channel":"email","destination":"echo@example.com","notifyOn":["{{Long}}"]}""", "notifyOn" },
    };

    [Theory]
    [MemberData(nameof(AdminQueries))]
    public async Task An_admin_lists_refused_query_value_is_quoted_short(string query, string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, $"Echo {Guid.NewGuid():N}"));

        using var response = await admin.GetAsync($"/status/admin/pages/{pageId}/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, query, Long));

        await AssertQuotedShortAsync(response, field);
    }

    [Theory]
    [MemberData(nameof(AdminPageBodies))]
    public async Task An_admin_bodys_refused_value_or_member_is_quoted_short(string json, string? field)
    {
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsync("/status/admin/pages", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertQuotedShortAsync(response, field);
    }

    [Theory]
    [InlineData("recurrence")]
    [InlineData("timeZoneId")]
    public async Task A_maintenance_windows_refused_schedule_is_quoted_short(string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, $"Echo {Guid.NewGuid():N}"));
        var body = new Dictionary<string, object> { ["title"] = "Upgrade", ["startsAt"] = "2030-01-01T09:00:00Z", ["endsAt"] = "2030-01-01T10:00:00Z", [field] = Long };

        using var response = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", body, null);

        await AssertQuotedShortAsync(response, field);
    }

    [Fact]
    public async Task A_refused_If_Match_header_is_quoted_short()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, $"Echo {Guid.NewGuid():N}"));

        using var response = await Request(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { name = "Renamed" }, "\"" + Long);

        await AssertQuotedShortAsync(response, "If-Match", HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_refused_Content_Type_is_quoted_short()
    {
        using var admin = factory.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/status/admin/pages") { Content = new StringContent("""{"name":"Echo"}""", Encoding.UTF8) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/" + Long);

        using var response = await admin.SendAsync(request);

        await AssertQuotedShortAsync(response, null, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(PublicSubscriptions))]
    public async Task A_public_subscriptions_refused_value_is_quoted_short(string client, string json, string field)
    {
        using var http = factory.CreatePublicClient(client);

        using var response = await http.PostAsync("/status/demo/subscriptions", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertQuotedShortAsync(response, field);
    }

    [Fact]
    public async Task A_public_forms_refused_component_id_is_quoted_short()
    {
        using var http = factory.CreatePublicClient("192.0.2.183");
        using var form = new FormUrlEncodedContent([new("channel", "email"), new("destination", "echo-form@example.com"), new("components", Long)]);

        using var response = await http.PostAsync("/status/demo/subscriptions", form);

        await AssertQuotedShortAsync(response, "components");
    }

    private static async Task AssertQuotedShortAsync(HttpResponseMessage response, string? field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal(status, response.StatusCode);
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.DoesNotContain(new string('x', 41), detail, StringComparison.Ordinal);
        Assert.Contains(new string('x', 30) + "…", detail, StringComparison.Ordinal);
    }
}
