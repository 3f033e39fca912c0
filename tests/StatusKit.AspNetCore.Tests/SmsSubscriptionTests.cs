using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The SMS channel at HTTP: offered by the page's form and taken by the public route only once the host added the SMS
/// notifier; a number is stored in E.164, and one its country does not give out is refused on the public and the admin
/// route; the sample host turns it on from configuration; the subscriber CSV reads Statuspage's phone columns, making a
/// national number of any country international.
/// </summary>
public sealed class SmsSubscriptionTests(SmsSampleHostFactory sms) : IClassFixture<SmsSampleHostFactory>
{
    [Fact]
    public async Task With_the_SMS_notifier_the_form_offers_SMS_and_a_number_subscribes_in_E164()
    {
        await using var app = await StartAsync(withSms: true);
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var json = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "+44 (20) 7946-0958" });

        Assert.Contains("value=\"sms\"> SMS (mobile number with country code)</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Phone number or URL</label>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        var pageId = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id;
        var subscriber = Assert.Single(await app.Services.GetRequiredService<SubscriberService>().ListAsync(pageId));
        Assert.Equal((SubscriberChannel.Sms, "+442079460958"), (subscriber.Channel, subscriber.Destination));
    }

    [Fact]
    public async Task Without_it_the_form_has_no_SMS_and_an_sms_subscription_is_a_400_naming_the_channel()
    {
        await using var app = await StartAsync(withSms: false);
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var refused = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "+14155550123" });

        Assert.DoesNotContain("value=\"sms\"", html, StringComparison.Ordinal);
        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "channel");
        Assert.Contains("AddTwilioSmsNotifier", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_without_its_country_code_is_a_400_naming_the_destination()
    {
        await using var app = await StartAsync(withSms: true);
        using var client = app.Client();

        using var refused = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "(415) 555-0123" });

        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "destination");
    }

    [Fact]
    public async Task The_sample_host_offers_SMS_only_when_its_Twilio_account_is_configured()
    {
        using var plain = new SampleHostFactory();

        Assert.Contains(SubscriberChannel.Sms, sms.Service<SubscriberService>().Channels);
        Assert.DoesNotContain(SubscriberChannel.Sms, plain.Service<SubscriberService>().Channels);
    }

    [Fact]
    public void The_CSV_reads_an_sms_rows_number_from_Statuspages_phone_columns_and_makes_a_national_one_international()
    {
        var rows = SubscriberImportDocument.ReadCsv(
            "type,email,phone_number,phone_country,components\n"
            + "sms,,4155550123,US,API\n"
            + "sms,,07400 123456,gb,\n"
            + "SMS,,+49 30 1234567,DE,\n"
            + "sms,,0612345678,ZZ,\n"
            + "sms,,0612345678,,\n"
            + "sms,,06 CALL NOW,FR,\n"
            + "email,ops@example.com,,,\n");

        Assert.Equal(
            [("+14155550123", "phone_number"), ("+447400123456", "phone_number"), ("+49 30 1234567", "phone_number"), ("0612345678", "phone_number"),
             ("0612345678", "phone_number"), ("06 CALL NOW", "phone_number"), ("ops@example.com", "email")],
            rows.Select(r => (r.Destination, r.DestinationField)));
        Assert.Equal(["API"], rows[0].Components);
    }

    [Theory]
    [InlineData("KE", "0712 123456", "+254712123456")]
    [InlineData("NG", "0802 123 4567", "+2348021234567")]
    [InlineData("EG", "010 01234567", "+201001234567")]
    [InlineData("VN", "0912 345 678", "+84912345678")]
    [InlineData("ID", "0812-345-678", "+62812345678")]
    [InlineData("PK", "0301 2345678", "+923012345678")]
    [InlineData("PE", "912 345 678", "+51912345678")]
    [InlineData("IT", "02 1234 5678", "+390212345678")]
    [InlineData("GB", "(07400) 123.456", "+447400123456")]
    public void A_national_number_of_any_country_becomes_E164_its_trunk_prefix_dropped_where_the_country_drops_it(string country, string national, string e164)
    {
        var row = Assert.Single(SubscriberImportDocument.ReadCsv($"type,phone_number,phone_country\nsms,{national},{country}\n"));

        Assert.Equal(e164, row.Destination);
    }

    [Fact]
    public async Task The_import_subscribes_national_numbers_of_countries_anywhere_and_reports_an_unknown_country_or_an_invalid_number_by_row()
    {
        await sms.WithPageAsync("sms-import-countries", async page =>
        {
            using var admin = sms.CreateAdminClient();
            var csv = "type,phone_number,phone_country\n"
                + "sms,0712 123456,KE\n"
                + "sms,0802 123 4567,NG\n"
                + "sms,912 345 678,PE\n"
                + "sms,0612 345 678,XX\n"
                + "sms,0712 1234,KE\n"
                + "sms,+1 555 123 4567,US\n";

            using var response = await admin.PostAsync($"/status/admin/pages/{page.Id}/import/subscribers", new StringContent(csv, Encoding.UTF8, "text/csv"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal([2, 3, 4], report.RootElement.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("row").GetInt32()));
            Assert.Equal(
                [(5, "invalid"), (6, "invalid"), (7, "invalid")],
                report.RootElement.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("row").GetInt32(), s.GetProperty("reason").GetString())));
            Assert.All(report.RootElement.GetProperty("skipped").EnumerateArray(), s => Assert.Contains(", column phone_number:", s.GetProperty("message").GetString(), StringComparison.Ordinal));
            Assert.DoesNotContain("555 123 4567", report.RootElement.GetRawText(), StringComparison.Ordinal);
            Assert.Equal(
                ["+2348021234567", "+254712123456", "+51912345678"],
                (await sms.Service<SubscriberService>().ListAsync(page.Id)).Select(s => s.Destination).Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task A_number_its_country_does_not_give_out_is_a_400_with_the_phone_number_code_on_the_public_and_the_admin_route()
    {
        await sms.WithPageAsync("sms-invalid-number", async page =>
        {
            using var client = sms.CreatePublicClient("192.0.2.129");
            using var admin = sms.CreateAdminClient();

            using var publicRefusal = await client.PostAsJsonAsync($"/status/{page.Slug}/subscriptions", new { channel = "sms", destination = "+1 555 123 4567" });
            using var adminRefusal = await admin.PostAsJsonAsync($"/status/admin/pages/{page.Id}/subscribers", new { channel = "sms", destination = "+99 999 999 999" });

            foreach (var refusal in new[] { publicRefusal, adminRefusal })
            {
                await AdminResponses.AssertProblemAsync(refusal, HttpStatusCode.BadRequest, "destination");
                var problem = await refusal.Content.ReadAsStringAsync();
                Assert.Contains("\"code\":\"destination.invalidPhoneNumber\"", problem, StringComparison.Ordinal);
                Assert.DoesNotContain("555 123 4567", problem, StringComparison.Ordinal);
                Assert.DoesNotContain("999 999 999", problem, StringComparison.Ordinal);
            }

            Assert.Empty(await sms.Service<SubscriberService>().ListAsync(page.Id));
        });
    }

    [Theory]
    [InlineData("Type,Phone,Country\nsms,0312345678,IT\n", "+390312345678")]
    [InlineData("type,number,country_code\nsms,2125550100,CA\n", "+12125550100")]
    [InlineData("channel,destination\nsms,+1 212 555 0100\n", "+1 212 555 0100")]
    public void The_CSV_takes_the_phone_columns_by_any_of_their_names_or_the_destination_column(string csv, string destination)
    {
        var row = Assert.Single(SubscriberImportDocument.ReadCsv(csv));

        Assert.Equal(destination, row.Destination);
    }

    [Fact]
    public void A_CSV_with_only_a_phone_column_is_read_and_one_naming_it_twice_is_refused()
    {
        Assert.Single(SubscriberImportDocument.ReadCsv("type,phone_number\nsms,+14155550123\n"));
        Assert.Equal("phone_number", Assert.Throws<StatusKitValidationException>(() => SubscriberImportDocument.ReadCsv("type,phone,number\nsms,1,2\n")).Field);
    }

    private static async Task<WebApplication> StartAsync(bool withSms)
    {
        var app = await EmbeddedHost.StartAsync(
            services =>
            {
                var statusPages = services.AddStatusPages().AddStatusPageEndpoints();
                if (withSms)
                {
                    statusPages.AddTwilioSmsNotifier(o =>
                    {
                        o.AccountSid = "AC0123456789abcdef0123456789abcdef";
                        o.AuthToken = "token";
                        o.From = "+15005550006";
                    });
                }
            },
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }
}
