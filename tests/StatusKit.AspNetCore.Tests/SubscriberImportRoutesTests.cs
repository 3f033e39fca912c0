using System.Net;
using System.Text;
using System.Text.Json;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST admin/pages/{pageId}/import/subscribers</c>: a page's subscribers in bulk, from a CSV or JSON, the last step
/// of moving a page from Statuspage.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class SubscriberImportRoutesTests(SampleHostFactory factory)
{
    private const string Webhook = "http://127.0.0.1:5099/sample/import-secret-path";

    [Fact]
    public async Task A_csv_subscribes_each_row_pre_verified_telling_nobody_and_a_second_import_adds_nothing()
    {
        await factory.WithPageAsync("import-subscribers-csv", async page =>
        {
            var api = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" });
            using var admin = factory.CreateAdminClient();
            var csv = "\uFEFFemail,type,destination,components\r\nops@example.com,email,,API\r\n\"dev@example.com\",,,\r\n,webhook," + Webhook + ",\r\nnot-an-address,email,,\r\n";

            var report = await ReadAsync(await PostAsync(admin, page.Id, Csv(csv)), HttpStatusCode.OK);

            Assert.Equal(3, report.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                [("email", 2), ("email", 3), ("webhook", 4)],
                report.GetProperty("imported").EnumerateArray().Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("row").GetInt32())));
            var invalid = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal((5, "invalid"), (invalid.GetProperty("row").GetInt32(), invalid.GetProperty("reason").GetString()));
            Assert.StartsWith("Row 5, column email:", invalid.GetProperty("message").GetString(), StringComparison.Ordinal);
            var first = await factory.Service<SubscriberService>().GetAsync(report.GetProperty("imported")[0].GetProperty("id").GetGuid());
            Assert.True(first is { IsActive: true, IsVerified: true });
            Assert.Equal([api.Id], first!.ComponentIds);
            Assert.Equal(0, await factory.OutboxCountAsync(page.Id));

            var again = await ReadAsync(await PostAsync(admin, page.Id, Csv(csv)), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                ["alreadySubscribed", "alreadySubscribed", "alreadySubscribed", "invalid"],
                again.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("reason").GetString()));
            Assert.Equal("http://127.0.0.1/…", again.GetProperty("skipped")[2].GetProperty("destination").GetString());
            Assert.DoesNotContain("import-secret-path", again.GetRawText(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_json_document_with_preVerified_false_sends_each_its_verification_message()
    {
        await factory.WithPageAsync("import-subscribers-json", async page =>
        {
            using var admin = factory.CreateAdminClient();
            const string json = """{"subscribers":[{"channel":"email","destination":"a@example.com","notifyOn":["outage"]},{"destination":"b@example.com","components":["Nope"]}]}""";

            var report = await ReadAsync(await PostAsync(admin, page.Id, Json(json), "?preVerified=false"), HttpStatusCode.OK);

            var imported = Assert.Single(report.GetProperty("imported").EnumerateArray());
            Assert.Equal(1, imported.GetProperty("row").GetInt32());
            var subscriber = await factory.Service<SubscriberService>().GetAsync(imported.GetProperty("id").GetGuid());
            Assert.True(subscriber is { IsVerified: false, NotifyOn: NotificationEvents.Outage });
            Assert.Equal(["Nope"], report.GetProperty("unknownComponents").EnumerateArray().Select(n => n.GetString()));
            Assert.StartsWith("Row 2, column components:", report.GetProperty("skipped")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, await factory.OutboxCountAsync(page.Id));
        });
    }

    [Theory]
    [InlineData("name\nx\n", "email")]
    [InlineData("email\n\"a@example.com\n", "body")]
    public async Task A_csv_it_cannot_read_is_a_400_naming_the_column_or_body_and_subscribes_nobody(string csv, string field)
    {
        await factory.WithPageAsync("import-subscribers-bad-csv", async page =>
        {
            using var admin = factory.CreateAdminClient();

            await AssertProblemAsync(await PostAsync(admin, page.Id, Csv(csv)), HttpStatusCode.BadRequest, field);
            Assert.Empty(await factory.Service<SubscriberService>().ListAsync(page.Id));
        });
    }

    [Fact]
    public async Task More_than_ten_thousand_rows_is_a_400_naming_body()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();
        var csv = "email\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"u{i}@example.com\n"));

        await AssertProblemAsync(await PostAsync(admin, pageId, Csv(csv)), HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_body_over_5_MiB_is_a_413()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        using var response = await PostAsync(admin, pageId, Csv("email,note\n" + new string('x', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_content_type_is_a_415_naming_csv_and_json()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        using var response = await PostAsync(admin, pageId, new StringContent("email\na@example.com\n", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("text/csv", body, StringComparison.Ordinal);
        Assert.Contains("application/json", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_404_naming_pageId_and_a_bad_preVerified_a_400()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        await AssertProblemAsync(await PostAsync(admin, Guid.NewGuid(), Csv("email\na@example.com\n")), HttpStatusCode.NotFound, "pageId");
        await AssertProblemAsync(await PostAsync(admin, pageId, Csv("email\na@example.com\n"), "?preVerified=maybe"), HttpStatusCode.BadRequest, "preVerified");
    }

    [Fact]
    public async Task Without_the_api_key_it_is_a_401_and_subscribes_nobody()
    {
        await factory.WithPageAsync("import-subscribers-anonymous", async page =>
        {
            using var anonymous = factory.CreatePublicClient();

            using var response = await PostAsync(anonymous, page.Id, Csv("email\na@example.com\n"));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await factory.Service<SubscriberService>().ListAsync(page.Id));
        });
    }

    private static StringContent Csv(string body) => new(body, Encoding.UTF8, "text/csv");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid pageId, HttpContent body, string query = "") =>
        client.PostAsync($"/status/admin/pages/{pageId}/import/subscribers{query}", body);
}
